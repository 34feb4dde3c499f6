import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeOutputs } from "./atomic.ts";

/**
 * Where a build's outputs go. Every write of the build stage goes through
 * one of these, so that tests and the dev server can keep results in memory
 * and leave the output folder (and its record of printed numbers) untouched.
 */
export interface OutputWriter {
  /** Write every file (names relative to `outDir`) or none; returns the paths written. */
  writeAll(outDir: string, files: Record<string, string | Uint8Array>): Promise<string[]>;
  /** A file an earlier build wrote, or undefined. */
  read(outDir: string, name: string): Promise<string | undefined>;
}

/** The output folder on disk, replaced all or nothing (write/atomic.ts). */
export const fileWriter: OutputWriter = {
  writeAll: writeOutputs,
  async read(outDir, name) {
    try {
      return await readFile(join(outDir, name), "utf8");
    } catch {
      return undefined; // first build into this folder
    }
  },
};

/** Outputs kept in memory, by path: for the dev server and tests. */
export class MemoryWriter implements OutputWriter {
  readonly files = new Map<string, string | Uint8Array>();

  async writeAll(outDir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
    const paths = Object.keys(files)
      .sort()
      .map((name) => join(outDir, name));
    for (const [name, data] of Object.entries(files)) this.files.set(join(outDir, name), data);
    return paths;
  }

  async read(outDir: string, name: string): Promise<string | undefined> {
    const data = this.files.get(join(outDir, name));
    return data === undefined || typeof data === "string" ? data : new TextDecoder().decode(data);
  }

  text(path: string): string | undefined {
    const data = this.files.get(path);
    return data === undefined || typeof data === "string" ? data : new TextDecoder().decode(data);
  }
}
