import Handlebars from "handlebars";
import type { RenderedChart } from "../chart/render-chart.ts";
import type { ReportModel } from "../compute/model.ts";
import type { Problem } from "../errors.ts";
import type { ProjectSources } from "../load/project.ts";
import { Numbering, registerHelpers } from "./helpers.ts";
import { createMarkdown, type Heading, HeadingCounter, renderMarkdown } from "./markdown.ts";
import { Placeholders } from "./placeholders.ts";

export interface RenderedDocument {
  /** The HTML edition (no page numbers: they mean nothing on a screen). */
  html: string;
  /** The print edition: the same document, with the contents' page numbers when known. */
  paged: (pages: Map<string, number> | undefined) => string;
  headings: Heading[];
  numbering: Numbering;
}

/**
 * Stage 5: chapters (Markdown + helpers) → one HTML document in the layout.
 * Handlebars runs first and leaves placeholders; markdown-it renders the
 * prose; then placeholders are filled and the layout wraps the chapters.
 */
export function renderDocument(
  sources: ProjectSources,
  model: ReportModel,
  charts: Map<string, RenderedChart>,
  extra: { fonts: string } = { fonts: "" },
): { document?: RenderedDocument; problems: Problem[] } {
  const problems: Problem[] = [];
  const placeholders = new Placeholders();
  const numbering = new Numbering();
  let currentFile = "";

  const chapterHbs = Handlebars.create();
  registerHelpers(chapterHbs, { model, charts, placeholders, numbering, problems, file: () => currentFile });

  const md = createMarkdown();
  const counter = new HeadingCounter();
  const usedIds = new Set<string>();
  const headings: Heading[] = [];
  const sections: string[] = [];

  for (const chapter of sources.chapters) {
    currentFile = chapter.file;
    let prose: string;
    try {
      prose = chapterHbs.compile(chapter.source, { strict: true, noEscape: false })({});
    } catch (error) {
      problems.push({
        file: chapter.file,
        expected: 'valid template syntax ({{helper "argument"}})',
        found: (error as Error).message.split("\n")[0],
      });
      continue;
    }
    const rendered = renderMarkdown(md, prose, { numbered: true, counter, usedIds });
    headings.push(...rendered.headings);
    const first = rendered.headings[0];
    const labelledBy = first ? ` aria-labelledby="${first.id}"` : "";
    sections.push(`<section class="chapter"${labelledBy}>\n${rendered.html}</section>`);
  }

  const body = placeholders.fill(sections.join("\n"));
  if (problems.length > 0) return { problems };

  const layoutHbs = Handlebars.create();
  layoutHbs.registerHelper("cssString", cssString);
  for (const [name, partial] of Object.entries(sources.templates.partials)) {
    layoutHbs.registerPartial(name, partial);
  }
  const template = layoutHbs.compile(sources.templates.layout, { strict: false });
  const contents = headings.filter((h) => h.level <= 2);
  const tables = numbering.captions.filter((c) => c.kind === "tabell");
  const figures = numbering.captions.filter((c) => c.kind === "figur");
  const render = (print: boolean, pages?: Map<string, number>) => {
    // Before the first print the numbers are unknown; a placeholder of typical width keeps the layout.
    const page = (anchor: string) => (print ? String(pages?.get(anchor) ?? "00") : undefined);
    return template({
      config: model.config,
      lang: model.config.language,
      style: extra.fonts + sources.templates.style,
      body,
      contents: contents.map((h) => ({ ...h, page: page(h.id) })),
      tables: tables.map((c) => ({ ...c, page: page(c.anchor) })),
      figures: figures.map((c) => ({ ...c, page: page(c.anchor) })),
    });
  };
  const html = render(false);
  const paged = (pages: Map<string, number> | undefined) => render(true, pages);
  return { document: { html, paged, headings, numbering }, problems };
}

/** Join values into one CSS string literal, safe inside a <style> element. */
function cssString(...args: unknown[]): string {
  args.pop(); // Handlebars options
  const text = args
    .map(String)
    .join("")
    .replace(/[\r\n]+/g, " ");
  const escaped = text.replace(/[\\"]/g, "\\$&").replace(/</g, "\\3c ");
  return `"${escaped}"`;
}
