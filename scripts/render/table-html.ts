import { type CrosstabCell, type CrosstabTable, TOTAL_ROW } from "../compute/crosstab.ts";
import type { FrequencyTable } from "../compute/frequency.ts";
import type { GridTable } from "../compute/grid.ts";
import type { ComputedTable } from "../compute/model.ts";
import type { MultiResponseTable } from "../compute/multiresponse.ts";
import type { ScoredMeansTable } from "../compute/scored-means.ts";
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

/** thead/tbody/tfoot of a frequency table. */
function frequencyInner(table: FrequencyTable): string {
  const bodyRows = table.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.category)}</th><td>${formatNumber(r.count)}</td><td>${percentCell(r.percent, r.percentDecimals)}</td></tr>`,
    )
    .join("\n");
  const footRows = [
    `<tr class="total"><th scope="row">Totalt</th><td>${formatNumber(table.base)}</td><td>${percentCell(100, table.definition.percentDecimals)}</td></tr>`,
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
    `<thead><tr><th scope="col">${escapeHtml(table.definition.question ?? "")}</th><th scope="col">Antall</th><th scope="col">Prosent</th></tr></thead>`,
    `<tbody>\n${bodyRows}\n</tbody>`,
    `<tfoot>\n${footRows.join("\n")}\n</tfoot>`,
  ].join("\n");
}

function crosstabInner(table: CrosstabTable): string {
  const { definition, columns } = table;
  const head = [
    `<thead>`,
    `<tr><th scope="col" rowspan="2">${escapeHtml(definition.rowLabel)}</th><td rowspan="2"></td><th scope="colgroup" colspan="${columns.length}" class="group">${escapeHtml(definition.columnLabel)}</th><th scope="col" rowspan="2">Totalt</th></tr>`,
    `<tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr>`,
    `</thead>`,
  ].join("\n");
  const pair = (label: string, cells: Record<string, CrosstabCell>, total: number, className: string) =>
    [
      `<tr class="${className} first"><th scope="rowgroup" rowspan="2">${escapeHtml(label)}</th><th scope="row">Antall</th>${columns.map((c) => `<td>${formatNumber(cells[c].count)}</td>`).join("")}<td>${formatNumber(total)}</td></tr>`,
      `<tr class="${className}"><th scope="row">Prosent</th>${columns.map((c) => `<td>${percentCell(cells[c].percent, cells[c].percentDecimals)}</td>`).join("")}<td>${percentCell(100, definition.percentDecimals)}</td></tr>`,
    ].join("\n");
  const body = table.rows.map((row) => pair(row, table.cells[row], table.rowTotals[row], "group")).join("\n");
  const foot = pair(TOTAL_ROW, table.columnTotals, table.grandTotal, "total");
  return `${head}\n<tbody>\n${body}\n</tbody>\n<tfoot>\n${foot}\n</tfoot>`;
}

function multiResponseInner(table: MultiResponseTable): string {
  const rows = table.rows
    .map(
      (r) => `<tr><th scope="row">${escapeHtml(r.item)}</th><td>${percentCell(r.percent, r.percentDecimals)}</td></tr>`,
    )
    .join("\n");
  return [
    `<thead><tr><th scope="col">${escapeHtml(table.definition.question ?? "")}</th><th scope="col">Prosent</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    `<tfoot><tr class="total"><th scope="row">N</th><td>${formatNumber(table.base)}</td></tr></tfoot>`,
  ].join("\n");
}

function gridInner(table: GridTable): string {
  const textColumns = new Set(
    table.columns.filter((c) => table.rows.every((r) => r.cells[c.field].value === null)).map((c) => c.field),
  );
  const head = `<thead><tr><th scope="col">${escapeHtml(table.definition.rowLabel)}</th>${table.columns
    .map((c) => `<th scope="col"${textColumns.has(c.field) ? ' class="text"' : ""}>${escapeHtml(c.label)}</th>`)
    .join("")}</tr></thead>`;
  const rows = table.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.header)}</th>${table.columns
          .map((c) => {
            const cell = r.cells[c.field];
            // Text columns read from the left; numbers line up on the right.
            const text = cell.value === null && cell.text !== "";
            return `<td${text ? ' class="text"' : ""}>${escapeHtml(cell.text)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `${head}\n<tbody>\n${rows}\n</tbody>`;
}

function scoredMeansInner(table: ScoredMeansTable): string {
  const rows = table.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.group)}</th><td>${formatNumber(r.mean, table.definition.decimals)}</td><td>${formatNumber(r.items)}</td></tr>`,
    )
    .join("\n");
  return [
    `<thead><tr><th scope="col">${escapeHtml(table.definition.rowLabel)}</th><th scope="col">Gjennomsnitt</th><th scope="col">Antall spørsmål</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
  ].join("\n");
}

function inner(table: ComputedTable): string {
  switch (table.kind) {
    case "scoredMeans":
      return scoredMeansInner(table);
    case "frequency":
      return frequencyInner(table);
    case "crosstab":
      return crosstabInner(table);
    case "multiresponse":
      return multiResponseInner(table);
    case "grid":
      return gridInner(table);
  }
}

/** Notes the data itself calls for: published percentages that the counts do not give. */
function dataNotes(table: ComputedTable): string | undefined {
  if (table.kind !== "frequency" || table.discrepancies.length === 0) return undefined;
  return table.discrepancies
    .map(
      (d) =>
        `Publisert er ${formatPercent(d.published, d.decimals)} for «${d.category}», ${d.reason}. Regnet av antallene blir det ${formatPercent(d.computed, d.decimals)}, som tabellen viser.`,
    )
    .join(" ");
}

/** A numbered table with its caption, source and note. */
export function tableHtml(table: ComputedTable, numbered: Numbered): string {
  const { definition } = table;
  const note = [definition.note, dataNotes(table)].filter(Boolean).join(" ") || undefined;
  return [
    // Focusable and named: on a narrow screen the block scrolls sideways, and keyboard users must reach it.
    `<div class="table-block" id="${numbered.anchor}" tabindex="0" role="region" aria-label="${numbered.label}">`,
    `<table class="${table.kind}">`,
    `<caption><span class="label">${numbered.label}</span> ${escapeHtml(definition.title)}</caption>`,
    inner(table),
    `</table>`,
    notes(definition.source, note),
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * A figure's numbers as plain tables, so they are reachable without seeing
 * the chart; a figure drawn from several tables names each of them.
 */
export function figureDataTableHtml(tables: ComputedTable[]): string {
  return tables
    .map((table) => {
      const caption = tables.length > 1 ? `<caption>${escapeHtml(table.definition.title)}</caption>\n` : "";
      return `<table class="figure-data ${table.kind}">\n${caption}${inner(table)}\n</table>`;
    })
    .join("\n");
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
    `<div class="chart-image" tabindex="0" role="region" aria-label="${numbered.label}">${svg}</div>`,
    `<figcaption><span class="label">${numbered.label}</span> ${escapeHtml(caption)}</figcaption>`,
    notes(source, note),
    `<details class="figure-data"><summary>Tallene i ${numbered.label.toLowerCase()}</summary>\n${dataTable}\n</details>`,
    `</figure>`,
  ]
    .filter(Boolean)
    .join("\n");
}
