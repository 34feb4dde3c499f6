import type * as cheerio from "cheerio";

/**
 * The text of a rendered table (`#tabell-<id>`), row by row, cell by cell:
 * every row, header first, or only the body and total rows.
 */
export function tableCells($: cheerio.CheerioAPI, id: string, rows: "all" | "body" = "all"): string[][] {
  const selector = rows === "all" ? `#tabell-${id} tr` : `#tabell-${id} tbody tr, #tabell-${id} tfoot tr`;
  return $(selector)
    .toArray()
    .map((tr) =>
      $(tr)
        .children()
        .toArray()
        .map((c) => $(c).text().trim()),
    );
}
