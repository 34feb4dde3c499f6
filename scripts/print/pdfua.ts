import {
  PDFArray,
  PDFBool,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFString,
} from "pdf-lib";
import { allElements, type StructElement, structureTree } from "./structure.ts";

/**
 * PDF/UA-1 (ISO 14289-1) where Chromium's tagged PDF falls short, and the
 * checks that decide whether the file may say it conforms. Chromium tags
 * headings, paragraphs, lists, tables (with /Scope from the HTML), figures
 * (with /Alt from the SVG's aria-label or the img's alt) and links, and
 * writes /Lang and the outline; it writes no XMP metadata, wraps each HTML
 * <figure> in a second /Figure without alternative text, and gives links no
 * /Contents. The checks are the machine-checkable conditions of the
 * Matterhorn Protocol listed in the README ("Accessibility of the PDF").
 */

const PDF_SCOPE: Record<string, string> = { col: "Column", colgroup: "Column", row: "Row", rowgroup: "Row" };

/**
 * Mend the structure tree: a /Figure that groups another /Figure (in a
 * /NonStruct) with its /Caption (Chromium's rendering of <figure>) becomes a /Div, so the one
 * /Figure left is the image with its /Alt; every /TH gets the /Scope of its
 * HTML cell (Chromium's mapping, checked, and set where missing).
 */
export function mendStructure(doc: PDFDocument, scopes: string[], tree = structureTree(doc)): void {
  const elements = allElements(tree);
  for (const element of elements) {
    if (element.type === "Figure" && allElements(element.children).some((c) => c.type === "Figure")) {
      element.dict.set(PDFName.of("S"), PDFName.of("Div"));
      element.type = "Div";
    }
  }
  const headers = elements.filter((e) => e.type === "TH");
  if (headers.length !== scopes.length) return; // not the same cells: leave Chromium's scopes (checked below)
  headers.forEach((th, i) => {
    const scope = PDF_SCOPE[scopes[i]];
    if (scope) setTableAttribute(doc, th, "Scope", PDFName.of(scope));
  });
}

function setTableAttribute(doc: PDFDocument, element: StructElement, key: string, value: PDFObject): void {
  const attributes = element.dict.lookup(PDFName.of("A"));
  const list = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
  for (const item of list) {
    const dict = item instanceof PDFRef ? doc.context.lookup(item) : item;
    if (dict instanceof PDFDict && dict.get(PDFName.of("O"))?.toString() === "/Table" && dict.has(PDFName.of(key))) {
      dict.set(PDFName.of(key), value);
      return;
    }
  }
  const added = doc.context.obj({ O: "Table" });
  added.set(PDFName.of(key), value);
  if (attributes instanceof PDFArray) attributes.push(added);
  else element.dict.set(PDFName.of("A"), doc.context.obj(attributes ? [attributes, added] : [added]));
}

/** Give each link annotation a /Contents (PDF/UA-1 7.18.5): the text of the link, else its target. */
export function describeLinks(doc: PDFDocument, texts: Record<string, string>): void {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of("Subtype"))?.toString() !== "/Link") continue;
      if (annot.has(PDFName.of("Contents"))) continue;
      const href = linkTarget(annot);
      if (href) annot.set(PDFName.of("Contents"), PDFHexString.fromText(texts[href] ?? href.replace(/^#/, "")));
    }
  }
}

function linkTarget(annot: PDFDict): string | undefined {
  const dest = annot.get(PDFName.of("Dest"));
  if (dest instanceof PDFName) return `#${dest.decodeText()}`;
  const action = annot.lookup(PDFName.of("A"));
  const uri = action instanceof PDFDict ? action.lookup(PDFName.of("URI")) : undefined;
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  return undefined;
}

