/**
 * Citations and the literature list, formatted by citeproc-js from
 * `report/litteratur.json` in the style and locale of `templates/csl/`.
 *
 *   {{sitat "rutle1995"}}                    (Rutle mfl. 1995)
 *   {{sitat "rutle1995" side="12"}}          (Rutle mfl. 1995, s. 12)
 *   {{sitat "amble2008" "amble2010"}}        (Amble 2008; Amble 2010)
 *   {{sitat "rutle1995" form="narrativ"}}    Rutle mfl. (1995)
 *   {{litteraturliste}}                      every cited work, then further reading
 *
 * English aliases: `cite` (page=, form="narrative") and `bibliography`.
 * Citations resolve once every chapter has been read, so the processor sees
 * the whole list before it formats any of them (year suffixes, «mfl.»).
 * Nothing here reads a file or the network: the loader has read everything.
 */
import { createRequire } from "node:module";
import type CSLModule from "citeproc";
import type { Engine } from "citeproc";
import type { Problem } from "../errors.ts";
import { type Bibliography, type CslItem, isFurtherReading } from "../load/bibliography.ts";
import type { Labels } from "../locale/index.ts";
import { helperProblem, type Said } from "../messages/index.ts";
import { ByContent } from "./by-content.ts";
import { escapeHtml } from "./escape.ts";
import type { Placeholders } from "./placeholders.ts";

type HelperFn = (args: unknown[], options: { hash?: Record<string, unknown> }) => string;
/** registerHelpers' wrapper: it turns a thrown helper problem into a problem with file and line. */
type RegisterHelper = (name: string, fn: HelperFn) => void;
/** Throws the helper problem that the wrapper reports. */
type Fail = (said: Said) => never;

/** citeproc-js (CommonJS), required when the first citation is formatted: `npm run check` formats none. */
let citeproc: typeof CSLModule | undefined;
const citeprocModule = (): typeof CSLModule => {
  citeproc ??= createRequire(import.meta.url)("citeproc") as typeof CSLModule;
  return citeproc;
};

interface CitationContext {
  bibliography?: Bibliography;
  placeholders: Placeholders;
  problems: Problem[];
  labels: Pick<Labels, "furtherReading">;
  /** Format citations and the list (default); `npm run check` only wants their problems, found either way. */
  format?: boolean;
}

type Cluster = Parameters<Engine["makeCitationCluster"]>[0];

/**
 * The citation processor of one bibliography, with what it has formatted: every edition's document
 * registers the same works, and neither a citation cluster nor the list leaves state in the engine,
 * so each is formatted once per process.
 */
class SharedProcessor {
  private readonly clusters = new Map<string, string>();
  private list: ReturnType<Engine["makeBibliography"]> | undefined;
  constructor(private readonly engine: Engine) {}

  cluster(items: Cluster): string {
    const key = JSON.stringify(items);
    let html = this.clusters.get(key);
    if (html === undefined) {
      html = this.engine.makeCitationCluster(items);
      this.clusters.set(key, html);
    }
    return html;
  }

  bibliography(): ReturnType<Engine["makeBibliography"]> {
    this.list ??= this.engine.makeBibliography();
    return this.list;
  }
}

/** One citation processor per bibliography (each edition's render, and each dev rebuild, asks for it again). */
const engines = new ByContent<SharedProcessor>();

