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

const NUMBER_SPAN = /<span class="num">(.*?)<\/span>/g;

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

/** The sentences of the rendered prose that contain a number from data. */
export function citingSentences(bodyHtml: string): CitingSentence[] {
  const sentences: CitingSentence[] = [];
  for (const [, paragraph] of bodyHtml.matchAll(/<(?:p|li)>([\s\S]*?)<\/(?:p|li)>/g)) {
    if (!paragraph.includes('class="num"')) continue;
    // Split after a full stop, question or exclamation mark followed by a space and a capital or a number.
    for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ0-9<«])/)) {
      if (!sentence.includes('class="num"')) continue;
      sentences.push({ text: plain(sentence), shape: plain(sentence.replace(NUMBER_SPAN, "#")) });
    }
  }
  return sentences;
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
