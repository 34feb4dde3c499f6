import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { environmentError, type ReportError } from "../errors.ts";
import { type Replace, writeVersioned } from "./versioned-out.ts";

/**
 * Where a build's outputs go. Every write of the build stage goes through
 * one of these, so that tests and the dev server can keep results in memory
 * and leave the output folder (and its record of printed numbers) untouched.
 */
export interface OutputWriter {
  /**
   * Write every file (names relative to `outDir`) or none, replacing the
   * folder's earlier contents (all of them, or only `replace.folders`);
   * returns the paths written.
   */
  writeAll(outDir: string, files: Record<string, string | Uint8Array>, replace?: Replace): Promise<string[]>;
  /** A file an earlier build wrote, or undefined. */
  read(outDir: string, name: string): Promise<string | undefined>;
}

/** The output folder on disk, replaced as a whole (write/versioned-out.ts). */
export const fileWriter: OutputWriter = {
  async writeAll(outDir, files, replace) {
    try {
      return await writeVersioned(outDir, files, replace);
    } catch (error) {
      // A full or read-only disk is the machine's, not a bug: one sentence naming the folder (exit 5).
      throw environmentError(error, outDir) ?? (await realMkdirError(error)) ?? error;
    }
  },
  async read(outDir, name) {
    try {
      return await readFile(join(outDir, name), "utf8");
    } catch {
      return undefined; // first build into this folder
    }
  },
};

/**
 * Node's recursive mkdir reports ENOENT on a read-only file system (it
 * cannot tell the failure from a missing parent); one plain mkdir of the
 * same path says EROFS or EACCES.
 */
async function realMkdirError(error: unknown): Promise<ReportError | undefined> {
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (code !== "ENOENT" || syscall !== "mkdir" || !path) return undefined;
  try {
    await mkdir(path);
    return undefined;
  } catch (plain) {
    return environmentError(plain, path);
  }
}

/** Outputs kept in memory, by path: for the dev server and tests. */
export class MemoryWriter implements OutputWriter {
  readonly files = new Map<string, string | Uint8Array>();

  async writeAll(outDir: string, files: Record<string, string | Uint8Array>, replace?: Replace): Promise<string[]> {
    const replaced = (path: string) =>
      !replace?.folders || replace.folders.some((folder) => path.startsWith(join(outDir, folder, "/")));
    for (const path of [...this.files.keys()])
      if (path.startsWith(join(outDir, "/")) && replaced(path)) this.files.delete(path);
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
