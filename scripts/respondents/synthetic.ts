import { z } from "zod";
import type { Fact } from "../compute/facts.ts";
import { kindOf, type TableDefinitions } from "../kinds/definitions.ts";
import type { SyntheticAnswers, TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
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

/**
 * For questions the report publishes no numbers for: how many answer and
 * weights for the answers, in code order (data/svar/syntetisk-oppsett.json).
 */
export const SyntheticSettingsSchema = z.strictObject({
  $comment: z.string().optional(),
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
  questions: z.record(
    z.string(),
    z.strictObject({ answered: z.number().int().min(0), weights: z.array(z.number().min(0)).min(1) }),
  ),
});
export type SyntheticSettings = z.infer<typeof SyntheticSettingsSchema>;

export function makeSyntheticRespondents(
  codebook: Codebook,
  definitions: TableDefinitions,
  data: Map<string, DataTable>,
  facts: Map<string, Fact>,
  seed = 1,
  settings: SyntheticSettings = { first: [], questions: {} },
  kinds: readonly TableKind[] = defaultKinds,
): SyntheticResult {
  const random = seeded(seed);
  const total = codebook.respondents ?? 210;
  const people = Array.from(
    { length: total },
    () => Object.fromEntries(codebook.questions.map((q) => [q.id, null])) as Record<string, number | null>,
  );
  const notes: string[] = [];
  const questionById = new Map(codebook.questions.map((q) => [q.id, q]));
  const codeOf = (q: Question, label: string) =>
    [...codebook.scales[q.scale].codes, ...codebook.scales[q.scale].missing].find((c) => c.label === label)?.code;
  const askedOf = (q: Question) => people.filter((p) => wasAsked(q, p));

  /** Give `codes` (a list with one entry per answer) to randomly chosen people among `pool`. */
  const deal = (id: string, codes: number[], pool: Record<string, number | null>[], table: string) => {
    if (codes.length > pool.length) {
      notes.push(`${table}: ${codes.length} answers to ${id}, but only ${pool.length} were asked`);
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
      notes.push(`synthetic settings: "first" names question "${question}" or fact "${countFact}", which do not exist`);
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
  };
  for (const [tableId, definition] of Object.entries(definitions)) {
    const table = data.get(definition.data);
    const synthesize = kindOf(kinds, definition.kind).respondents?.synthesize;
    if (table && synthesize) synthesize(tableId, definition, table, answers);
  }
  // Questions without published numbers: answers in proportion to the settings' weights.
  for (const [id, { answered, weights }] of Object.entries(settings.questions)) {
    const q = questionById.get(id);
    if (!q) {
      notes.push(`syntetisk-oppsett: no question "${id}" in the codebook`);
      continue;
    }
    const codes = codebook.scales[q.scale].codes;
    if (weights.length !== codes.length) {
      notes.push(`syntetisk-oppsett: ${id} has ${codes.length} answers but ${weights.length} weights`);
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
      "syntetisk-oppsett",
    );
  }

  return {
    respondents: {
      file: "syntetiske eksempeldata",
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