export interface XmpFields {
  title: string;
  author?: string;
  subject: string;
  keywords: string[];
  language: string;
  creator: string;
  producer: string;
  date: Date;
  pdfua: boolean;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The XMP packet: Dublin Core title, creator, description and language, the PDF fields, and pdfuaid:part when earned. */
export function xmpPacket(f: XmpFields): string {
  const date = f.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"${f.pdfua ? '\n    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' : ""}>
   <dc:format>application/pdf</dc:format>
   <dc:title>${alt(f.title)}</dc:title>
${f.author ? `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(f.author)}</rdf:li></rdf:Seq></dc:creator>\n` : ""}   <dc:description>${alt(f.subject)}</dc:description>
   <dc:language><rdf:Bag><rdf:li>${escapeXml(f.language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${escapeXml(f.keywords.join(", "))}</pdf:Keywords>
   <pdf:Producer>${escapeXml(f.producer)}</pdf:Producer>
   <xmp:CreatorTool>${escapeXml(f.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>${f.pdfua ? "\n   <pdfuaid:part>1</pdfuaid:part>" : ""}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export function setXmp(doc: PDFDocument, fields: XmpFields): void {
  const stream = doc.context.stream(Buffer.from(xmpPacket(fields), "utf8"), { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
}

/** The document's language, as Chromium wrote it from <html lang>. */
export function documentLanguage(doc: PDFDocument): string | undefined {
  const lang = doc.catalog.lookup(PDFName.of("Lang"));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

/**
 * The covered checks (everything but the metadata this module writes last),
 * each failure as one line. An empty list: the file may claim PDF/UA-1.
 * `tree`: the document's structure tree, if the caller has walked it already (mendStructure
 * changes element types in it as it changes them in the file).
 */
export function pdfUaProblems(doc: PDFDocument, tree = structureTree(doc)): string[] {
  const problems: string[] = [];
  const catalog = doc.catalog;
  const markInfo = catalog.lookup(PDFName.of("MarkInfo"));
  if (!(markInfo instanceof PDFDict) || markInfo.get(PDFName.of("Marked")) !== PDFBool.True) {
    problems.push("01-xxx: /MarkInfo /Marked is not true");
  }
  if (tree.length === 0) problems.push("01-xxx: no structure tree");
  if (!documentLanguage(doc)) problems.push("11-006: no document language (/Lang)");
  const prefs = catalog.lookup(PDFName.of("ViewerPreferences"));
  if (!(prefs instanceof PDFDict) || prefs.get(PDFName.of("DisplayDocTitle")) !== PDFBool.True) {
    problems.push("07-001/07-002: /ViewerPreferences /DisplayDocTitle is not true");
  }
  if (!doc.getTitle()) problems.push("06-003: no document title");
  const elements = allElements(tree);
  const noAlt = elements.filter((e) => e.type === "Figure" && !textOf(e.dict.lookup(PDFName.of("Alt"))));
  if (noAlt.length > 0) problems.push(`13-004: ${noAlt.length} /Figure without /Alt`);
  const noScope = elements.filter((e) => e.type === "TH" && !tableAttribute(doc, e, "Scope"));
  if (noScope.length > 0) problems.push(`15-003: ${noScope.length} /TH without /Scope`);
  let level = 0;
  for (const e of elements) {
    const m = /^H([1-6])$/.exec(e.type);
    if (!m) continue;
    const next = Number(m[1]);
    if (next > level + 1) problems.push(`14-003: heading level skipped (H${level} → H${next})`);
    level = next;
  }
  problems.push(...annotationProblems(doc), ...fontProblems(doc));
  return problems;
}

function textOf(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText().trim() : "";
}

function tableAttribute(doc: PDFDocument, element: StructElement, key: string): PDFObject | undefined {
  const attributes = element.dict.lookup(PDFName.of("A"));
  const list = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
  for (const item of list) {
    const dict = item instanceof PDFRef ? doc.context.lookup(item) : item;
    if (dict instanceof PDFDict && dict.get(PDFName.of(key))) return dict.get(PDFName.of(key));
  }
  return undefined;
}

/** Pages with annotations tab in structure order; every link is tagged and described. */
function annotationProblems(doc: PDFDocument): string[] {
  let untabbed = 0;
  let undescribed = 0;
  let untagged = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots || annots.size() === 0) continue;
    if (page.node.get(PDFName.of("Tabs"))?.toString() !== "/S") untabbed++;
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of("Subtype"))?.toString() !== "/Link") continue;
      if (!textOf(annot.lookup(PDFName.of("Contents")))) undescribed++;
      if (!annot.has(PDFName.of("StructParent"))) untagged++;
    }
  }
  return [
    ...(untabbed ? [`28-xxx: ${untabbed} pages with annotations lack /Tabs /S`] : []),
    ...(undescribed ? [`28-xxx: ${undescribed} links without /Contents`] : []),
    ...(untagged ? [`28-011: ${untagged} links not in the structure tree`] : []),
  ];
}

/** Every font program is embedded (checkpoint 31). */
function fontProblems(doc: PDFDocument): string[] {
  let missing = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type"))?.toString() !== "/FontDescriptor") continue;
    if (!["FontFile", "FontFile2", "FontFile3"].some((k) => object.has(PDFName.of(k)))) missing++;
  }
  return missing ? [`31-xxx: ${missing} fonts not embedded`] : [];
}