export function registerCitationHelpers(helper: RegisterHelper, fail: Fail, context: CitationContext): void {
  const { bibliography, placeholders } = context;
  const cited = new Set<string>();
  let listPlaced = false;

  const item = (key: unknown): CslItem => {
    if (!bibliography) fail(helperProblem.noBibliographyToCite());
    const found = typeof key === "string" ? bibliography.items.find((i) => i.id === key) : undefined;
    if (!found) fail(helperProblem.unknownWork(bibliography.file, key));
    return found;
  };

  // Built at the first citation printed, when every chapter has been read; once per bibliography's
  // content, since every edition's document (and every dev rebuild) registers the same works, and
  // makeCitationCluster leaves no state.
  let found: SharedProcessor | undefined;
  const processor = (): SharedProcessor => {
    if (!bibliography) return fail(helperProblem.noBibliography());
    const { items, style, locale } = bibliography;
    found ??= engines.get(JSON.stringify([items, style.xml, locale.lang, locale.xml]), () => {
      const byId = new Map(items.map((i) => [i.id, i]));
      const engine = new (citeprocModule().Engine)(
        {
          retrieveLocale: () => locale.xml,
          retrieveItem: (id) => byId.get(id) ?? {},
        },
        style.xml,
        locale.lang,
        true,
      );
      engine.setOutputFormat("html");
      engine.updateItems(items.map((i) => i.id));
      return new SharedProcessor(engine);
    });
    return found;
  };

  const cite: HelperFn = (args, options) => {
    const hash = options.hash ?? {};
    if (args.length === 0) fail(helperProblem.noWorks());
    const works = args.map(item);
    const page = hash.side ?? hash.page;
    if (page !== undefined && (works.length > 1 || (typeof page !== "string" && typeof page !== "number"))) {
      fail(helperProblem.pageWithOneWork(works.length, page));
    }
    const form = hash.form ?? "parentes";
    const narrative = form === "narrativ" || form === "narrative";
    if (!narrative && form !== "parentes" && form !== "parenthetical") {
      fail(helperProblem.citationForm(form));
    }
    if (narrative && works.length > 1) fail(helperProblem.narrativeOneWork(works.length));
    for (const w of works) cited.add(w.id);
    const locator = page === undefined ? {} : { locator: String(page), label: "page" };

    return placeholders.later(() => {
      if (!listPlaced) missingList(context.problems, bibliography);
      if (context.format === false) return "";
      const csl = processor();
      const html = narrative
        ? `${csl.cluster([{ id: works[0].id, "author-only": true }])} ${csl.cluster([
            { id: works[0].id, "suppress-author": true, ...locator },
          ])}`
        : csl.cluster(works.map((w, i) => ({ id: w.id, ...(i === works.length - 1 ? locator : {}) })));
      return `<span class="citation">${safeCslHtml(html)}</span>`;
    });
  };
  helper("sitat", cite);
  helper("cite", cite);

  const list: HelperFn = (args) => {
    if (args.length > 0) fail(helperProblem.noArguments(args));
    if (!bibliography) fail(helperProblem.noBibliographyFile());
    if (listPlaced) fail(helperProblem.listTwice());
    listPlaced = true;
    return placeholders.block(
      placeholders.later(() => {
        // Every work is either cited or marked as further reading; the rest are reported.
        for (const work of bibliography.items) {
          if (!cited.has(work.id) && !isFurtherReading(work)) {
            context.problems.push({
              file: bibliography.file,
              row: bibliography.lines.get(work.id),
              ...helperProblem.workNeverCited(work.id),
            });
          }
        }
        if (context.format === false) return "";
        return literatureHtml(processor(), bibliography, cited, context.labels.furtherReading);
      }),
    );
  };
  helper("litteraturliste", list);
  helper("bibliography", list);
}

/** The list as the processor formats it: cited works, then further reading under its own heading. */
function literatureHtml(csl: SharedProcessor, bibliography: Bibliography, cited: Set<string>, heading: string): string {
  const made = csl.bibliography();
  if (!made) return "";
  const [params, entries] = made;
  const further = new Set(bibliography.items.filter((i) => isFurtherReading(i) && !cited.has(i.id)).map((i) => i.id));
  const main: string[] = [];
  const extra: string[] = [];
  entries.forEach((entry, index) => {
    const id = params.entry_ids[index]?.[0] ?? "";
    const inner = /<div class="csl-entry">([\s\S]*)<\/div>/.exec(entry)?.[1] ?? entry;
    const li = `<li class="csl-entry" id="litteratur-${escapeHtml(id)}">${tidyPunctuation(safeCslHtml(inner.trim()))}</li>`;
    (further.has(id) ? extra : main).push(li);
  });
  const ul = (lis: string[]) => `<ul class="literature">\n${lis.join("\n")}\n</ul>`;
  const parts = [ul(main)];
  if (extra.length > 0) {
    parts.push(`<h2 class="literature-further" id="videre-lesning">${escapeHtml(heading)}</h2>`, ul(extra));
  }
  return parts.join("\n");
}

/** A title ending in «?» or «!» takes no full stop after it, also behind closing italics or quotes. */
function tidyPunctuation(html: string): string {
  return html.replace(/([?!])((?:<\/i>|<\/b>|»|<\/span>)*)\./g, "$1$2");
}

/**
 * citeproc-js escapes the text of the data and adds only its own formatting
 * tags. Anything else that looks like a tag is escaped all the same, so no
 * string from the data can reach the HTML as markup even if that changed.
 */
const CSL_TAG = /^<\/?(?:i|b|sup|sub|span(?: style="[a-z-]+:\s?[a-z-]+;?")?|span class="nocase")>$/;

export function safeCslHtml(html: string): string {
  return html.replace(/<[^>]*>?/g, (tag) => (CSL_TAG.test(tag) ? tag : escapeHtml(tag)));
}

function missingList(problems: Problem[], bibliography: Bibliography | undefined): void {
  const file = bibliography?.file ?? "report/litteratur.json";
  if (problems.some((p) => p.file === file && p.column === "{{litteraturliste}}")) return;
  problems.push({
    file,
    column: "{{litteraturliste}}",
    ...helperProblem.listMissing(),
  });
}
