import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/**
 * A WOFF 1.0 font unwrapped to the plain OpenType (sfnt) file it packs
 * (W3C WOFF 1.0, sections 4–6). Font libraries read WOFF too, but inflate
 * its tables in JavaScript (about 60 ms for one face here, every build);
 * Node's zlib does it in a millisecond or two.
 */
export function sfntFromWoff(woff: Uint8Array, file = "font"): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < 44 || input.toString("latin1", 0, 4) !== "wOFF") {
    throw new Error(`${file} is not a WOFF 1.0 font`);
  }
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = input.readUInt32BE(at + 4);
    const compLength = input.readUInt32BE(at + 8);
    const origLength = input.readUInt32BE(at + 12);
    const stored = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`${file}: a table inflates to the wrong length`);
    return { tag: input.readUInt32BE(at), checksum: input.readUInt32BE(at + 16), data };
  });

  // The sfnt's own header: the table count with its binary-search fields (OpenType, "Table directory").
  const power = 2 ** Math.floor(Math.log2(Math.max(1, numTables)));
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(numTables * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  for (const [i, table] of tables.entries()) {
    const record = 12 + i * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = (table.data.length + 3) & ~3;
    parts.push(table.data, Buffer.alloc(padded - table.data.length));
    offset += padded;
  }
  return Buffer.concat(parts);
}

const unwrapped = new Map<string, Buffer>();

/** The sfnt of a WOFF file, read and unwrapped once per process. */
export function sfntOfWoffFile(path: string): Buffer {
  let font = unwrapped.get(path);
  if (!font) {
    font = sfntFromWoff(readFileSync(path), path);
    unwrapped.set(path, font);
  }
  return font;
}
