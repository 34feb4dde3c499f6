/**
 * Chromium names each structure element of a tagged PDF after a node id
 * (`/ID (node00000722)`), and a tab's ids go up with every print made in it:
 * the same document printed after a draft gets other ids than printed at
 * once. Numbering them by rank (the order is the same) makes the PDF depend
 * on the document alone. Every id has eight digits, so the bytes keep their
 * length and the cross-reference offsets stay right.
 */
const NODE_ID = /\(node(\d{8})\)/g;

export function numberStructureIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const rank = new Map(ids.map((id, index) => [id, index + 1]));
  const renumbered = text.replace(
    NODE_ID,
    (_m, digits: string) => `(node${String(rank.get(Number(digits))).padStart(8, "0")})`,
  );
  return new Uint8Array(Buffer.from(renumbered, "latin1"));
}
