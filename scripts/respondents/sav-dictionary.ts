/**
 * The one part of an SPSS file's dictionary sav-reader (2.0.8) does not
 * give: each variable's measurement level (nominal, ordinal, scale), kept in
 * the info record of subtype 11, "variable display parameters". The
 * dictionary is walked record by record, as the format lays it out (see
 * PSPP's "System File Format"), from the file header to the end of the
 * dictionary; every read is checked against the dictionary's length, so a
 * damaged file ends in an error naming the offset, never in a read past it.
 */

export type MeasurementLevel = "nominal" | "ordinal" | "scale" | "unknown";

const LEVELS: Record<number, MeasurementLevel> = { 0: "unknown", 1: "nominal", 2: "ordinal", 3: "scale" };

/** Record types of the dictionary (the int32 that starts each record). */
const RECORD = { variable: 2, valueLabels: 3, valueLabelVariables: 4, document: 6, info: 7, end: 999 } as const;
const DISPLAY_PARAMETERS = 11;
const HEADER_BYTES = 176;

export class SavDictionaryError extends Error {}

/** Reads little- or big-endian integers from the dictionary's bytes, refusing to step outside them. */
class BoundedReader {
  private offset = 0;
  constructor(
    private readonly view: DataView,
    private readonly end: number,
    private littleEndian = true,
  ) {}

  get position(): number {
    return this.offset;
  }

  setLittleEndian(little: boolean): void {
    this.littleEndian = little;
  }

  private need(bytes: number, what: string): void {
    if (bytes < 0 || this.offset + bytes > this.end)
      throw new SavDictionaryError(
        `${what} at byte ${this.offset} needs ${bytes} bytes, but the dictionary ends at byte ${this.end}`,
      );
  }

  int32(what: string): number {
    this.need(4, what);
    const value = this.view.getInt32(this.offset, this.littleEndian);
    this.offset += 4;
    return value;
  }

  skip(bytes: number, what: string): void {
    this.need(bytes, what);
    this.offset += bytes;
  }

  /** A count that must be small enough to be real: a damaged count otherwise drives a loop far past the data. */
  count(what: string, max: number): number {
    const n = this.int32(what);
    if (n < 0 || n > max)
      throw new SavDictionaryError(`${what} at byte ${this.offset - 4} is ${n}, expected 0 to ${max}`);
    return n;
  }

  peekLayoutCode(at: number): number {
    return this.view.getInt32(at, true);
  }

  text(bytes: number, what: string): string {
    this.need(bytes, what);
    const slice = new Uint8Array(this.view.buffer, this.view.byteOffset + this.offset, bytes);
    this.offset += bytes;
    return new TextDecoder("latin1").decode(slice);
  }
}

/**
 * Each variable's measurement level by its short (8-character) name, read
 * from the dictionary that ends at `dictionaryEnd` (sav-reader's
 * `meta.firstRecordPosition`). A file without display parameters gives an
 * empty map: every level is then unknown.
 */
export function measurementLevels(bytes: Uint8Array, dictionaryEnd: number): Map<string, MeasurementLevel> {
  const end = Math.min(dictionaryEnd, bytes.byteLength);
  if (end < HEADER_BYTES) throw new SavDictionaryError(`the dictionary is ${end} bytes, shorter than a file header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new BoundedReader(view, end);
  if (reader.text(4, "the file's signature") !== "$FL2") throw new SavDictionaryError("not an SPSS system file");
  // layout_code (2 or 3) is written in the file's byte order: read it both ways to tell.
  const layout = reader.peekLayoutCode(64);
  reader.setLittleEndian(layout === 2 || layout === 3);
  reader.skip(HEADER_BYTES - 4, "the file header");

  // The display parameters list the variables in dictionary order, string continuations left out.
  const names: string[] = [];
  let levels: number[] | undefined;
  for (;;) {
    const type = reader.int32("a record type");
    if (type === RECORD.end) break;
    if (type === RECORD.variable) {
      const width = reader.int32("a variable's type");
      const hasLabel = reader.int32("a variable's label flag");
      const missing = reader.int32("a variable's missing-value count");
      reader.skip(8, "a variable's formats");
      const name = reader.text(8, "a variable's name").trimEnd();
      if (hasLabel === 1) {
        const length = reader.count("a variable label's length", 65535);
        reader.skip(Math.ceil(length / 4) * 4, "a variable label");
      }
      if (Math.abs(missing) > 3) throw new SavDictionaryError(`a missing-value count of ${missing} for ${name}`);
      reader.skip(Math.abs(missing) * 8, "a variable's missing values");
      if (width !== -1) names.push(name);
    } else if (type === RECORD.valueLabels) {
      const count = reader.count("a value-label count", 1 << 20);
      for (let i = 0; i < count; i++) {
        reader.skip(8, "a labelled value");
        const length = reader.text(1, "a value label's length").charCodeAt(0);
        // The label's length byte and the label fill a whole number of 8-byte units.
        reader.skip(Math.ceil((length + 1) / 8) * 8 - 1, "a value label");
      }
    } else if (type === RECORD.valueLabelVariables) {
      const count = reader.count("the count of variables a value-label set applies to", 1 << 20);
      reader.skip(count * 4, "the variables a value-label set applies to");
    } else if (type === RECORD.document) {
      const lines = reader.count("a document's line count", 1 << 20);
      reader.skip(lines * 80, "a document");
    } else if (type === RECORD.info) {
      const subtype = reader.int32("an info record's subtype");
      const size = reader.count("an info record's element size", 1 << 16);
      const count = reader.count("an info record's element count", 1 << 24);
      if (subtype === DISPLAY_PARAMETERS && size === 4) {
        const values = Array.from({ length: count }, () => reader.int32("a display parameter"));
        // Three per variable (measure, width, alignment), or two in older files (measure, alignment).
        const per = count === names.length * 3 ? 3 : count === names.length * 2 ? 2 : 0;
        if (per === 0)
          throw new SavDictionaryError(
            `${count} display parameters for ${names.length} variables (expected ${names.length * 3} or ${names.length * 2})`,
          );
        levels = names.map((_, i) => values[i * per]);
      } else reader.skip(size * count, `info record ${subtype}`);
    } else throw new SavDictionaryError(`an unknown record type ${type} at byte ${reader.position - 4}`);
  }
  const result = new Map<string, MeasurementLevel>();
  if (levels) for (const [i, name] of names.entries()) result.set(name, LEVELS[levels[i]] ?? "unknown");
  return result;
}
