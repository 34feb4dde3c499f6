/**
 * Where a number counted from respondent-level answers comes from, for its
 * provenance (provenance/term.ts): the question, the codes counted and among
 * how many people. A derived row carries one per column it counted
 * (DataRow.origin); a kind's provenance then names these instead of a line
 * of a published file.
 */
import type { Answers, Term } from "../provenance/term.ts";
import type { Codebook } from "./codebook.ts";
import { scaleOf } from "./codebook.ts";
import type { Respondents } from "./read.ts";

/** The codes of a question's scale (answers and missing-value codes) with their labels. */
function labelled(codebook: Codebook, questionId: string, codes: number[]): Answers["codes"] {
  const q = codebook.questions.find((x) => x.id === questionId);
  const scale = q && scaleOf(codebook, q);
  const all = [...(scale?.codes ?? []), ...(scale?.missing ?? []), ...(q?.type === "numeric" ? q.missing : [])];
  return codes.map((code) => ({ code, label: all.find((c) => c.code === code)?.label ?? String(code) }));
}

/** What was counted among the answers: `counted` of `question` (with `codes`), optionally within a group. */
export function answersOrigin(
  respondents: Respondents,
  codebook: Codebook,
  what: {
    question: string;
    counted: Answers["counted"];
    codes?: number[];
    among?: { question: string; codes: number[] };
    n?: number;
  },
  value: number,
): Answers {
  return {
    op: "answers",
    file: respondents.inMemory ? "" : respondents.file,
    question: what.question,
    codes: labelled(codebook, what.question, what.codes ?? []),
    counted: what.counted,
    n: what.n ?? respondents.rows.length,
    ...(what.among
      ? { among: { question: what.among.question, codes: labelled(codebook, what.among.question, what.among.codes) } }
      : {}),
    value,
  };
}

/**
 * A derived row's numbers that a kind did not trace itself: computed from
 * the answers to the questions its definition names (an index's items, a
 * comparison's measures), among everyone in the answers.
 */
export function statisticOrigin(
  respondents: Respondents,
  codebook: Codebook,
  questions: string[],
  value: number,
): Term {
  return answersOrigin(respondents, codebook, { question: questions.join(", "), counted: "statistic" }, value);
}
