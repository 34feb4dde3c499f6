import { readFile } from "node:fs/promises";
import { writeFileAtomically } from "../write/atomic.ts";

/**
 * The page numbers a build found for each heading, table and figure, kept
 * for the next build of the same edition: usually still right, they save
 * the draft print (see printPaginated, which checks them every time).
 */
export async function readPageNumbers(file: string): Promise<Map<string, number> | undefined> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, "utf8")) as Record<string, number>));
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs the next build a draft print. */
export async function keepPageNumbers(file: string, pages: Map<string, number>): Promise<void> {
  try {
    await writeFileAtomically(file, JSON.stringify(Object.fromEntries(pages)));
  } catch {
    // ignored
  }
}
