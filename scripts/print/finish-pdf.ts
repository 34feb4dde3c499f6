import { createHash } from "node:crypto";
import { PDFArray, type PDFDocument, PDFHexString } from "pdf-lib";
import { dropMarkDestinations, type PageMap } from "./page-map.ts";
import { WHOLE } from "./pdf-lib-options.ts";
import { describeLinks, documentLanguage, mendStructure, pdfUaProblems, setXmp } from "./pdfua.ts";
import { type RunningHeads, stampPageFurniture } from "./running-heads.ts";
import { structureTree } from "./structure.ts";

export interface PdfMetadata {
  title: string;
  author?: string;
  subject: string;
  keywords: string[];
  /** A fixed date keeps rebuilds of the same input alike; without one, Chromium's (the build time) stays. */
  date?: Date;
}

/** What the print tab knew besides the PDF: where things landed, the running heads, the cells' scopes, link texts. */
export interface PrintFacts {
  map: PageMap;
  heads: RunningHeads;
  scopes: string[];
  links: Record<string, string>;
}

const CREATOR = "arbeidsvilkar-rapport (HTML → PDF with Chromium)";
const PRODUCER = "Chromium (Skia/PDF), pdf-lib";

/**
 * Chromium sets only the title and language. Stamp running heads and folios
 * (as artifacts), mend the structure tree for PDF/UA-1, add author, subject,
 * keywords and XMP metadata (claiming PDF/UA-1 only when every covered check
 * passes), fix the dates, and rewrite with object streams, which roughly
 * halves a tagged PDF while keeping its structure tree and outline.
 * `doc` is `pdf` already parsed (the caller reads the page numbers from it too).
 */
export async function finishPdf(
  doc: PDFDocument,
  pdf: Uint8Array,
  metadata: PdfMetadata,
  facts: PrintFacts,
): Promise<{ pdf: Uint8Array; pdfua: string[] }> {
  dropMarkDestinations(doc);
  await stampPageFurniture(doc, facts.map, facts.heads);
  const tree = structureTree(doc); // walked once, for mending and for the checks
  mendStructure(doc, facts.scopes, tree);
  describeLinks(doc, facts.links);

  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setKeywords([metadata.keywords.join(", ")]);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  if (metadata.date) {
    doc.setCreationDate(metadata.date);
    doc.setModificationDate(metadata.date);
  }
  const pdfua = pdfUaProblems(doc, tree);
  const language = documentLanguage(doc);
  if (!language) pdfua.push("11-006: no document language for the metadata");
  setXmp(doc, {
    title: metadata.title,
    author: metadata.author,
    subject: metadata.subject,
    keywords: metadata.keywords,
    language: language ?? "x-unknown",
    creator: CREATOR,
    producer: PRODUCER,
    date: metadata.date ?? doc.getCreationDate() ?? new Date(0),
    pdfua: pdfua.length === 0,
  });

  // The file identifier comes from the content (dates masked), not from chance: the same input, the same PDF.
  const content = Buffer.from(pdf)
    .toString("latin1")
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, "");
  const id = PDFHexString.of(createHash("md5").update(content, "latin1").digest("hex"));
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  return { pdf: await doc.save({ useObjectStreams: true, objectsPerTick: WHOLE }), pdfua };
}
