import { readFile } from "node:fs/promises";
import { writeFileAtomically } from "../write/atomic.ts";
import type { Break } from "./pagination.ts";

/**
 * What a print found out about its document, kept for the next build of the
 * same edition: the page of each heading, table and figure (usually still
 * right, they save the draft print; printPaginated checks them every time),
 * and the page breaks pagination set, which hold only for the very same
 * document (`document`: a hash of its HTML).
 */
export interface RememberedLayout {
  pages: Map<string, number>;
  breaks: Break[];
  document: string;
}

export async function readPageNumbers(file: string): Promise<RememberedLayout | undefined> {
  try {
    const raw = JSON.parse(await readFile(file, "utf8")) as {
      pages?: Record<string, number>;
      breaks?: Break[];
      document?: string;
    };
    if (!raw.pages) return undefined; // a cache of an older build: page numbers only, at the top level
    return { pages: new Map(Object.entries(raw.pages)), breaks: raw.breaks ?? [], document: raw.document ?? "" };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs the next build a draft print. */
export async function keepPageNumbers(file: string, layout: RememberedLayout): Promise<void> {
  try {
    await writeFileAtomically(
      file,
      JSON.stringify({ pages: Object.fromEntries(layout.pages), breaks: layout.breaks, document: layout.document }),
    );
  } catch {
    // ignored
  }
}
