/**
 * A term (term.ts) in the report's words: where a number was read and how
 * it was computed ("12 av 208 = 5,77 % → 6 %, avrundet halvt opp. 12:
 * data/alder.csv, linje 3 (kategori «Under 30»), kolonne «antall»"). Plain
 * text; the templates escape it.
 */
import { percentOfCounts } from "../compute/rounding.ts";
import type { NumberFormat } from "../format/numbers.ts";
import type { ProvenanceWords } from "../locale/types.ts";
import {
  type Answers,
  type Evaluated,
  evaluate,
  exactShare,
  leaves,
  type Read,
  type Share,
  type Term,
} from "./term.ts";

export interface ExplainContext {
  format: NumberFormat;
  words: ProvenanceWords;
  /** A file every explanation of a table names once, above them: left out of each. */
  omitFile?: string;
  /**
   * For a table's cells: only the rule of a computed number, not where its
   * inputs come from (their own cells say), no row keys (the row's label
   * stands beside it) and no rounding clause (said once for the table).
   */
  brief?: boolean;
}

/** A number as the explanation shows an input: as many decimals as it has (up to four). */
export function shown(format: NumberFormat, value: number): string {
  const decimals = /\.(\d+)/.exec(String(value))?.[1].length ?? 0;
  return format.number(value, Math.min(decimals, 4));
}

/** "2–6", "2, 4–5 og 9": lines as ranges, the last joined with the language's `and`. */
export function lineRanges(lines: number[], and = "og"): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return ranges.length < 2 ? ranges.join("") : `${ranges.slice(0, -1).join(", ")} ${and} ${ranges[ranges.length - 1]}`;
}

const keyText = (key: Record<string, string>, c: ExplainContext) => {
  const entries = Object.entries(key);
  return entries.length === 0
    ? ""
    : ` (${entries.map(([field, value]) => `${field} ${c.words.quote(value)}`).join(", ")})`;
};

/** Where a value was read: file, line and key, column. */
function whereRead(leaf: Read, c: ExplainContext): string {
  const key = c.brief ? "" : keyText(leaf.key, c);
  const place = `${c.words.line(String(leaf.line))}${key}, ${c.words.column(leaf.column)}`;
  return leaf.file === c.omitFile ? place : `${leaf.file}, ${place}`;
}

