import Handlebars from "handlebars";
import type { RenderedChart } from "../chart/render-chart.ts";
import type { ReportModel } from "../compute/model.ts";
import type { DownloadLinks } from "../downloads/index.ts";
import type { Problem } from "../errors.ts";
import type { Edition } from "../load/editions.ts";
import type { ProjectSources } from "../load/project.ts";
import { localeFor } from "../locale/index.ts";
import { type NumberEntry, NumberIndex } from "../provenance/collect.ts";
import { PROVENANCE_SCRIPT } from "../provenance/site-script.ts";
import { ByContent } from "./by-content.ts";
import { darkModeAccent, faviconDataUrl } from "./colour.ts";
import { Numbering, registerHelpers } from "./helpers.ts";
import { logoDataUrl } from "./logo.ts";
import { createMarkdown, type Heading, HeadingCounter, renderMarkdown } from "./markdown.ts";
import { Placeholders } from "./placeholders.ts";
import { EARLY_SCRIPT, SITE_SCRIPT } from "./site-script.ts";
import { TableMarkup } from "./table-markup.ts";
import { templateProblem } from "./template-error.ts";

export interface RenderedDocument {
  /** The HTML edition (no page numbers: they mean nothing on a screen). */
  html: string;
  /** The print edition: the same document with a page-number slot in each contents entry (made when first read). */
  readonly paged: string;
  /** The chapters' HTML as the print edition has it (plain numbers), without layout, front matter or foreword. */
  body: string;
  /** The chapters' HTML as the web edition has it (numbers linked to their explanations). */
  siteBody: string;
  /** Every number the web edition prints, in order, with where it comes from (the index beside the HTML). */
  numbers: NumberEntry[];
  headings: Heading[];
  numbering: Numbering;
}

/**
 * Chapters compiled once per process, by file (anew when its text changes, as in `npm run dev`):
 * every edition renders the same chapters, with its own helpers given at the call.
 */
const compiledChapters = new Map<string, { source: string; template: Handlebars.TemplateDelegate }>();
const chapterCompiler = Handlebars.create();

function chapterTemplate(file: string, source: string): Handlebars.TemplateDelegate {
  const known = compiledChapters.get(file);
  if (known?.source === source) return known.template;
  const template = chapterCompiler.compile(source, { strict: true });
  compiledChapters.set(file, { source, template });
  return template;
}

interface Layout {
  template: Handlebars.TemplateDelegate;
  numberList: Handlebars.TemplateDelegate;
}

/** The layout and its partials, compiled once per their text (every edition's render, and every dev rebuild, shares them). */
const layouts = new ByContent<Layout>();

function layoutOf(templates: ProjectSources["templates"]): Layout {
  return layouts.get(JSON.stringify([templates.layout, templates.partials]), () => {
    const hbs = Handlebars.create();
    hbs.registerHelper("cssString", cssString);
    for (const [name, partial] of Object.entries(templates.partials)) hbs.registerPartial(name, partial);
    return {
      template: hbs.compile(templates.layout, { strict: false }),
      numberList: hbs.compile("{{> provenance-list}}"),
    };
  });
}

/**
 * Stage 5: chapters (Markdown + helpers) → one HTML document in the layout.
 * Handlebars runs first and leaves placeholders; markdown-it renders the
 * prose; then placeholders are filled and the layout wraps the chapters.
 */
