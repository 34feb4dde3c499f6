import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { contrastWithWhite } from "../scripts/load/editions.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const EDITIONS = ["afi", "delta", "fagforbundet", "helsesekretaerforbundet"];
let work: string;
const pages = new Map<string, cheerio.CheerioAPI>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-editions-"));
  await build({ root, outDir: work, pdf: false, editions: "all" });
  for (const id of EDITIONS) pages.set(id, cheerio.load(await readFile(join(work, id, "rapport.html"), "utf8")));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const page = (id: string) => {
  const $ = pages.get(id);
  if (!$) throw new Error(`edition ${id} was not built`);
  return $;
};

describe("editions rendered with one command", () => {
  it("renders the institute's edition and three union editions into out/<edition>/", () => {
    expect([...pages.keys()]).toEqual(EDITIONS);
  });

  it("gives each edition its own cover name and logo", () => {
    const names = EDITIONS.map((id) => page(id)(".cover-name").text());
    expect(names).toEqual([
      "Arbeidsforskningsinstituttet (AFI)",
      "Delta",
      "Fagforbundet",
      "Norsk Helsesekretærforbund",
    ]);
    const logos = new Set(EDITIONS.map((id) => page(id)(".cover-logo").attr("src")));
    expect(logos.size).toBe(EDITIONS.length);
    for (const id of EDITIONS) expect(page(id)(".cover-logo").attr("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("prints a union's foreword, with numbers from data, and none in the institute's edition", () => {
    expect(page("afi")(".foreword").length).toBe(0);
    expect(page("fagforbundet")(".foreword h1").text()).toBe("Forord");
    expect(page("fagforbundet")(".foreword").text()).toContain(
      "210 helsesekretærer svarte på undersøkelsen, en svarprosent på 70\u00a0%",
    );
  });

  it("dates a union's foreword and signs it with the role its edition sets, saying that it is an example", () => {
    for (const id of EDITIONS.filter((e) => e !== "afi")) {
      const foreword = page(id)(".foreword");
      expect(foreword.find(".signature-date").text(), id).toBe("desember 2026");
      expect(foreword.find(".signature-role").text(), id).toMatch(/^(Forbundsleder|Leder), /);
      expect(foreword.find(".signature-role").text(), id).toContain(page(id)(".cover-name").text());
      expect(foreword.find("em").first().text(), id).toContain("eksempel");
      // Findings come from data through helpers: every number in it is a helper's.
      const numbers =
        foreword
          .find("p")
          .not(".signature")
          .text()
          .match(/\d[\d\u00a0,]*/g) ?? [];
      expect(numbers.length, id).toBeGreaterThanOrEqual(3);
      expect(foreword.find(".num").length, id).toBe(numbers.length);
    }
  });

  it("says in «Om denne utgaven» what holds for the edition ({{#utgave}}), never the institute's words in a union's", () => {
    const about = (id: string) => page(id)("main").text();
    expect(about("afi")).toContain("Dette er en ny utgave av Arbeidsforskningsinstituttets rapport");
    expect(about("afi")).not.toContain("her med forord og omslag for en fagforening");
    for (const id of ["delta", "fagforbundet", "helsesekretaerforbundet"]) {
      expect(about(id), id).not.toContain("Dette er en ny utgave av Arbeidsforskningsinstituttets rapport");
      expect(about(id), id).toContain("her med forord og omslag for en fagforening");
    }
  });

  it("draws each edition's charts in colours from its own accent", () => {
    const fills = (id: string) =>
      new Set(
        page(id)("#figur-copsoq-sporsmal svg path")
          .toArray()
          .map((p) => page(id)(p).attr("fill"))
          .filter(Boolean),
      );
    expect(fills("fagforbundet").has("#a4161a")).toBe(true);
    expect(fills("afi").has("#a4161a")).toBe(false);
    expect(fills("afi").has("#1d5c87")).toBe(true);
  });

  it("keeps every table identical across editions", () => {
    const tables = (id: string) =>
      page(id)("main table")
        .toArray()
        .map((t) => page(id)(t).html());
    const reference = tables("afi");
    expect(reference.length).toBeGreaterThan(0);
    for (const id of EDITIONS) expect(tables(id)).toEqual(reference);
  });

  it("uses accent colours dark enough for text on white (WCAG AA)", async () => {
    for (const id of EDITIONS) {
      const config = JSON.parse(await readFile(join(root, "report", "editions", id, "edition.json"), "utf8"));
      expect(contrastWithWhite(config.accent), id).toBeGreaterThanOrEqual(4.5);
    }
  });
});
