import { formatNumber, formatPercent } from "../format/norwegian.ts";
import type { ComputedTable, ReportModel } from "./model.ts";

/** One printed number: where it stands and how it reads. */
export interface NumberCell {
  table: string;
  row: string;
  column: string;
  value: string;
}

const pct = (value: number, decimals: number) => formatPercent(value, decimals);

/** Every number a table prints, cell by cell, as printed. */
export function tableCells(table: ComputedTable): NumberCell[] {
  const cell = (row: string, column: string, value: string) => ({ table: table.id, row, column, value });
  switch (table.kind) {
    case "frequency":
      return [
        ...table.rows.flatMap((r) => [
          cell(r.category, "Antall", formatNumber(r.count)),
          cell(r.category, "Prosent", pct(r.percent, r.percentDecimals)),
        ]),
        ...table.outside.map((r) => cell(r.category, "Antall", formatNumber(r.count))),
        cell("Totalt", "N", formatNumber(table.base)),
        cell("Totalt", "Alle", formatNumber(table.grandTotal)),
      ];
    case "crosstab":
      return [
        ...table.rows.flatMap((row) =>
          table.columns.flatMap((column) => [
            cell(row, `${column} (antall)`, formatNumber(table.cells[row][column].count)),
            cell(
              row,
              `${column} (prosent)`,
              pct(table.cells[row][column].percent, table.cells[row][column].percentDecimals),
            ),
          ]),
        ),
        ...table.columns.map((column) =>
          cell("Totalt", `${column} (antall)`, formatNumber(table.columnTotals[column].count)),
        ),
      ];
    case "multiresponse":
      return [
        ...table.rows.map((r) => cell(r.item, "Prosent", pct(r.percent, r.percentDecimals))),
        cell("N", "N", formatNumber(table.base)),
      ];
    case "grid": {
      // A row is named by its header and its text cells (e.g. "Sekretærer / Heltidsansatte / Helsetjenester"),
      // since a header alone may repeat; only number cells are listed.
      const seen = new Map<string, number>();
      return table.rows.flatMap((r) => {
        const texts = table.columns.filter((c) => r.cells[c.field].value === null).map((c) => r.cells[c.field].text);
        let name = [r.header, ...texts.filter(Boolean)].join(" / ");
        const count = (seen.get(name) ?? 0) + 1;
        seen.set(name, count);
        if (count > 1) name = `${name} (${count})`;
        return table.columns
          .filter((c) => r.cells[c.field].value !== null)
          .map((c) => cell(name, c.label, r.cells[c.field].text));
      });
    }
    case "scoredMeans":
      return table.rows.map((r) => cell(r.group, "Gjennomsnitt", formatNumber(r.mean, table.definition.decimals)));
  }
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
  return { cells: [...model.tables.values()].flatMap(tableCells), sentences: citingSentences(bodyHtml) };
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
