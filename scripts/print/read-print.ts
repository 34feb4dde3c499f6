import { PDFDocument } from "pdf-lib";
import { anchorPagesOf } from "./anchor-pages.ts";
import { type Mark, type PageMap, readPageMap } from "./page-map.ts";
import { WHOLE } from "./pdf-lib-options.ts";

export { finishPdf } from "./finish-pdf.ts";

/** A print read back: the parsed PDF, where every mark landed, and the page of every linked element. */
export async function readPrint(
  pdf: Uint8Array,
  marks: Mark[],
): Promise<{ doc: PDFDocument; map: PageMap; anchors: Map<string, number> }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: WHOLE });
  return { doc, map: readPageMap(doc, marks), anchors: anchorPagesOf(doc) };
}
