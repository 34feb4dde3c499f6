/**
 * The engine on its own fixture project (test/fixtures/project, not the
 * shipped report): the rendered HTML and every chart's SVG equal the golden
 * files in test/golden/, which `npm run golden` regenerates for review in the
 * diff. Behaviour assertions beside them say what the golden files must show.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { GOLDEN, renderFixture } from "./support/golden.ts";

let rendered: Awaited<ReturnType<typeof renderFixture>>;
let $: cheerio.CheerioAPI;
beforeAll(async () => {
  rendered = await renderFixture();
  $ = cheerio.load(rendered.html);
});

describe("the fixture project", () => {
  it("renders the golden HTML (npm run golden writes it anew)", async () => {
    expect(rendered.html).toBe(await readFile(join(GOLDEN, "fixture.html"), "utf8"));
  });

  it("draws the golden SVG of every chart", async () => {
    const golden = (await readdir(join(GOLDEN, "charts"))).sort();
    expect([...rendered.svgs.keys()].map((id) => `${id}.svg`).sort()).toEqual(golden);
    for (const file of golden) {
      expect(rendered.svgs.get(file.replace(/\.svg$/, "")), file).toBe(
        await readFile(join(GOLDEN, "charts", file), "utf8"),
      );
    }
  });

  it("prints every kind of table with its numbers the bokmål way", () => {
    const cells = (id: string) =>
      $(`#tabell-${id} tbody tr`)
        .toArray()
        .map((tr) =>
          $(tr)
            .children()
            .toArray()
            .map((c) => $(c).text())
            .join(" | "),
        );
    expect(cells("tilfredshet")[0]).toBe("Svært fornøyd | 62 | 25");
    expect(cells("tiltak")).toEqual(["Kurs | 64", "Fleksibel arbeidstid | 41", "Bedriftshelsetjeneste | 22"]);
    // A grid prints its cells as the data writes them, grouped and with a decimal comma; units are for prose.
    expect(cells("lonn")).toEqual(["Sekretær | 38\u00a0450 | 92", "Rådgiver | 52\u00a0700 | 61,5"]);
    expect($("#tabell-tilfredshet-etter-stilling tfoot th").first().text()).toBe("Totalt");
  });

  it("cites the numbers in prose from the data, with references numbered in order", () => {
    const prose = $("main p").text();
    expect(prose).toContain("En sekretær tjener 38\u00a0450\u00a0kr i måneden");
    expect(prose).toContain("61,5\u00a0% kvinner (tabell\u00a04)");
    expect(prose).toContain("64\u00a0% har tilgang til kurs (tabell\u00a03), av 236 som svarte.");
  });

  it("names its series in the running head and the colophon, with its own short title", () => {
    expect(rendered.html).toContain('@top-left { content: "Testserie 1/2026"; }');
    expect($(".colophon dd").first().text()).toBe("Fiksturrapporten. Motorens testprosjekt");
  });
});
