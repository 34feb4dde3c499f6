/**
 * What changed since the previous build into the same output folder: every
 * number in a table and every sentence citing a number, before and after.
 * A step of its own after render: it reads what the build printed.
 */
import type { Acceptance } from "../accept/record.ts";
import type { Labels } from "../locale/index.ts";
import { type BuildSnapshot, type NumberCell, numbersIn } from "./snapshot.ts";

export interface Changes {
  cells: { table: string; row: string; column: string; before: string; after: string }[];
  /** `changed`: the positions of the numbers that differ, in the sentence's order. */
  sentences: { before: string; after: string; changed: number[] }[];
  /** Counts accepted as new (npm run accept) since the build compared with: why its published percentages went. */
  accepted: Acceptance[];
}

/** Numbers and citing sentences that differ between two builds. */
export function compareSnapshots(before: BuildSnapshot, after: BuildSnapshot): Changes {
  const key = (c: NumberCell) => `${c.table}\u0000${c.row}\u0000${c.column}`;
  const old = new Map(before.cells.map((c) => [key(c), c.value]));
  const cells = after.cells
    .filter((c) => old.has(key(c)) && old.get(key(c)) !== c.value)
    .map((c) => ({ table: c.table, row: c.row, column: c.column, before: old.get(key(c)) ?? "", after: c.value }));
  const oldByShape = new Map<string, string[]>();
  for (const s of before.sentences) oldByShape.set(s.shape, [...(oldByShape.get(s.shape) ?? []), s.text]);
  const sentences: Changes["sentences"] = [];
  for (const s of after.sentences) {
    const candidates = oldByShape.get(s.shape);
    if (!candidates || candidates.includes(s.text)) continue;
    const old = numbersIn({ text: candidates[0], shape: s.shape }) ?? [];
    const now = numbersIn(s) ?? [];
    const changed = now.flatMap((n, i) => (n !== old[i] ? [i] : []));
    sentences.push({ before: candidates[0], after: s.text, changed });
  }
  const seen = new Set((before.accepted ?? []).map((a) => a.id));
  return { cells, sentences, accepted: (after.accepted ?? []).filter((a) => !seen.has(a.id)) };
}

/**
 * Where each changed number now comes from (provenance/changes.ts): a table
 * cell by table, row and column; a sentence's number by the sentence and its
 * position. Each gives the number's id in the index beside the HTML (when it
 * is printed there) and its file, row and column in words.
 */
export interface ChangeProvenance {
  cell(table: string, row: string, column: string): { id?: string; where: string } | undefined;
  sentence(text: string, position: number): { id?: string; where: string } | undefined;
}

/** The change summary (endringer.md / changes.md) in the report's language. */
export function formatChanges(
  changes: Changes,
  labels: Labels,
  comparedWith?: string,
  provenance?: ChangeProvenance,
): string {
  const words = labels.changes;
  const title = comparedWith ? words.titleComparedWith(comparedWith) : words.title;
  if (changes.cells.length + changes.sentences.length + changes.accepted.length === 0) {
    return `# ${title}\n\n${words.none}\n`;
  }
  const lines = [`# ${title}`, ""];
  if (changes.accepted.length > 0) {
    lines.push(`## ${words.accepted} (${changes.accepted.length})`, "");
    for (const a of changes.accepted) lines.push(`- ${words.acceptedLine(a)}`);
    lines.push("");
  }
  lines.push(`## ${words.cells} (${changes.cells.length})`, "");
  const from = (found: { id?: string; where: string } | undefined) =>
    found ? [`  ${words.from({ id: found.id ?? "", where: found.where })}`] : [];
  for (const c of changes.cells) {
    lines.push(`- ${c.table} · ${c.row} · ${c.column}: ${c.before} → ${c.after}`);
    lines.push(...from(provenance?.cell(c.table, c.row, c.column)));
  }
  lines.push("", `## ${words.sentences} (${changes.sentences.length})`, "");
  for (const s of changes.sentences) {
    lines.push(`- ${words.before}: ${s.before}`, `  ${words.after}: ${s.after}`);
    for (const position of s.changed) lines.push(...from(provenance?.sentence(s.after, position)));
  }
  return `${lines.join("\n")}\n`;
}
