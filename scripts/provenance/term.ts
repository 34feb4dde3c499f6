/**
 * Where a printed number comes from, as a small expression: its leaves are
 * values read from a data file (file, line, the row's key, column) or counted
 * from respondent-level answers (question, codes, N); its nodes are the rules
 * the engine applied (a sum of rows, a share of counts rounded by a policy, a
 * mean). Evaluating the expression gives the number again, and printing it as
 * `print` says gives the text the reader sees: the index beside the HTML holds
 * both, so anyone can check one against the other (test/provenance.test.ts does).
 */
import { type RoundingPolicyName, roundHalfUp, roundingPolicy } from "../compute/rounding.ts";
import type { NumberFormat } from "../format/numbers.ts";
import { pValueText } from "../kinds/grid/compute.ts";

/** A number as written in a data file: its line (header = 1), the row's key fields, and the column. */
export interface Read {
  op: "read";
  file: string;
  line: number;
  key: Record<string, string>;
  column: string;
  value: number;
}

/**
 * A count (or a mean) of respondent-level answers, in a build from answers:
 * those whose answer to `question` is one of `codes`, among `n` people.
 */
export interface Answers {
  op: "answers";
  /** The answers file, or "" for answers made in memory (the synthetic example). */
  file: string;
  question: string;
  /** The codes counted, with their labels; empty for a numeric mean or a blank count. */
  codes: { code: number; label: string }[];
  /**
   * What was counted: answers with these codes, any answer, blanks, those
   * asked, those routed past the question; or a statistic of the answers.
   */
  counted: "codes" | "answered" | "blank" | "asked" | "notAsked" | "statistic";
  /** Those the count is among: everyone in the answers, or those in a group. */
  n: number;
  /** A group the count is restricted to (a crosstab's row, a comparison's group): question and codes. */
  among?: { question: string; codes: { code: number; label: string }[] };
  value: number;
}

/** The sum of its terms (rows of a file, categories of a table). */
export interface Sum {
  op: "sum";
  of: Term[];
}

/** `part` of `whole` × 100, rounded by a rounding policy at `decimals` (compute/rounding.ts). */
export interface Share {
  op: "share";
  part: Term;
  whole: Term;
  rounding: RoundingPolicyName;
  decimals: number;
}

/** The mean of its terms, rounded half up at `decimals` when given. */
export interface Mean {
  op: "mean";
  of: Term[];
  decimals?: number;
}

/** A mean score from a distribution: Σ weight × score / Σ weight. */
export interface Weighted {
  op: "weighted";
  of: { weight: Term; score: Term }[];
}

/** A number no file holds, with why: a combination absent from the data counts 0. */
export interface Fixed {
  op: "fixed";
  value: number;
  why: "absent";
}

/** How many rows a rule took (the items a group's mean is taken over). */
export interface Count {
  op: "count";
  rows: { file: string; line: number; key: Record<string, string> }[];
}

export type Term = Read | Answers | Sum | Share | Mean | Weighted | Fixed | Count;

/** How a number is printed: the style and decimals of the report's number format. */
export interface PrintSpec {
  /** `percentValue`: a percentage without its sign, as table cells print it under a «Prosent» heading. */
  style: "number" | "percent" | "percentValue" | "currency" | "word" | "year" | "p";
  /** Decimals; absent: those the rule gives (a rounding policy may print 0,5 where whole percent is the rule). */
  decimals?: number;
  /** For `word`: how a number beyond the locale's number words is printed. */
  otherwise?: PrintSpec;
}

export interface Evaluated {
  value: number;
  /** Decimals the rule itself decided (a share's policy). */
  decimals?: number;
}

/** The number a term stands for, computed again from its leaves by its rules. */
export function evaluate(term: Term, read: (leaf: Read) => number = (leaf) => leaf.value): Evaluated {
  switch (term.op) {
    case "read":
      return { value: read(term) };
    case "answers":
    case "fixed":
      return { value: term.value };
    case "count":
      return { value: term.rows.length };
    case "sum":
      return { value: term.of.reduce((s, t) => s + evaluate(t, read).value, 0) };
    case "share":
      return roundingPolicy(term.rounding)(
        evaluate(term.part, read).value,
        evaluate(term.whole, read).value,
        term.decimals,
      );
    case "mean": {
      const mean = term.of.reduce((s, t) => s + evaluate(t, read).value, 0) / term.of.length;
      return term.decimals === undefined ? { value: mean } : { value: roundHalfUp(mean, term.decimals) };
    }
    case "weighted": {
      let weights = 0;
      let sum = 0;
      for (const { weight, score } of term.of) {
        const w = evaluate(weight, read).value;
        weights += w;
        sum += w * evaluate(score, read).value;
      }
      return { value: sum / weights };
    }
  }
}

/** A share's unrounded value, for the explanation ("172 av 208 = 82,69 % → 83 %"). */
export function exactShare(term: Share): number {
  return (evaluate(term.part).value / evaluate(term.whole).value) * 100;
}

/** A number printed as `spec` says, in the report's number format. */
export function printValue(format: NumberFormat, spec: PrintSpec, { value, decimals: ruled }: Evaluated): string {
  const decimals = spec.decimals ?? ruled ?? 0;
  switch (spec.style) {
    case "number":
      return format.number(value, decimals);
    case "percent":
      return format.percent(value, decimals);
    case "percentValue":
      return format.number(value, decimals);
    case "currency":
      return format.currency(value, decimals);
    case "year":
      return String(value);
    case "word":
      return format.word(value) ?? printValue(format, spec.otherwise ?? { style: "number" }, { value, decimals });
    case "p":
      return pValueText(value, format);
  }
}

/** Every leaf of a term, in order. */
export function leaves(term: Term): (Read | Answers)[] {
  switch (term.op) {
    case "read":
    case "answers":
      return [term];
    case "fixed":
    case "count":
      return [];
    case "sum":
    case "mean":
      return term.of.flatMap(leaves);
    case "share":
      return [...leaves(term.part), ...leaves(term.whole)];
    case "weighted":
      return term.of.flatMap((t) => [...leaves(t.weight), ...leaves(t.score)]);
  }
}

/** A number with its provenance and how it is printed. */
export interface Traced {
  term: Term;
  print: PrintSpec;
}

export const sum = (of: Term[]): Term => (of.length === 1 ? of[0] : { op: "sum", of });
