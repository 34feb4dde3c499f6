import type { FrequencyTable } from "../compute/frequency.ts";
import { formatNumber, formatPercent } from "../format/norwegian.ts";
import { escapeHtml } from "./escape.ts";

export interface Numbered {
  /** HTML id, also the target of cross-references. */
  anchor: string;
  /** "Tabell 3", "Figur 2". */
  label: string;
}

/** Percent cells are printed without the sign; the column header says "Prosent". */
function percentCell(value: number, decimals: number): string {
  return formatPercent(value, decimals).replace(/\u00a0%$/, "");
}

function notes(source: string | undefined, note: string | undefined): string {
  const parts = [];
  if (note) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  if (source) parts.push(`<p class="source">Kilde: ${escapeHtml(source)}</p>`);
  return parts.join("\n");
}

export function frequencyTableHtml(table: FrequencyTable, numbered: Numbered): string {
  const { definition } = table;
  const head = escapeHtml(definition.question ?? "");
  const bodyRows = table.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.category)}</th><td>${formatNumber(r.count)}</td><td>${percentCell(r.percent, r.percentDecimals)}</td></tr>`,
    )
    .join("\n");
  const footRows = [
    `<tr class="total"><th scope="row">Totalt</th><td>${formatNumber(table.base)}</td><td>${percentCell(100, 0)}</td></tr>`,
  ];
  if (table.outside.length > 0) {
    for (const r of table.outside) {
      footRows.push(
        `<tr><th scope="row">${escapeHtml(r.category)}</th><td>${formatNumber(r.count)}</td><td></td></tr>`,
      );
    }
    footRows.push(
      `<tr class="total"><th scope="row">Totalt</th><td>${formatNumber(table.grandTotal)}</td><td></td></tr>`,
    );
  }
  return [
    `<div class="table-block" id="${numbered.anchor}">`,
    `<table class="frequency">`,
    `<caption><span class="label">${numbered.label}</span> ${escapeHtml(definition.title)}</caption>`,
    `<thead><tr><th scope="col">${head}</th><th scope="col">Antall</th><th scope="col">Prosent</th></tr></thead>`,
    `<tbody>\n${bodyRows}\n</tbody>`,
    `<tfoot>\n${footRows.join("\n")}\n</tfoot>`,
    `</table>`,
    notes(definition.source, definition.note),
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** A figure's numbers as a plain table, so they are reachable without seeing the chart. */
export function figureDataTableHtml(table: FrequencyTable): string {
  const rows = table.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.category)}</th><td>${formatNumber(r.count)}</td><td>${percentCell(r.percent, r.percentDecimals)}</td></tr>`,
    )
    .join("\n");
  return [
    `<table class="figure-data">`,
    `<thead><tr><th scope="col">Kategori</th><th scope="col">Antall</th><th scope="col">Prosent</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    `</table>`,
  ].join("\n");
}

export function figureHtml(
  svg: string,
  caption: string,
  numbered: Numbered,
  dataTable: string,
  source?: string,
  note?: string,
): string {
  return [
    `<figure class="chart" id="${numbered.anchor}">`,
    `<div class="chart-image">${svg}</div>`,
    `<figcaption><span class="label">${numbered.label}</span> ${escapeHtml(caption)}</figcaption>`,
    notes(source, note),
    `<details class="figure-data"><summary>Tallene i ${numbered.label.toLowerCase()}</summary>\n${dataTable}\n</details>`,
    `</figure>`,
  ]
    .filter(Boolean)
    .join("\n");
}
