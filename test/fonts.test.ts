/**
 * The fonts Node reads for measuring charts and stamping running heads: WOFF
 * files unwrapped to plain OpenType with Node's zlib (scripts/fonts/sfnt.ts),
 * the same font as the WOFF2 file the HTML embeds.
 */
import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { fontFiles } from "../scripts/fonts/catalog.ts";
import { sfntFromWoff, sfntOfWoffFile } from "../scripts/fonts/sfnt.ts";

type Font = { unitsPerEm: number; numGlyphs: number; layout(text: string): { advanceWidth: number } };
const open = (bytes: Buffer) => fontkit.create(bytes) as unknown as Font;

describe("WOFF unwrapped to OpenType", () => {
  it.each(fontFiles().map((f) => [`${f.family} ${f.weight} ${f.style}`, f] as const))(
    "%s measures text as its WOFF2 file does",
    (_name, face) => {
      const sfnt = sfntOfWoffFile(face.woff);
      expect(sfnt.readUInt32BE(0), "a TrueType sfnt").toBe(0x00010000);
      const unwrapped = open(sfnt);
      const woff2 = open(readFileSync(face.path));
      expect(unwrapped.numGlyphs).toBe(woff2.numGlyphs);
      for (const text of ["Helsesekretærer", "«AVA» – 30 700 kr", "Ø å æ −12,5 %"]) {
        expect(unwrapped.layout(text).advanceWidth, text).toBe(woff2.layout(text).advanceWidth);
      }
    },
  );

  it("keeps each table's bytes and the directory's search fields", () => {
    const sfnt = sfntOfWoffFile(fontFiles()[0].woff);
    const tables = sfnt.readUInt16BE(4);
    const power = 2 ** Math.floor(Math.log2(tables));
    expect([sfnt.readUInt16BE(6), sfnt.readUInt16BE(8), sfnt.readUInt16BE(10)]).toEqual([
      power * 16,
      Math.log2(power),
      tables * 16 - power * 16,
    ]);
    for (let i = 0; i < tables; i++) {
      const offset = sfnt.readUInt32BE(12 + i * 16 + 8);
      expect(offset % 4, "tables start on four-byte boundaries").toBe(0);
      expect(offset + sfnt.readUInt32BE(12 + i * 16 + 12)).toBeLessThanOrEqual(sfnt.length);
    }
  });

  it("refuses what is not a WOFF 1.0 font, naming the file", () => {
    const woff2 = readFileSync(fontFiles()[0].path);
    expect(() => sfntFromWoff(woff2, "face.woff2")).toThrow("face.woff2 is not a WOFF 1.0 font");
    expect(() => sfntFromWoff(new Uint8Array(3), "tiny.woff")).toThrow("tiny.woff is not a WOFF 1.0 font");
  });
});
