import { createHash } from "node:crypto";
import { PDFArray, type PDFDocument, PDFHexString } from "pdf-lib";

export interface PdfMetadata {
  title: string;
  author?: string;
  subject: string;
  keywords: string[];
  /** A fixed date keeps rebuilds of the same input alike; without one, Chromium's (the build time) stays. */
  date?: Date;
}

/**
 * Chromium sets only the title and language. Add author, subject and
 * keywords, fix the dates, and rewrite with object streams, which roughly
 * halves a tagged PDF while keeping its structure tree and outline.
 * `doc` is `pdf` already parsed (the caller reads the page numbers from it too).
 */
export async function finishPdf(doc: PDFDocument, pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setKeywords([metadata.keywords.join(", ")]);
  doc.setCreator("arbeidsvilkar-rapport (HTML → PDF with Chromium)");
  doc.setProducer("Chromium (Skia/PDF), pdf-lib");
  if (metadata.date) {
    doc.setCreationDate(metadata.date);
    doc.setModificationDate(metadata.date);
  }
  // The file identifier comes from the content (dates masked), not from chance: the same input, the same PDF.
  const content = Buffer.from(pdf)
    .toString("latin1")
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, "");
  const id = PDFHexString.of(createHash("md5").update(content, "latin1").digest("hex"));
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  return doc.save({ useObjectStreams: true });
}
