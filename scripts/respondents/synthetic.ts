import { z } from "zod";
import type { Fact } from "../compute/facts.ts";
import { kindOf, type TableDefinitions } from "../kinds/definitions.ts";
import type { SyntheticAnswers, TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import { pathInside } from "../load/inside.ts";
import { problem, respondents as said } from "../messages/index.ts";
import type { DataTable } from "../validate/table.ts";
import { type Codebook, type Question, wasAsked } from "./codebook.ts";
import type { Respondents } from "./read.ts";
import { largestRemainder } from "./synthetic-counts.ts";

export { countsForPercents } from "./synthetic-counts.ts";

/**
 * A synthetic respondent-level dataset: as many made-up respondents as the
 * codebook says, whose answers add up to the published tables. Each
 * published count becomes that many answers, dealt out at random (seeded,
 * so the same data every time); percentages without counts are turned back
 * into the whole counts that give them. Answers to different questions are
 * independent: group comparisons in this data show chance, not findings.
 */

/** mulberry32: a small, well-known seeded generator; the data must be the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Roughly normal noise (sum of uniforms), enough to blur a latent order. */
function noise(random: () => number): number {
  return random() + random() + random() - 1.5;
}

export interface SyntheticResult {
  respondents: Respondents;
  /** What could not be reproduced exactly, for the log and the report. */
  notes: string[];
}

/** A choice question's answers: how many answer, and weights for the codes, in code order. */
const ChoiceSettingSchema = z.strictObject({
  answered: z.number().int().min(0),
  weights: z.array(z.number().min(0)).min(1),
});

/** A numeric question's answers: how many answer, roughly normal around `mean`, kept within the question's bounds. */
const NumericSettingSchema = z.strictObject({
  answered: z.number().int().min(0),
  mean: z.number(),
  sd: z.number().min(0),
  /** Decimals the made-up numbers get; default 0 (whole numbers). */
  decimals: z.number().int().min(0).max(4).default(0),
});

/**
 * The synthetic example's settings (report.json names the file,
 * `respondents.syntheticSettings`): its size, the questions dealt first,
 * answers to the questions the report publishes no numbers for, and where
 * `npm run synthetic` writes the dataset. The seed is report.json's
 * `respondents.seed`.
 */
export const SyntheticSettingsSchema = z.strictObject({
  $comment: z.string().optional(),
  /** How many made-up respondents; default: the codebook's `respondents`. */
  respondents: z.number().int().positive().optional(),
  /**
   * Questions dealt before any table, because they route others: `code` goes
   * to as many respondents as the fact `countFact` holds, `otherwise` to the rest.
   */
  first: z
    .array(
      z.strictObject({
        question: z.string(),
        code: z.number().int(),
        countFact: z.string(),
        otherwise: z.number().int(),
      }),
    )
    .default([]),
  questions: z.record(z.string(), z.union([ChoiceSettingSchema, NumericSettingSchema])).default({}),
  /**
   * For a distribution printed without N: how many answer counts, from the
   * size down, to try for one whose whole counts print as the row's
   * percentages; default 40.
   */
  searchN: z.number().int().min(1).default(40),
  /**
   * `npm run synthetic`: the CSV file it writes under data/ (a Table Schema
   * beside it), and that schema's title and description, in which
   * {respondents} and {seed} are replaced by the numbers. Answers read from
   * this file are marked synthetic wherever they are printed.
   */
  write: z
    .strictObject({
      file: pathInside("data/")
        .regex(/\.csv$/, { error: () => problem.schema.csvFile })
        .default("respondents/synthetic-answers.csv"),
      title: z.string().default("Synthetic example answers (made up)"),
      description: z
        .string()
        .default(
          "Made-up answers from {respondents} people, made by npm run synthetic with seed {seed}. They add up to the published tables, but the relations between questions are chance. Not answers from the survey.",
        ),
    })
    .default({
      file: "respondents/synthetic-answers.csv",
      title: "Synthetic example answers (made up)",
      description:
        "Made-up answers from {respondents} people, made by npm run synthetic with seed {seed}. They add up to the published tables, but the relations between questions are chance. Not answers from the survey.",
    }),
});
export type SyntheticSettings = z.infer<typeof SyntheticSettingsSchema>;

/** What the generator is told: the seed and size, the settings, and how its messages name the settings file. */
export interface SyntheticOptions {
  seed: number;
  /** How many made-up respondents (the settings' `respondents`, else the codebook's). */
  size: number;
  settings: SyntheticSettings;
  /** The settings file as shown in notes, and the dataset's name in messages. */
  settingsFile: string;
}

/** The example's size: the settings say, or the codebook's number of respondents; undefined when neither does. */
export function syntheticSize(codebook: Codebook, settings: SyntheticSettings): number | undefined {
  return settings.respondents ?? codebook.respondents;
}

export function makeSyntheticRespondents(
  codebook: Codebook,
  definitions: TableDefinitions,
  data: Map<string, DataTable>,
  facts: Map<string, Fact>,
  { seed, size: total, settings, settingsFile }: SyntheticOptions,
  kinds: readonly TableKind[] = defaultKinds,
): SyntheticResult {
  const random = seeded(seed);
  const people = Array.from(
    { length: total },
    () => Object.fromEntries(codebook.questions.map((q) => [q.id, null])) as Record<string, number | null>,
  );
  const notes: string[] = [];
  const questionById = new Map(codebook.questions.map((q) => [q.id, q]));
  const codeOf = (q: Question, label: string) =>
    q.type === "choice"
      ? [...codebook.scales[q.scale].codes, ...codebook.scales[q.scale].missing].find((c) => c.label === label)?.code
      : undefined;
  const askedOf = (q: Question) => people.filter((p) => wasAsked(q, p));

  /** Give `codes` (a list with one entry per answer) to randomly chosen people among `pool`. */
  const deal = (id: string, codes: number[], pool: Record<string, number | null>[], table: string) => {
    if (codes.length > pool.length) {
      notes.push(said.moreAnswersThanAsked(table, codes.length, id, pool.length));
    }
    shuffled(pool, random).forEach((person, i) => {
      person[id] = i < codes.length ? codes[i] : null;
    });
  };
  const repeat = (code: number, count: number) => Array.from({ length: count }, () => code);

  // Questions that route others come first, their counts from facts (settings.first).
  for (const { question, code, countFact, otherwise } of settings.first) {
    const count = facts.get(countFact)?.value;
    if (!questionById.has(question) || count === undefined) {
      notes.push(said.firstUnknown(question, countFact));
      continue;
    }
    deal(question, [...repeat(code, count), ...repeat(otherwise, total - count)], people, question);
  }

  // Each kind's part, in table order (the order of random draws, so the data is the same every time).
  const answers: SyntheticAnswers = {
    people,
    notes,
    question: (id) => questionById.get(id),
    codeOf,
    askedOf,
    deal,
    shuffled: (items) => shuffled(items, random),
    noise: () => noise(random),
    searchN: settings.searchN,
  };
  for (const [tableId, definition] of Object.entries(definitions)) {
    const table = data.get(definition.data);
    const synthesize = kindOf(kinds, definition.kind).respondents?.synthesize;
    if (table && synthesize) synthesize(tableId, definition, table, answers);
  }
  // Questions without published numbers: answers in proportion to the settings' weights,
  // numbers roughly normal around the settings' mean.
  for (const [id, setting] of Object.entries(settings.questions)) {
    const q = questionById.get(id);
    if (!q) {
      notes.push(said.settingsUnknownQuestion(settingsFile, id));
      continue;
    }
    if (q.type === "numeric" || !("weights" in setting)) {
      if (q.type !== "numeric" || "weights" in setting) {
        notes.push(said.settingsWrongKind(settingsFile, id, q.type === "numeric"));
        continue;
      }
      const step = 10 ** setting.decimals;
      const values = Array.from({ length: Math.min(setting.answered, total) }, () => {
        // noise() has SD 0.5 (three uniforms): twice it is roughly a standard normal draw.
        const drawn = setting.mean + setting.sd * 2 * noise(random);
        const bounded = Math.min(q.max ?? Number.POSITIVE_INFINITY, Math.max(q.min ?? Number.NEGATIVE_INFINITY, drawn));
        return q.integer ? Math.round(bounded) : Math.round(bounded * step) / step;
      });
      deal(id, values, askedOf(q), settingsFile);
      continue;
    }
    const { answered, weights } = setting;
    const codes = codebook.scales[q.scale].codes;
    if (weights.length !== codes.length) {
      notes.push(said.settingsWeights(settingsFile, id, codes.length, weights.length));
      continue;
    }
    const sum = weights.reduce((a, b) => a + b, 0);
    const counts = largestRemainder(
      weights.map((w) => (w / sum) * 100),
      Math.min(answered, total),
    );
    deal(
      id,
      codes.flatMap((c, k) => repeat(c.code, counts[k])),
      askedOf(q),
      settingsFile,
    );
  }

  return {
    respondents: {
      file: said.syntheticFile(settingsFile),
      rows: people.map((answers, i) => ({ row: i + 2, answers })),
    },
    notes,
  };
}

/** The dataset as CSV, one row per respondent, for `npm run synthetic` and for anyone who wants to look. */
export function respondentsCsv(codebook: Codebook, respondents: Respondents): string {
  const ids = codebook.questions.map((q) => q.id);
  const lines = [["id", ...ids].join(",")];
  respondents.rows.forEach((r, i) => {
    lines.push([String(i + 1), ...ids.map((id) => (r.answers[id] == null ? "" : String(r.answers[id])))].join(","));
  });
  return `${lines.join("\n")}\n`;
}

/**
 * A Table Schema for the written dataset: its title and description from the
 * settings ({respondents} and {seed} filled in), a field per question with
 * its codes (or its bounds, for a numeric one).
 */
export function respondentsSchema(
  codebook: Codebook,
  respondents: Respondents,
  write: SyntheticSettings["write"],
  seed: number,
): Record<string, unknown> {
  const fill = (text: string) =>
    text.replaceAll("{respondents}", String(respondents.rows.length)).replaceAll("{seed}", String(seed));
  const name = write.file.replace(/^.*\//, "").replace(/\.csv$/, "");
  return {
    name,
    title: fill(write.title),
    description: fill(write.description),
    fields: [
      { name: "id", type: "integer" },
      ...codebook.questions.map((q) => {
        if (q.type === "numeric") {
          const constraints = {
            ...(q.min !== undefined ? { minimum: q.min } : {}),
            ...(q.max !== undefined ? { maximum: q.max } : {}),
          };
          return {
            name: q.id,
            title: q.text,
            type: q.integer ? "integer" : "number",
            ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
          };
        }
        const scale = codebook.scales[q.scale];
        return {
          name: q.id,
          title: q.text,
          type: "integer",
          constraints: { enum: [...scale.codes, ...scale.missing].map((c) => c.code) },
        };
      }),
    ],
  };
}
