import { createRequire } from "node:module";

/**
 * sav-reader (a CommonJS-only package), typed for the parts the answers
 * reader and the codebook drafter use, and loaded only when a .sav file is read.
 */
export interface SavMeta {
  header: { n_cases?: number };
  firstRecordPosition: number;
  sysvars: {
    name: string;
    type: number;
    label: string | null;
    missing: number | number[] | { min: number; max: number; value?: number } | null;
    /** Decimals of the print format: 0 for whole numbers. */
    printFormat: { nbdec: number };
    __shortName: string;
  }[];
  valueLabels: { appliesToNames: string[]; entries: { val: number | string; label: string }[] }[];
  getValueLabels(name: string): { val: number | string; label: string }[] | null;
}

export interface SavReader {
  open(): Promise<void>;
  readAllRows(includeNulls?: boolean): Promise<Record<string, number | string | null>[]>;
  meta: SavMeta;
}

interface SavReaderModule {
  SavBufferReader: new (buffer: Buffer) => SavReader;
}

/** A reader over a .sav file's bytes; call `open()` before reading. */
export function savReader(bytes: Uint8Array): SavReader {
  const { SavBufferReader } = createRequire(import.meta.url)("sav-reader") as SavReaderModule;
  return new SavBufferReader(Buffer.from(bytes));
}
