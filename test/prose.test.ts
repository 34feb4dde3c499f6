import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Chapters and edition forewords: everything a writer types prose into. */
async function proseFiles(): Promise<string[]> {
  const chapters = (await readdir(join(root, "report", "chapters"))).map((f) => join("report", "chapters", f));
  const editions = await readdir(join(root, "report", "editions"));
  const forewords = [];
  for (const edition of editions) {
    for (const f of await readdir(join(root, "report", "editions", edition))) {
      if (f.endsWith(".md")) forewords.push(join("report", "editions", edition, f));
    }
  }
  // The literature list is references, not prose: its volumes and pages are bibliographic facts.
  return [...chapters, ...forewords].filter((f) => f.endsWith(".md") && !f.endsWith("-litteratur.md"));
}

/** What remains of a line once helpers, headings and literature years are taken out. */
function typedDigits(line: string): string | undefined {
  if (/^\s*#/.test(line)) return undefined; // headings may carry numbers
  const prose = line
    .replace(/\{\{[^}]*\}\}/g, "") // numbers from data
    .replace(/\((?:[^()]*?\b(?:18|19|20)\d{2}[a-z]?\b[^()]*?)\)/g, ""); // literature references such as (Rutle mfl. 1995)
  // Fractions in words are typed numbers too: «en fjerdedel» must come from data like «25 %».
  return /\d|halvpart|tredjedel|fjerdedel|femtedel|\b(to|tre|fire|åtte|ni) av (tre|fire|fem|ti)\b/i.test(prose)
    ? prose.trim()
    : undefined;
}

describe("chapter prose", () => {
  it("has no digits or fractions in words typed outside helpers (headings and literature years aside)", async () => {
    const offenders: string[] = [];
    for (const file of await proseFiles()) {
      const lines = (await readFile(join(root, file), "utf8")).split("\n");
      lines.forEach((line, i) => {
        const found = typedDigits(line);
        if (found) offenders.push(`${file}:${i + 1}: ${found.slice(0, 120)}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("would catch a typed number", () => {
    expect(typedDigits("Hele 83 % svarte.")).toBe("Hele 83 % svarte.");
    expect(typedDigits('{{prosent "utdanning" "Sykepleier"}} svarte (Rutle mfl. 1995).')).toBeUndefined();
    expect(typedDigits("## 3.1 Utdanning")).toBeUndefined();
    expect(typedDigits("Nesten halvparten svarte.")).toBe("Nesten halvparten svarte.");
    expect(typedDigits("Om lag en fjerdedel svarte.")).toBe("Om lag en fjerdedel svarte.");
  });
});