export function renderDocument(...args: RenderArguments): RenderResult {
  const steps = renderSteps(...args);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same, handing the event loop back after each chapter: a build renders while Chromium starts, and
 * each step of that start is a message Node must answer (in paired rebuilds the print stage then
 * took 2,1–2,5 s instead of 2,3–3,0 s).
 */
export async function renderDocumentInTurns(...args: RenderArguments): Promise<RenderResult> {
  const steps = renderSteps(...args);
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

type RenderArguments = Parameters<typeof renderSteps>;
type RenderResult = { document?: RenderedDocument; problems: Problem[] };

/** Render, one chapter per step. */
function* renderSteps(
  sources: ProjectSources,
  model: ReportModel,
  charts: Map<string, RenderedChart>,
  /**
   * `pdfFile`: the PDF's file name beside the HTML, when the build prints one (the web edition links to it);
   * `numbersFile`: the index of printed numbers beside it, which the web edition names.
   * `downloads`: the CSV files and ZIP written beside the HTML (downloads/), linked from the web edition.
   */
  extra: {
    fonts: string;
    edition: Edition;
    pdfFile?: string;
    numbersFile?: string;
    downloads?: DownloadLinks;
    /** Only the problems are wanted (`npm run check`): citations are checked but not formatted. */
    problemsOnly?: boolean;
  },
): Generator<void, RenderResult, void> {
  const problems: Problem[] = [];
  const placeholders = new Placeholders();
  const locale = localeFor(model.config.language);
  const { labels } = locale;
  const numbering = new Numbering(labels);
  let currentFile = "";

  const chapterHbs = Handlebars.create();
  const markup = new TableMarkup(sources.templates.partials, model, extra.downloads);
  const numbers = new NumberIndex(model, locale.files.numbers);
  registerHelpers(chapterHbs, {
    numbers,
    model,
    charts,
    placeholders,
    numbering,
    markup,
    problems,
    file: () => currentFile,
    bibliography: sources.bibliography,
    edition: extra.edition.id,
    formatCitations: !extra.problemsOnly,
  });

  const md = createMarkdown();
  const counter = new HeadingCounter();
  const usedIds = new Set<string>();
  const headings: Heading[] = [];
  const sections: string[] = [];

  const renderChapter = (file: string, source: string, numbered: boolean): string | undefined => {
    currentFile = file;
    let prose: string;
    try {
      // The chapter's own helpers are given at the call: the compiled template is shared by the editions.
      prose = chapterTemplate(file, source)({}, { helpers: chapterHbs.helpers });
    } catch (error) {
      problems.push(templateProblem(file, source, error, Object.keys(chapterHbs.helpers)));
      return undefined;
    }
    const rendered = renderMarkdown(md, prose, { numbered, counter, usedIds });
    headings.push(...rendered.headings);
    const first = rendered.headings[0];
    const labelledBy = first ? ` aria-labelledby="${first.id}"` : "";
    return `<section class="${numbered ? "chapter" : "front-matter"}"${labelledBy}>\n${rendered.html}</section>`;
  };

  // An edition's foreword comes first, unnumbered; it may cite data like any chapter.
  const { edition } = extra;
  const foreword = edition.foreword ? renderChapter(edition.foreword.file, edition.foreword.source, false) : undefined;
  for (const chapter of sources.chapters) {
    yield;
    const section = renderChapter(chapter.file, chapter.source, chapter.numbered);
    if (section) sections.push(section);
  }
  yield;

  const chapters = sections.join("\n");
  const body = placeholders.fill(chapters, "print");
  const siteBody = placeholders.fill(chapters, "site");
  const forewordHtml = foreword ? placeholders.fill(foreword, "print") : "";
  const siteForeword = foreword ? placeholders.fill(foreword, "site") : "";
  if (problems.length > 0) return { problems };

  const layout = layoutOf(sources.templates);
  // After the chapters, in the web edition: every number of the text with its explanation, which the number links to.
  const prose = numbers.entries.filter((e) => e.where.in === "text");
  const numberList =
    prose.length === 0
      ? ""
      : layout.numberList({
          id: `${locale.files.numbers}-${labels.provenance.listHeading.toLowerCase().replace(/[^a-z0-9æøå]+/g, "-")}`,
          heading: labels.provenance.listHeading,
          intro: labels.provenance.listIntro(extra.numbersFile ?? ""),
          back: labels.provenance.back,
          // A number's description (read with it by a screen reader) is its explanation's first sentence, the
          // rule or the place; the rest (where each input was read) follows it in the list and in the popover.
          numbers: prose.map((entry) => {
            const [first, ...rest] = entry.explained.split(". ");
            return { ...entry, summary: first, rest: rest.join(". ") };
          }),
        });
  const { template } = layout;
  const contents = headings.filter((h) => h.level <= 2);
  const tables = numbering.captions.filter((c) => c.kind === "table");
  const figures = numbering.captions.filter((c) => c.kind === "figure");
  const render = (print: boolean) => {
    // The print stage fills each slot with the page its anchor landed on; "00" keeps a typical width meanwhile.
    const page = (anchor: string) => (print ? { anchor, placeholder: "00" } : undefined);
    const { config } = model;
    return template({
      config,
      labels,
      lang: config.language,
      report: {
        shortTitle: config.shortTitle ?? config.title,
        // "Notat 2024:3": the series and its number, either alone, or nothing.
        seriesLine: [config.series, config.seriesNumber].filter(Boolean).join(" ") || undefined,
        // The publisher's own edition is named once, as the publisher.
        showEdition: edition.config.name !== "" && edition.config.name !== config.publisher,
        syntheticNote: model.respondents?.synthetic
          ? labels.syntheticColophon(String(model.respondents.count))
          : undefined,
      },
      style: extra.fonts + sources.templates.style,
      body: print ? body : `${siteBody}\n${numberList}`,
      foreword: print ? forewordHtml : siteForeword,
      accent: edition.config.accent,
      description: config.subject ?? config.subtitle ?? config.title,
      // What only the screen edition has: scripts, favicon, the PDF link; the print edition stays script-free.
      site: print
        ? undefined
        : {
            earlyScript: EARLY_SCRIPT,
            script: `${SITE_SCRIPT}\n${PROVENANCE_SCRIPT}`,
            favicon: faviconDataUrl(edition.config.accent),
            darkAccent: darkModeAccent(edition.config.accent),
            pdf: extra.pdfFile,
            downloads: extra.downloads && {
              zip: extra.downloads.zip,
              readme: extra.downloads.readme,
              citation: extra.downloads.citation,
            },
          },
      // Tables counted from respondent-level answers; synthetic ones are announced on the cover and in the colophon.
      respondents: model.respondents && {
        synthetic: model.respondents.synthetic,
        count: model.respondents.count,
      },
      edition: {
        ...edition.config,
        coverLabel: edition.config.coverLabel ?? labels.editionFor,
        logo: edition.logoSvg === undefined ? undefined : logoDataUrl(edition.logoSvg),
        logoAlt: edition.config.logoAlt ?? edition.config.name,
        contact: edition.config.contact && {
          heading: edition.config.contact.heading ?? labels.contact,
          lines: edition.config.contact.lines,
        },
      },
      contents: contents.map((h) => ({ ...h, page: page(h.id) })),
      tables: tables.map((c) => ({ ...c, page: page(c.anchor) })),
      figures: figures.map((c) => ({ ...c, page: page(c.anchor) })),
    });
  };
  const html = render(false);
  let paged: string | undefined;
  const document: RenderedDocument = {
    html,
    // Laid out when something prints it: an HTML-only build and the dev server's rebuilds never do.
    get paged() {
      paged ??= render(true);
      return paged;
    },
    body,
    siteBody,
    headings,
    numbering,
    numbers: numbers.entries,
  };
  return { document, problems };
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
