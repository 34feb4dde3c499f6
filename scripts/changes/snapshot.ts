import type { Acceptance } from "../accept/record.ts";
import type { ComputedTable, ReportModel } from "../compute/model.ts";
import { kindOf } from "../kinds/definitions.ts";

/** One printed number: where it stands and how it reads. */
export interface NumberCell {
  table: string;
  row: string;
  column: string;
  value: string;
}

/** Every number a table prints, cell by cell, as printed (its kind lists them). */
export function tableCells(
  table: ComputedTable,
  model: Pick<ReportModel, "kinds" | "format" | "locale">,
): NumberCell[] {
  const context = { format: model.format, labels: model.locale.labels };
  return kindOf(model.kinds, table.kind)
    .cells(table, context)
    .map((c) => ({ table: table.id, ...c }));
}

/** A sentence of the prose that cites data, and the same sentence with its numbers blanked (to match it across builds). */
export interface CitingSentence {
  text: string;
  shape: string;
}

/** A number in the prose: plain in the print edition, a link to its explanation in the web edition. */
const NUMBER = /<(span|a) class="num"[^>]*>(.*?)<\/\1>/g;

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ") // not \s: the no-break spaces in numbers stay
    .trim();

/** The sentences of rendered prose that contain a number from data, as HTML. */
function sentencesWithNumbers(bodyHtml: string): string[] {
  const sentences: string[] = [];
  for (const [, paragraph] of bodyHtml.matchAll(/<(?:p|li)>([\s\S]*?)<\/(?:p|li)>/g)) {
    if (!paragraph.includes('class="num"')) continue;
    // Split after a full stop, question or exclamation mark followed by a space and a capital or a number.
    for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ0-9<«])/)) {
      if (sentence.includes('class="num"')) sentences.push(sentence);
    }
  }
  return sentences;
}

/** The sentences of the rendered prose that contain a number from data. */
export function citingSentences(bodyHtml: string): CitingSentence[] {
  return sentencesWithNumbers(bodyHtml).map((sentence) => ({
    text: plain(sentence),
    shape: plain(sentence.replace(NUMBER, "#")),
  }));
}

/**
 * The web edition's sentences with the ids of their numbers, in order (each
 * number's id in the index of printed numbers), by the sentence's text.
 */
export function sentenceNumberIds(siteBodyHtml: string): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const sentence of sentencesWithNumbers(siteBodyHtml)) {
    const found = [...sentence.matchAll(/<a class="num" id="([^"]+)-i"/g)].map((m) => m[1]);
    ids.set(plain(sentence), found);
  }
  return ids;
}

/** The numbers of a citing sentence, in order, by its shape (its text with each number as "#"). */
export function numbersIn(sentence: CitingSentence): string[] | undefined {
  const parts = sentence.shape.split("#").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const match = new RegExp(`^${parts.join("(.+?)")}$`, "s").exec(sentence.text);
  return match ? match.slice(1) : undefined;
}

/** What a build printed, kept in out/ to tell the next build what changed. */
export interface BuildSnapshot {
  cells: NumberCell[];
  sentences: CitingSentence[];
  /** The data folder's accepted counts (accept/record.ts) this build saw; absent in records of older builds. */
  accepted?: Acceptance[];
}

export function snapshot(model: ReportModel, bodyHtml: string, accepted: Acceptance[] = []): BuildSnapshot {
  return {
    cells: [...model.tables.values()].flatMap((table) => tableCells(table, model)),
    sentences: citingSentences(bodyHtml),
    accepted,
  };
}