/** Reads grouped by file and column: "kolonne «antall», linje 2–6 i data/alder.csv". */
function whereReads(reads: Read[], c: ExplainContext): string {
  const groups = new Map<string, Read[]>();
  for (const r of reads) {
    const id = `${r.file}\u0000${r.column}`;
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  return [...groups.values()]
    .map((group) => {
      const { file, column } = group[0];
      const place = `${c.words.column(column)}, ${c.words.line(
        lineRanges(
          group.map((r) => r.line),
          c.words.and,
        ),
      )}`;
      return file === c.omitFile ? place : `${place} ${c.words.inFile(file)}`;
    })
    .join("; ");
}

function answersText(leaf: Answers, c: ExplainContext): string {
  const codes = (list: { code: number; label: string }[]) =>
    list.map(({ code, label }) => `${c.words.quote(label)} (${code})`).join(` ${c.words.and} `);
  return c.words.answers({
    question: leaf.question,
    counted: leaf.counted,
    codes: codes(leaf.codes),
    among: leaf.among ? c.words.among({ question: leaf.among.question, codes: codes(leaf.among.codes) }) : "",
    n: c.format.number(leaf.n),
    file: leaf.file,
  });
}

/** How a share was rounded, in words. */
export const roundingText = (term: Pick<Share, "rounding">, c: Pick<ExplainContext, "words">) =>
  c.words.rounding[term.rounding] ?? term.rounding;

/** The rounding policies of the shares in a term. */
export function roundingsOf(term: Term): string[] {
  switch (term.op) {
    case "share":
      return [term.rounding, ...roundingsOf(term.part), ...roundingsOf(term.whole)];
    case "sum":
    case "mean":
      return term.of.flatMap(roundingsOf);
    default:
      return [];
  }
}

const percentText = (c: ExplainContext, value: Evaluated) => c.format.percent(value.value, value.decimals ?? 0);

function shareText(term: Share, c: ExplainContext): string {
  const part = evaluate(term.part).value;
  const whole = evaluate(term.whole).value;
  const exact = c.format.percent(exactShare(term), 2);
  // SPSS's one decimal is a step of its own: 11 av 76 = 14,47 % → 14,5 → 15 %.
  const step =
    term.rounding === "spss-then-whole" && term.decimals === 0 && evaluate(term).decimals === 0
      ? ` → ${c.format.number(percentOfCounts(part, whole, 1), 1)}`
      : "";
  // The whole of itself (a total's 100 %) needs no rounding to show.
  const result =
    part === whole ? percentText(c, evaluate(term)) : `${exact}${step} → ${percentText(c, evaluate(term))}`;
  const rule = `${c.words.of(shown(c.format, part), shown(c.format, whole))} = ${result}`;
  if (c.brief) return rule;
  const inputs = term.part === term.whole ? [term.part] : [term.part, term.whole];
  return [
    `${rule}, ${roundingText(term, c)}`,
    ...inputs.map((t) => `${shown(c.format, evaluate(t).value)}: ${explain(t, c)}`),
  ].join(". ");
}

/** A term in words: a read value's place, a computed value's rule and (unless brief) its inputs' places. */
export function explain(term: Term, c: ExplainContext): string {
  switch (term.op) {
    case "read":
      return whereRead(term, c);
    case "answers":
      return answersText(term, c);
    case "fixed":
      return c.words.absent;
    case "count":
      return c.words.rowsCounted({
        count: c.format.number(term.rows.length),
        where: whereReads(
          term.rows.map((r) => ({ op: "read", ...r, column: Object.keys(r.key)[0] ?? "", value: 0 })),
          c,
        ),
      });
    case "sum": {
      if (term.of.every((t) => t.op === "read")) return `${c.words.sumOf} ${whereReads(term.of as Read[], c)}`;
      const values = term.of.map((t) => shown(c.format, evaluate(t).value));
      const rule = `${values.join(" + ")} = ${shown(c.format, evaluate(term).value)}`;
      if (c.brief) return rule;
      return [rule, ...term.of.map((t, i) => `${values[i]}: ${explain(t, c)}`)].join(". ");
    }
    case "share":
      return shareText(term, c);
    case "mean": {
      const values = term.of.map((t) => c.format.number(evaluate(t).value, 2));
      const exact = term.of.reduce((s, t) => s + evaluate(t).value, 0) / term.of.length;
      const rounded =
        term.decimals === undefined
          ? ""
          : ` → ${c.format.number(evaluate(term).value, term.decimals)}, ${c.words.roundedTo(String(term.decimals))}`;
      const rule = `${c.words.meanOf(c.format.number(term.of.length))} (${values.join("; ")}) = ${c.format.number(exact, 3)}${rounded}`;
      if (c.brief) return rule;
      return [rule, ...term.of.map((t, i) => `${values[i]}: ${explain(t, c)}`)].join(". ");
    }
    case "weighted": {
      const weights = term.of.map((t) => t.weight).filter((t): t is Read => t.op === "read");
      const scores = term.of.map((t) => t.score).filter((t): t is Read => t.op === "read");
      // The shares stand in one row of the distribution, the scores in one column of the scale.
      const [first] = weights;
      const columns = weights.map((w) => c.words.quote(w.column)).join(", ");
      const shares = first
        ? `${first.file}, ${c.words.line(String(first.line))}${keyText(first.key, c)}, ${c.words.columns(columns)}`
        : "";
      return c.words.weighted({ shares, scores: whereReads(scores, { ...c, omitFile: undefined }) });
    }
  }
}

/** Every file, line and column a term read, grouped: "data/alder.csv, kolonne «antall», linje 2–6". */
export function sources(term: Term, c: ExplainContext): string {
  const reads = leaves(term);
  const read = reads.filter((l): l is Read => l.op === "read");
  const counted = reads.filter((l): l is Answers => l.op === "answers").map((l) => answersText(l, c));
  const full = { ...c, omitFile: undefined, brief: false };
  const places = read.length === 1 ? [whereRead(read[0], full)] : read.length > 1 ? [whereReads(read, full)] : [];
  return [...places, ...counted].join("; ");
}
