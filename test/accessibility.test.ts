import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { withBrowser } from "../scripts/print/browser.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let work: string;
let html: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-a11y-"));
  await build({ root, outDir: work, pdf: false });
  html = await readFile(join(work, "rapport.html"), "utf8");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  requests: string[];
  /** The page's scroll width and viewport width: equal when nothing makes the page scroll sideways. */
  widths: [number, number];
}

/** Open the HTML edition from file:// at a given width, record every request, run axe-core. */
async function audit(width: number): Promise<AxeResult> {
  return withBrowser(async (browser) => {
    const page = await browser.tab();
    await page.setViewport({ width, height: 900 });
    const requests: string[] = [];
    page.on("request", (request) => {
      requests.push(request.url());
    });
    await page.goto(`file://${join(work, "rapport.html")}`, { waitUntil: "load" });
    const widths = (await page.evaluate(
      "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
    )) as [number, number];
    await page.addScriptTag({ content: axe.source });
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] })
        .then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })) }))`,
    )) as Pick<AxeResult, "violations">;
    return { ...result, requests, widths };
  });
}

describe("the HTML edition", () => {
  it("has no axe-core violations (WCAG 2.1 A/AA and best practice) at desktop width", async () => {
    const { violations } = await audit(1280);
    expect(violations).toEqual([]);
  });

  it("has no axe-core violations at phone width, and makes no request beyond the file itself", async () => {
    const { violations, requests, widths } = await audit(390);
    expect(violations).toEqual([]);
    const [scrollWidth, viewportWidth] = widths;
    expect(scrollWidth).toBeLessThanOrEqual(viewportWidth); // wide tables scroll in their own block
    expect(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:"))).toEqual([]);
  });

  it("has landmarks, a skip link and one text alternative per chart", () => {
    expect(html).toMatch(/<main id="innhold">/);
    expect(html).toMatch(/<a class="skip-link" href="#innhold">/);
    expect(html).toMatch(/<nav class="contents" aria-labelledby="innholdsfortegnelse">/);
    expect(html.match(/<svg role="img" aria-label="[^"]{20,}"/g)?.length).toBe(
      html.match(/<figure class="chart"/g)?.length,
    );
  });
});
