import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import type { Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { closestPair, MIN_DELTA_E } from "../scripts/chart/palette.ts";
import { type LaunchedBrowser, launchBrowser } from "../scripts/print/browser.ts";

/**
 * The web edition measured like a site: opened from file:// in Chromium at a
 * phone's and a desktop's width, in light and dark mode. Scripts run in the
 * page are strings (tsx would rewrite functions with helpers the page lacks).
 */

const root = fileURLToPath(new URL("..", import.meta.url));
let work: string;
let html: string;
let browser: LaunchedBrowser;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-site-"));
  await build({ root, outDir: work, pdf: false });
  html = await readFile(join(work, "rapport.html"), "utf8");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

type Scheme = "light" | "dark";

/** A tab in the foreground: a background tab gets no animation frames and late IntersectionObserver reports. */
async function foregroundTab(): Promise<Page> {
  const page = await browser.browser.newPage();
  await page.bringToFront();
  return page;
}

async function open(width: number, scheme: Scheme, requests: string[] = [], everything = true): Promise<Page> {
  const page = await foregroundTab();
  await page.setViewport({ width, height: width < 500 ? 844 : 800 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  page.on("request", (request) => {
    requests.push(request.url());
  });
  await page.goto(`file://${join(work, "rapport.html")}`, { waitUntil: "load" });
  await page.evaluate("document.fonts.ready.then(() => true)");
  // Chapters off screen are skipped by the browser (content-visibility); lay them all out, so every check sees every element.
  if (everything) await page.addStyleTag({ content: "main > section { content-visibility: visible !important; }" });
  return page;
}

/** Two frames and a little time: IntersectionObserver reports after layout. */
const settle = (page: Page) =>
  page.evaluate(
    "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))",
  );

const AXE = `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] })
  .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })))`;

/** Elements wider than the viewport that are not inside a block that scrolls sideways on purpose. */
const OVERFLOWING = `(() => {
  const width = document.documentElement.clientWidth;
  const scrollsItself = (el) => el.closest(".table-block, .chart-image, details.figure-data");
  return [...document.body.querySelectorAll("*")]
    .filter((el) => !scrollsItself(el.parentElement ?? el) || el.matches(".table-block, .chart-image"))
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5); })
    .filter((el) => getComputedStyle(el).position !== "absolute" || !el.closest(".chart-image"))
    .filter((el) => !el.matches(".skip-link"))
    .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""))
    .slice(0, 10);
})()`;

/** Each table that scrolls, scrolled to its end: where its caption text and source line are. */
const CAPTIONS_WHEN_SCROLLED = `(() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll(".table-block")]
    .filter((block) => block.scrollWidth > block.clientWidth + 1)
    .map((block) => {
      block.scrollLeft = block.scrollWidth;
      const box = block.getBoundingClientRect();
      const parts = [block.querySelector("caption .caption-text"), block.querySelector(":scope > p.source"), block.querySelector("tbody th")];
      const inView = parts.filter(Boolean).every((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= Math.max(0, box.left) - 0.5 && r.left < box.right && r.right <= width + 0.5;
      });
      block.scrollLeft = 0;
      return { id: block.id, inView };
    });
})()`;

/** The smallest text in any chart drawing the reader sees, in CSS px: font size × the drawing's scale. */
const SMALLEST_CHART_TEXT = `(() => {
  let smallest = Infinity;
  let where = "";
  let shown = 0;
  for (const svg of document.querySelectorAll(".chart-image svg")) {
    const box = svg.getBoundingClientRect();
    if (box.width < 2 || getComputedStyle(svg).display === "none") continue; // hidden for the eye
    shown += 1;
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll("text")) {
      if (text.textContent.trim() === "" || getComputedStyle(text).opacity === "0") continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < smallest) { smallest = size; where = svg.closest("figure").id + ": " + text.textContent; }
    }
  }
  return { smallest, where, shown };
})()`;

describe.each([390, 1280])("the web edition at %i px", (width) => {
  describe.each<Scheme>(["light", "dark"])("in %s mode", (scheme) => {
    it("has no axe-core violation, nothing wider than the screen, and makes no request outside its folder", async () => {
      const requests: string[] = [];
      const page = await open(width, scheme, requests);
      try {
        expect(await page.evaluate(OVERFLOWING)).toEqual([]);
        const [scrollWidth, clientWidth] = (await page.evaluate(
          "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
        )) as [number, number];
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        await page.addScriptTag({ content: axe.source });
        expect(await page.evaluate(AXE)).toEqual([]);
        expect(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:"))).toEqual([]);
      } finally {
        await page.close();
      }
      // axe over a 6 000-element page takes seconds alone and minutes on a loaded two-core machine.
    }, 300_000);
  });

  it("keeps each scrolling table's caption, source and row labels in view", async () => {
    const page = await open(width, "light");
    try {
      const tables = (await page.evaluate(CAPTIONS_WHEN_SCROLLED)) as { id: string; inView: boolean }[];
      if (width === 390) expect(tables.length).toBeGreaterThan(5); // the phone has wide tables to scroll
      expect(tables.filter((t) => !t.inView)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("charts in dark mode", () => {
  /** The distinct fills of each visible chart's marks, as the page paints them (rgb(…) strings). */
  const FILLS = `[...document.querySelectorAll(".chart-image svg")]
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .map((svg) => [...new Set([...svg.querySelectorAll(".mark-rect path, .mark-symbol path")]
      .map((m) => getComputedStyle(m).fill))])`;
  const hex = (rgb: string) =>
    `#${(rgb.match(/\d+/g) ?? []).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;

  it("keep every pair of a chart's colours apart (CIEDE2000 ≥ 10): dark mode lightens the accent only where it is alone", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await open(1280, scheme);
      try {
        const charts = (await page.evaluate(FILLS)) as string[][];
        expect(charts.some((fills) => fills.length >= 3)).toBe(true);
        for (const fills of charts) {
          const pair = closestPair(fills.map(hex));
          if (pair)
            expect(pair.deltaE, `${scheme}: ${pair.a} and ${pair.b} (${pair.vision})`).toBeGreaterThanOrEqual(
              MIN_DELTA_E,
            );
        }
      } finally {
        await page.close();
      }
    }
  });
});

describe("charts on a phone", () => {
  it("show no text smaller than 11 CSS px at 390 px", async () => {
    const page = await open(390, "light");
    try {
      const { smallest, where, shown } = (await page.evaluate(SMALLEST_CHART_TEXT)) as {
        smallest: number;
        where: string;
        shown: number;
      };
      expect(shown).toBe(html.match(/<figure class="chart"/g)?.length);
      expect(smallest, where).toBeGreaterThanOrEqual(11);
    } finally {
      await page.close();
    }
  });

  it("keep one text alternative per figure: the narrow drawing is aria-hidden", () => {
    const narrow = html.match(/<svg aria-hidden="true"[^>]*class="marks chart-narrow"/g) ?? [];
    expect(narrow.length).toBeGreaterThan(0);
    expect(html.match(/<svg role="img" aria-label="[^"]{20,}"/g)?.length).toBe(
      html.match(/<figure class="chart"/g)?.length,
    );
  });
});

describe("navigation", () => {
  it("marks the section in view in the sidebar after a scroll, and moves the mark back up", async () => {
    const page = await open(1280, "light", [], false);
    try {
      const sticky = await page.evaluate(`getComputedStyle(document.querySelector("nav.contents")).position`);
      expect(sticky).toBe("sticky");
      const ids = (await page.evaluate(
        `[...document.querySelectorAll("nav.contents .contents-list a")].map((a) => a.hash.slice(1)).filter((id) => /^H[1-6]$/.test(document.getElementById(id)?.tagName ?? ""))`,
      )) as string[];
      expect(ids.length).toBeGreaterThan(10);
      const current = () =>
        page.evaluate(`document.querySelector("nav.contents a[aria-current='location']")?.hash.slice(1) ?? null`);
      for (const id of [ids[12], ids[3]]) {
        await page.evaluate(`document.getElementById(${JSON.stringify(id)}).scrollIntoView({ block: "start" })`);
        await settle(page);
        expect(await current()).toBe(id);
      }
      // The sidebar follows: the marked entry is within the sidebar's visible part.
      await page.evaluate(`document.getElementById(${JSON.stringify(ids.at(-1))}).scrollIntoView()`);
      await settle(page);
      const visible = await page.evaluate(`(() => {
        const nav = document.querySelector("nav.contents").getBoundingClientRect();
        const mark = document.querySelector("nav.contents a[aria-current]").getBoundingClientRect();
        return mark.top >= nav.top && mark.bottom <= nav.bottom;
      })()`);
      expect(visible).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("opens the contents from a button on a phone, and Escape closes it and returns focus", async () => {
    const page = await open(390, "light");
    try {
      const state = `(() => { const b = document.querySelector(".contents-toggle"); const nav = document.querySelector("nav.contents");
        return { expanded: b.getAttribute("aria-expanded"), shown: getComputedStyle(nav).display !== "none", focus: document.activeElement === b }; })()`;
      expect(await page.evaluate(state)).toMatchObject({ expanded: "false", shown: false });
      await page.click(".contents-toggle");
      expect(await page.evaluate(state)).toMatchObject({ expanded: "true", shown: true });
      expect(await page.evaluate(`document.activeElement.closest("nav.contents") !== null`)).toBe(true);
      await page.keyboard.press("Escape");
      expect(await page.evaluate(state)).toEqual({ expanded: "false", shown: false, focus: true });
    } finally {
      await page.close();
    }
  });

  it("without JavaScript, shows today's contents list and hides the button", async () => {
    const page = await foregroundTab();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(`file://${join(work, "rapport.html")}`, { waitUntil: "load" });
      expect(
        await page.evaluate(
          `[getComputedStyle(document.querySelector("nav.contents")).display, document.querySelector(".contents-toggle").hidden]`,
        ),
      ).toEqual(["block", true]);
    } finally {
      await page.close();
    }
  });

  it("gives each chapter heading a link to itself, beside the heading so its name stays the heading's", async () => {
    const page = await open(1280, "light");
    try {
      const anchors = (await page.evaluate(`[...document.querySelectorAll("main .heading-anchor")].map((a) => ({
        href: a.hash.slice(1), heading: a.previousElementSibling.id, name: a.getAttribute("aria-label"),
      }))`)) as { href: string; heading: string; name: string }[];
      expect(anchors.length).toBeGreaterThan(40);
      for (const a of anchors) expect(decodeURIComponent(a.href)).toBe(a.heading);
      expect(anchors[0].name).toMatch(/^Lenke til delen: /);
    } finally {
      await page.close();
    }
  });
});
