import fontkit from "@pdf-lib/fontkit";
import {
  beginText,
  endText,
  moveText,
  PDFContentStream,
  PDFDict,
  type PDFDocument,
  type PDFFont,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  showText,
} from "pdf-lib";
import { fontFiles, SANS } from "../fonts/catalog.ts";
import { sfntOfWoffFile } from "../fonts/sfnt.ts";
import { PAGE_MARGIN, type PageMap } from "./page-map.ts";

/**
 * Running heads and folios, stamped onto the printed pages. Chromium's print
 * CSS cannot tell a chapter's opening page from the others, so the body is
 * printed without margin boxes (see MARK_SCRIPT) and the heads are added here
 * from the page map: none on the cover and the colophon, a folio but no head
 * on pages where a chapter (or the contents, or the foreword) opens, both on
 * every other page. Each is marked content of the kind /Artifact
 * /Type /Pagination, so assistive technology and text extraction for
 * reading skip it (PDF/UA-1, Matterhorn 18-001), and set in the report's
 * sans font, at the size and place the CSS margin boxes had.
 */

export interface RunningHeads {
  left?: string;
  right?: string;
}

export interface PageFurniture {
  head: boolean;
  folio: boolean;
}

/** What each page carries, from where the units of the document landed. */
export function pageFurniture(map: PageMap): PageFurniture[] {
  const pages: PageFurniture[] = Array.from({ length: map.pageCount }, () => ({ head: true, folio: true }));
  const units = new Map<number, { role?: string; start?: number; end?: number }>();
  for (const p of map.placed) {
    const unit = units.get(p.unit) ?? {};
    if (p.kind === "start") Object.assign(unit, { role: p.role, start: p.page });
    if (p.kind === "end") unit.end = p.page;
    units.set(p.unit, unit);
  }
  for (const { role, start, end } of units.values()) {
    if (start === undefined) continue;
    if (role === "cover" || role === "colophon") {
      for (let page = start; page <= (end ?? start); page++) pages[page - 1] = { head: false, folio: false };
    } else if (pages[start - 1].folio) {
      pages[start - 1] = { head: false, folio: true };
    }
  }
  return pages;
}

/** The body's sans face, regular (pdf-lib's fontkit reads no WOFF2; the plain font saves it inflating the WOFF). */
const sansRegular = () => {
  const face = fontFiles().find((f) => f.family === SANS && f.weight === 400 && f.style === "normal");
  if (!face) throw new Error("unreachable: the catalog has no regular sans face");
  return sfntOfWoffFile(face.woff);
};

const HEAD = { size: 8.5, colour: rgb(0x55 / 255, 0x55 / 255, 0x55 / 255), baselineFromTop: 36 };
const FOLIO = { size: 9, colour: rgb(0, 0, 0), baselineFromBottom: 31.17 };

/** Stamp heads and folios on every page as the page map says; the font is embedded as a subset on save. */
export async function stampPageFurniture(doc: PDFDocument, map: PageMap, heads: RunningHeads): Promise<void> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(sansRegular(), { subset: true });
  const furniture = pageFurniture(map);
  const fontName = PDFName.of("FRunningHead");
  const context = doc.context;
  // Every page's content is wrapped in the same two streams (q and Q), written once and uncompressed:
  // compressing them would make them longer, and each deflate costs pdf-lib more than the page's stamping.
  const save = context.register(PDFContentStream.of(context.obj({}), [pushGraphicsState()], false));
  const restore = context.register(PDFContentStream.of(context.obj({}), [popGraphicsState()], false));
  doc.getPages().forEach((page, index) => {
    const { head, folio } = furniture[index] ?? { head: false, folio: false };
    if (!head && !folio) return;
    const { width, height } = page.getSize();
    const right = width - PAGE_MARGIN.side;
    const ops: PDFOperator[] = [];
    if (head && heads.left) {
      ops.push(
        ...artifactText(font, fontName, heads.left, PAGE_MARGIN.side, height - HEAD.baselineFromTop, HEAD, "Header"),
      );
    }
    if (head && heads.right) {
      const x = right - font.widthOfTextAtSize(heads.right, HEAD.size);
      ops.push(...artifactText(font, fontName, heads.right, x, height - HEAD.baselineFromTop, HEAD, "Header"));
    }
    if (folio) {
      const text = String(index + 1);
      const x = right - font.widthOfTextAtSize(text, FOLIO.size);
      ops.push(...artifactText(font, fontName, text, x, FOLIO.baselineFromBottom, FOLIO, "Footer"));
    }
    // Chromium's page content leaves its transformation in place: wrap it in q … Q so ours starts from the page's own.
    page.node.wrapContentStreams(save, restore);
    fontResources(page.node.Resources(), doc).set(fontName, font.ref);
    page.node.addContentStream(context.register(context.contentStream(ops)));
  });
}

function fontResources(resources: PDFDict | undefined, doc: PDFDocument): PDFDict {
  if (!resources) throw new Error("unreachable: a printed page without resources");
  const fonts = resources.lookup(PDFName.of("Font"));
  if (fonts instanceof PDFDict) return fonts;
  const created = doc.context.obj({});
  resources.set(PDFName.of("Font"), created);
  return created;
}

function artifactText(
  font: PDFFont,
  fontName: PDFName,
  text: string,
  x: number,
  y: number,
  style: { size: number; colour: ReturnType<typeof rgb> },
  subtype: "Header" | "Footer",
): PDFOperator[] {
  // An operator's string argument is written as it is: here the property list of the artifact.
  const properties = `<< /Type /Pagination /Subtype /${subtype} >>`;
  return [
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Artifact"), properties]),
    pushGraphicsState(),
    setFillingColor(style.colour),
    beginText(),
    setFontAndSize(fontName, style.size),
    moveText(x, y),
    showText(font.encodeText(text)),
    endText(),
    popGraphicsState(),
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
  ];
}
