/**
 * The engine knows no report: every identifier of the shipped report (its
 * table, fact, question, index and edition ids, its organisation's and its
 * series' names), derived here from its content, is absent from scripts/ and
 * templates/. Report knowledge belongs in report/ and data/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8"));

function shippedIdentifiers(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(join(root, "report", "tables"))) {
    for (const id of Object.keys(readJson(`report/tables/${file}`))) ids.add(id);
  }
  const config = readJson("report/report.json");
  for (const file of readdirSync(join(root, "data")).filter((f) => f.startsWith(config.factsPrefix))) {
    if (!file.endsWith(".csv")) continue;
    const [, ...rows] = readFileSync(join(root, "data", file), "utf8")
      .trim()
      .split(/\r?\n/);
    for (const row of rows) ids.add(row.split(",")[0]);
  }
  // The codebook: every question, scale, index and group it names, at any depth.
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === "id" || key === "name") && typeof inner === "string") ids.add(inner);
        collect(inner);
      }
    }
  };
  const codebook = readJson(`data/${config.respondents.codebook}`) as { scales?: Record<string, unknown> };
  collect(codebook);
  for (const scale of Object.keys(codebook.scales ?? {})) ids.add(scale);
  for (const edition of readdirSync(join(root, "report", "editions"))) ids.add(edition);
  for (const name of [config.publisher, config.series]) if (name) ids.add(name);
  for (const edition of readdirSync(join(root, "report", "editions"))) {
    ids.add(readJson(`report/editions/${edition}/edition.json`).name);
  }
  return ids;
}

function engineFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path: path.slice(root.length), text: readFileSync(path, "utf8") };
    });
}

/**
 * Where an identifier would be engine knowledge: as a string in code or
 * config ("utdanning"), or as a word anywhere when it is a compound id or a
 * name (stress-etter-bemanning, Arbeidsforskningsinstituttet). A plain word
 * that is also an id ("svarte") may stand in ordinary text.
 */
function occurrences(id: string, text: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = new RegExp(`["'\`]${escaped}["'\`]`);
  if (quoted.test(text)) return true;
  const compound = /[-_\s:(]/.test(id) || /^[A-ZÆØÅ]/.test(id);
  return compound && new RegExp(`(?<![\\wæøå-])${escaped}(?![\\wæøå-])`, "i").test(text);
}

describe("the engine", () => {
  const ids = shippedIdentifiers();

  it("derives a fair number of the shipped report's identifiers to look for", () => {
    expect(ids.size).toBeGreaterThan(100);
    expect(ids).toContain("utdanning");
    expect(ids).toContain("Arbeidsforskningsinstituttet (AFI)");
  });

  it("holds none of them in scripts/ or templates/", () => {
    const found: string[] = [];
    for (const file of [...engineFiles("scripts"), ...engineFiles("templates")]) {
      for (const id of ids) if (occurrences(id, file.text)) found.push(`${file.path}: ${id}`);
    }
    expect(found).toEqual([]);
  });
});
