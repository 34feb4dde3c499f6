import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRef } from "pdf-lib";

/**
 * Walking the structure tree Chromium writes (StructTreeRoot → /K, depth
 * first, in reading order): each structure element with its type and the
 * structure elements among its kids (marked-content and object references
 * are left out).
 */

export interface StructElement {
  dict: PDFDict;
  type: string;
  children: StructElement[];
}

const S = PDFName.of("S");
const K = PDFName.of("K");

export function structureTree(doc: PDFDocument): StructElement[] {
  const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"));
  if (!(root instanceof PDFDict)) return [];
  const seen = new Set<PDFDict>();
  const kidsOf = (value: unknown): StructElement[] => {
    const node = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (node instanceof PDFArray) return node.asArray().flatMap(kidsOf);
    if (!(node instanceof PDFDict) || seen.has(node)) return [];
    const type = node.get(S);
    if (!(type instanceof PDFName)) return []; // a marked-content or object reference
    seen.add(node);
    return [{ dict: node, type: type.decodeText(), children: kidsOf(node.get(K)) }];
  };
  return kidsOf(root.get(K));
}

/** Every element of the tree, in reading order. */
export function allElements(tree: StructElement[]): StructElement[] {
  const all: StructElement[] = [];
  const visit = (elements: StructElement[]) => {
    for (const element of elements) {
      all.push(element);
      visit(element.children);
    }
  };
  visit(tree);
  return all;
}
