import { kindOf } from "../kinds/definitions.ts";
import type { ComputedTable, ReportModel } from "./model.ts";

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
}

export function snapshot(model: ReportModel, bodyHtml: string): BuildSnapshot {
  return {
    cells: [...model.tables.values()].flatMap((table) => tableCells(table, model)),
    sentences: citingSentences(bodyHtml),
  };
}

export interface Changes {
  cells: { table: string; row: string; column: string; before: string; after: string }[];
  sentences: { before: string; after: string }[];
}

/** Numbers and citing sentences that differ between two builds. */
export function compareSnapshots(before: BuildSnapshot, after: BuildSnapshot): Changes {
  const key = (c: NumberCell) => `${c.table}\u0000${c.row}\u0000${c.column}`;
  const old = new Map(before.cells.map((c) => [key(c), c.value]));
  const cells = after.cells
    .filter((c) => old.has(key(c)) && old.get(key(c)) !== c.value)
    .map((c) => ({ table: c.table, row: c.row, column: c.column, before: old.get(key(c)) ?? "", after: c.value }));
  const oldByShape = new Map<string, string[]>();
  for (const s of before.sentences) oldByShape.set(s.shape, [...(oldByShape.get(s.shape) ?? []), s.text]);
  const sentences: Changes["sentences"] = [];
  for (const s of after.sentences) {
    const candidates = oldByShape.get(s.shape);
    if (!candidates || candidates.includes(s.text)) continue;
    sentences.push({ before: candidates[0], after: s.text });
  }
  return { cells, sentences };
}

export function formatChanges(changes: Changes): string {
  const lines = [`# Endringer siden forrige bygg`, ""];
  lines.push(`## Tall i tabeller (${changes.cells.length})`, "");
  for (const c of changes.cells) lines.push(`- ${c.table} · ${c.row} · ${c.column}: ${c.before} → ${c.after}`);
  lines.push("", `## Setninger med endrede tall (${changes.sentences.length})`, "");
  for (const s of changes.sentences) lines.push(`- før: ${s.before}`, `  nå: ${s.after}`);
  return `${lines.join("\n")}\n`;
}
