import { z } from "zod";
import type { Fact } from "../compute/facts.ts";
import { percentOfCounts, publishedPercent } from "../compute/rounding.ts";
import type { TableDefinition, TableDefinitions } from "../load/config.ts";
import type { DataTable } from "../validate/table.ts";
import { type Codebook, type Question, wasAsked } from "./codebook.ts";
import type { Respondents } from "./read.ts";

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

/**
 * Whole counts out of n that print as the given percentages (at `decimals`,
 * rounded as the report rounds), or undefined if there are none: start from
 * the nearest counts and move single answers between categories.
 */
export function countsForPercents(percents: number[], n: number, decimals: number): number[] | undefined {
  const prints = (count: number, p: number) =>
    decimals === 0 ? publishedPercent(count, n).value === p : percentOfCounts(count, n, decimals) === p;
  const counts = percents.map((p) => Math.round((p * n) / 100));
  for (let step = 0; step < 10; step++) {
    const diff = n - counts.reduce((a, b) => a + b, 0);
    if (diff === 0) break;
    // Move towards n through the category whose exact share is furthest from its count.
    const order = percents
      .map((p, i) => ({ i, gap: (p * n) / 100 - counts[i] }))
      .sort((a, b) => (diff > 0 ? b.gap - a.gap : a.gap - b.gap));
    counts[order[0].i] += Math.sign(diff);
  }
  if (counts.reduce((a, b) => a + b, 0) !== n) return undefined;
  return counts.every((c, i) => c >= 0 && prints(c, percents[i])) ? counts : undefined;
}

/** Roughly normal noise (sum of uniforms), enough to blur a latent order. */
function noise(random: () => number): number {
  return random() + random() + random() - 1.5;
}

/** Whole counts summing to n, in proportion to the percentages (largest remainder). */
function largestRemainder(percents: number[], n: number): number[] {
  const exact = percents.map((p) => (p * n) / 100);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) counts[order[k % order.length].i] += 1;
  return counts;
}

const num = (v: unknown) => (typeof v === "number" ? v : Number(v));

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

  for (const [tableId, definition] of Object.entries(definitions) as [string, TableDefinition][]) {
    const table = data.get(definition.data);
    if (!table || definition.kind === "scoredMeans" || !definition.respondents) continue;
    if (definition.kind === "frequency" && "question" in definition.respondents) {
      const q = questionById.get(definition.respondents.question);
      if (!q) continue;
      const codes: number[] = [];
      for (const row of table.rows) {
        const label = String(row.values[definition.category]);
        if (label === definition.respondents.notAsked || label === "Ikke besvart") continue;
        const code = codeOf(q, label);
        if (code === undefined) notes.push(`${tableId}: «${label}» is not in the codebook's scale for ${q.id}`);
        else codes.push(...repeat(code, num(row.values[definition.count])));
      }
      deal(q.id, codes, askedOf(q), tableId);
    } else if (definition.kind === "crosstab" && definition.respondents) {
      const rowQ = questionById.get(definition.respondents.row);
      const columnQ = questionById.get(definition.respondents.column);
      if (!rowQ || !columnQ) continue;
      const pairs: [number, number][] = [];
      for (const row of table.rows) {
        const r = codeOf(rowQ, String(row.values[definition.row]));
        const c = codeOf(columnQ, String(row.values[definition.column]));
        if (r === undefined || c === undefined) notes.push(`${tableId}: a category is not in the codebook`);
        else for (let i = 0; i < num(row.values[definition.count]); i++) pairs.push([r, c]);
      }
      shuffled(people, random).forEach((person, i) => {
        person[rowQ.id] = pairs[i]?.[0] ?? null;
        person[columnQ.id] = pairs[i]?.[1] ?? null;
      });
    } else if (definition.kind === "multiresponse" && definition.respondents) {
      const items = definition.respondents.items.map((id) => questionById.get(id)).filter((q): q is Question => !!q);
      const pool = items[0] ? askedOf(items[0]) : [];
      table.rows.forEach((row, i) => {
        const q = items[i];
        if (!q) return;
        const percent = num(row.values[definition.percent]);
        const count = Math.round((percent * pool.length) / 100);
        if (publishedPercent(count, pool.length).value !== percent)
          notes.push(`${tableId}: no whole count of ${pool.length} prints as ${percent} % («${q.text}»)`);
        deal(q.id, repeat(1, count), pool, tableId);
      });
    } else if (definition.kind === "grid" && definition.respondents && "items" in definition.respondents) {
      const spec = definition.respondents;
      const fields = Object.keys(spec.columns);
      const blockOrder = shuffled(people, random);
      const latent = new Map(people.map((p) => [p, noise(random)]));
      table.rows.forEach((row, i) => {
        const q = questionById.get(spec.items[i] ?? "");
        if (!q) return;
        const percents = fields.map((f) => num(row.values[f]));
        // N as printed, or else the largest number of answers whose whole counts print as these percentages.
        const candidates = spec.n ? [num(row.values[spec.n])] : Array.from({ length: 40 }, (_, k) => total - k);
        let counts: number[] | undefined;
        let n = candidates[0];
        for (const candidate of candidates) {
          counts = countsForPercents(percents, candidate, spec.decimals);
          n = candidate;
          if (counts) break;
        }
        if (!counts) {
          // The printed percentages do not add up (e.g. to 102): share n out in proportion to them.
          const sum = percents.reduce((a, b) => a + b, 0);
          counts = largestRemainder(
            percents.map((p) => (p / sum) * 100),
            n,
          );
          notes.push(
            `${tableId}: no whole counts of ${n} print as the row «${q.text}» (it sums to ${sum}); counts in proportion used`,
          );
        }
        // The same people skip every question of a block, and answers within a block go together
        // (a person's latent level, plus noise), so indicator scores spread as real ones do.
        const answering = blockOrder.slice(0, n);
        const order = answering
          .map((person) => ({ person, key: (latent.get(person) ?? 0) + noise(random) }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.person);
        const codes = fields
          .map((f, k) => ({ code: spec.columns[f], count: counts[k] }))
          .sort((a, b) => a.code - b.code)
          .flatMap((c) => repeat(c.code, c.count));
        for (const person of people) if (!answering.includes(person)) person[q.id] = null;
        order.forEach((person, k) => {
          person[q.id] = codes[k] ?? null;
        });
      });
    }
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
