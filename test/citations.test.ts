import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, loadAndCompute } from "../scripts/build.ts";
import type { RenderedChart } from "../scripts/chart/render-chart.ts";
import type { ReportModel } from "../scripts/compute/model.ts";
import type { Bibliography, CslItem } from "../scripts/load/bibliography.ts";
import type { Edition } from "../scripts/load/editions.ts";
import type { ProjectSources } from "../scripts/load/project.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { messagesFor } from "../scripts/messages/index.ts";
import { safeCslHtml } from "../scripts/render/citations.ts";
import { renderDocument } from "../scripts/render/document.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

let sources: ProjectSources;
let model: ReportModel;
let edition: Edition;
const charts = new Map<string, RenderedChart>();

beforeAll(async () => {
  ({
    sources,
    model,
    editions: [edition],
  } = await loadAndCompute({ root }));
});

const rutle: CslItem = {
  id: "rutle1995",
  type: "report",
  title: "Medarbeiderprosjektet i allmennpraksis",
  author: [
    { family: "Rutle", given: "T." },
    { family: "Rutle", given: "O." },
    { family: "Svarttjernet", given: "T." },
  ],
  issued: { "date-parts": [[1995]] },
};

/** The shipped style and locale with other works, as the loader would hand them over. */
function bibliography(items: CslItem[]): Bibliography {
  const shipped = sources.bibliography;
  if (!shipped) throw new Error("the report ships report/litteratur.json");
  return { ...shipped, items, lines: new Map(items.map((item, i) => [item.id, i + 2])) };
}

/** One chapter rendered alone, with the literature given. */
function render(source: string, items: CslItem[]) {
  const chapter = { file: "report/chapters/99-test.md", source, numbered: true };
  const result = renderDocument({ ...sources, chapters: [chapter], bibliography: bibliography(items) }, model, charts, {
    fonts: "",
    edition,
  });
  return { ...result, $: cheerio.load(result.document?.body ?? "") };
}

describe("{{sitat}}", () => {
  it("cites author and year, with a page and in narrative form", () => {
    const { problems, $ } = render(
      '# Test\n\nEn studie {{sitat "rutle1995"}}, med side {{sitat "rutle1995" side="12"}}. {{cite "rutle1995" form="narrative"}} fant det.\n\n{{litteraturliste}}\n',
      [rutle],
    );
    expect(problems).toEqual([]);
    expect(
      $(".citation")
        .toArray()
        .map((c) => $(c).text()),
    ).toEqual(["(Rutle mfl. 1995)", "(Rutle mfl. 1995, s. 12)", "Rutle mfl. (1995)"]);
  });

  it("reports an unknown key with the chapter file and line", () => {
    const { problems } = render('# Test\n\nTekst.\nMer tekst {{sitat "finnesikke2020"}}.\n\n{{litteraturliste}}\n', [
      rutle,
    ]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "report/chapters/99-test.md",
        row: 4,
        column: '{{sitat "finnesikke2020"}}',
        found: '"finnesikke2020"',
      }),
    );
  });
});

describe("{{litteraturliste}}", () => {
  const karasek: CslItem = {
    id: "karasek1990",
    type: "book",
    title: "Healthy Work",
    author: [
      { family: "Karasek", given: "R." },
      { family: "Theorell", given: "T." },
    ],
    issued: { "date-parts": [[1990]] },
    publisher: "Basic Books",
  };

  it("reports a listed work the text never cites, with the data file and line", () => {
    const { problems } = render('# Test\n\nTekst {{sitat "rutle1995"}}.\n\n{{litteraturliste}}\n', [rutle, karasek]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: "report/litteratur.json",
        row: 3,
        found: '"karasek1990", which the text never cites',
      }),
    ]);
  });

  it("lists further reading uncited, in its own subsection", () => {
    const { problems, $ } = render('# Test\n\nTekst {{sitat "rutle1995"}}.\n\n{{litteraturliste}}\n', [
      rutle,
      { ...karasek, custom: { videreLesning: true } },
    ]);
    expect(problems).toEqual([]);
    expect($("ul.literature").first().find("li").text()).toMatch(
      /^Rutle, T\., Rutle, O\. og Svarttjernet, T\. \(1995\)/,
    );
    expect($("#videre-lesning").text()).toBe(localeFor("nb").labels.furtherReading);
    expect($("#videre-lesning + ul.literature li").text()).toMatch(/^Karasek, R\. og Theorell, T\. \(1990\): /);
  });

  it("heads further reading in the report's language", () => {
    const chapter = { file: "report/chapters/99-test.md", source: "# Test\n\n{{litteraturliste}}\n", numbered: true };
    const english = { ...model, locale: localeFor("en") };
    const result = renderDocument(
      {
        ...sources,
        chapters: [chapter],
        bibliography: bibliography([{ ...karasek, custom: { videreLesning: true } }]),
      },
      english,
      charts,
      { fonts: "", edition },
    );
    expect(
      cheerio
        .load(result.document?.body ?? "")("#videre-lesning")
        .text(),
    ).toBe("Further reading");
  });

  it("never lets markup from the data reach the HTML", () => {
    const hostile: CslItem = {
      id: "x2001",
      type: "book",
      title: '<img src=x onerror="alert(1)"> & <a href="javascript:alert(2)">lenke</a>',
      author: [{ literal: "<script>alert(3)</script>" }],
      issued: { "date-parts": [[2001]] },
    };
    const { problems, document, $ } = render('# Test\n\nTekst {{sitat "x2001"}}.\n\n{{litteraturliste}}\n', [hostile]);
    expect(problems).toEqual([]);
    expect(document?.body).not.toMatch(/<(img|script|a)\b/i);
    expect($("ul.literature li").text()).toContain('<img src=x onerror="alert(1)">');
    expect($(".citation").text()).toContain("<script>alert(3)</script>");
  });

  it("escapes any tag but citeproc's own formatting", () => {
    expect(safeCslHtml("<i>tittel</i> <span style=\"font-style:normal;\">x</span> <b onclick='y'>z</b>")).toBe(
      '<i>tittel</i> <span style="font-style:normal;">x</span> &lt;b onclick=&#39;y&#39;&gt;z</b>',
    );
  });
});

describe("npm run check", () => {
  let work: string;
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("fails on a listed work that is neither cited nor marked as further reading", async () => {
    work = await mkdtemp(join(tmpdir(), "rapport-sitat-"));
    for (const dir of ["report", "templates", "data"]) await cp(join(root, dir), join(work, dir), { recursive: true });
    const file = join(work, "report", "litteratur.json");
    const items = JSON.parse(await readFile(file, "utf8")) as CslItem[];
    items.push({ id: "ukjent2020", type: "book", title: "Aldri sitert", issued: { "date-parts": [[2020]] } });
    await writeFile(file, JSON.stringify(items, null, 2));
    const nb = messagesFor("nb");
    const failure = await check({ root: work }).catch((error: Error) => error);
    expect((failure as Error).message).toMatch(
      new RegExp(
        `report/litteratur\\.json, ${nb.report.line(0).replace("0", "\\d+")}: .*${nb.helperProblem.workNeverCited("ukjent2020").found}`,
      ),
    );
  });
});
