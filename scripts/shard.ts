/**
 * `--shard K/N`: the K-th (1-based) of N equal parts of `--all-editions`, so
 * a CI matrix or an indexed job spreads many editions over machines with no
 * scheduler of our own (the convention of Playwright's and Jest's --shard).
 *
 * Parts are contiguous runs of the editions sorted by id, sizes differing by
 * at most one: shard K gets ids[⌊(K−1)·n/N⌋ … ⌊K·n/N⌋). Contiguous rather
 * than round-robin so that a shard's editions are easy to name from the
 * sorted list; either covers every edition exactly once.
 */
import { ExitCode, ReportError } from "./errors.ts";
import { message } from "./messages/index.ts";

export interface Shard {
  /** 1-based: 1 ≤ index ≤ count. */
  index: number;
  count: number;
}

/** `"2/3"` → { index: 2, count: 3 }; anything else is a usage error (exit 2). */
export function parseShard(text: string): Shard {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count) throw new ReportError(message.shardInvalid(text), ExitCode.usage);
  return { index, count };
}

/** The shard's part of the ids, taken from their sorted order (sorted here, whatever order they came in). */
export function shardOf(ids: readonly string[], shard: Shard): string[] {
  const sorted = [...ids].sort();
  const start = Math.floor(((shard.index - 1) * sorted.length) / shard.count);
  const end = Math.floor((shard.index * sorted.length) / shard.count);
  return sorted.slice(start, end);
}
