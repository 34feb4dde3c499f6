import type Handlebars from "handlebars";
import { chartMarkup, type RenderedChart } from "../chart/render-chart.ts";
import type { Fact } from "../compute/facts.ts";
import {
  type LookupContext,
  LookupError,
  lookupCount,
  lookupN,
  lookupPercent,
  lookupValue,
} from "../compute/lookup.ts";
import type { ComputedTable, ReportModel } from "../compute/model.ts";
import { roundingPolicy } from "../compute/rounding.ts";
import type { Problem } from "../errors.ts";
import type { NumberFormat } from "../format/numbers.ts";
import { kindOf } from "../kinds/definitions.ts";
import { isFrequencyTable } from "../kinds/frequency/index.ts";
import { frequencyTerms } from "../kinds/frequency/provenance.ts";
import type { Bibliography } from "../load/bibliography.ts";
import { type Labels, syntheticMark } from "../locale/index.ts";
import { helperProblem, type Said } from "../messages/index.ts";
import type { NumberIndex } from "../provenance/collect.ts";
import { factTerm } from "../provenance/kind.ts";
import { type PrintSpec, sum, type Traced } from "../provenance/term.ts";
import { registerCitationHelpers } from "./citations.ts";
import { escapeHtml } from "./escape.ts";
import type { Placeholders } from "./placeholders.ts";
import type { TableMarkup } from "./table-markup.ts";

export type CaptionKind = "table" | "figure";

/** Numbering of tables and figures in order of appearance, shared by all chapters. */
export class Numbering {
  readonly tables = new Map<string, number>();
  readonly figures = new Map<string, number>();
  readonly captions: { kind: CaptionKind; number: number; anchor: string; caption: string }[] = [];

  constructor(private readonly labels: Labels) {}

  /** The anchor of a table or figure: "tabell-alder" in bokmål, "table-age" in English. */
  anchor(kind: CaptionKind, id: string): string {
    return `${kind === "table" ? this.labels.tableInText : this.labels.figureInText}-${id}`;
  }

  /** "Tabell 3" / "Table 3", or in running text "tabell 3". */
  label(kind: CaptionKind, number: number, inText = false): string {
    const { table, tableInText, figure, figureInText } = this.labels;
    const word = kind === "table" ? (inText ? tableInText : table) : inText ? figureInText : figure;
    return `${word} ${number}`;
  }

  number(kind: CaptionKind, id: string, caption: string): { anchor: string; label: string } {
    const map = kind === "table" ? this.tables : this.figures;
    const number = map.size + 1;
    map.set(id, number);
    const anchor = this.anchor(kind, id);
    this.captions.push({ kind, number, anchor, caption });
    return { anchor, label: this.label(kind, number) };
  }
}

interface HelperContext {
  model: ReportModel;
  charts: Map<string, RenderedChart>;
  placeholders: Placeholders;
  numbering: Numbering;
  /** Tables and figures laid out by the theme's partials. */
  markup: TableMarkup;
  problems: Problem[];
  /** The chapter being rendered, for messages. */
  file: () => string;
  bibliography?: Bibliography;
  /** The id of the edition being rendered ("" for a report without editions), for {{#utgave}}. */
  edition?: string;
  /** Every number printed, with where it comes from (provenance/collect.ts). */
  numbers: NumberIndex;
  /** Format citations (default); `npm run check` wants only their problems. */
  formatCitations?: boolean;
}

type HelperOptions = Handlebars.HelperOptions & { name: string; loc?: { start: { line: number } } };

/** A wrong reference in prose: remembered as a problem, rendered as a visible marker. */
class HelperProblem extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`expected ${expected}, found ${found}`);
  }
}

/** A HelperProblem saying what the message catalogue says. */
const said = ({ expected, found }: Said) => new HelperProblem(expected, found);

/** How a fact is printed, as formatFact prints it. */
export function factPrint(fact: Pick<Fact, "unit" | "decimals">): PrintSpec {
  switch (fact.unit) {
    case "prosent":
      return { style: "percent", decimals: fact.decimals };
    case "kr":
      return { style: "currency", decimals: fact.decimals };
    case "årstall":
      return { style: "year" };
    default:
      return { style: "number", decimals: fact.decimals };
  }
}

export function formatFact(format: NumberFormat, fact: Pick<Fact, "unit" | "decimals">, value: number): string {
  switch (fact.unit) {
    case "prosent":
      return format.percent(value, fact.decimals);
    case "kr":
      return format.currency(value, fact.decimals);
    case "årstall":
      return String(value);
    default:
      return format.number(value, fact.decimals);
  }
}

/**
 * The Handlebars helpers chapters use to cite data. Each returns a
 * placeholder (see placeholders.ts), never HTML for Markdown to read.
 */
export function registerHelpers(hbs: typeof Handlebars, context: HelperContext): void {
  const { model, placeholders, numbering, markup } = context;
  const { format, locale } = model;
  const fmt = (f: Pick<Fact, "unit" | "decimals">, value: number) => formatFact(format, f, value);
  const lookupContext: LookupContext = { kinds: model.kinds, format, labels: model.locale.labels };

  /** Wrap a helper: split positional args from options, turn HelperProblems into reported problems. */
  const helper = (name: string, fn: (args: unknown[], options: HelperOptions) => string) => {
    hbs.registerHelper(name, (...all: unknown[]) => {
      const options = all.pop() as HelperOptions;
      try {
        return fn(all, options);
      } catch (error) {
        if (!(error instanceof HelperProblem)) throw error;
        const call = `{{${name}${all.map((a) => ` ${JSON.stringify(a)}`).join("")}}}`;
        context.problems.push({
          file: context.file(),
          row: options.loc?.start.line,
          column: call,
          expected: error.expected,
          found: error.found,
        });
        return placeholders.inline(`<mark class="error">${escapeHtml(call)}</mark>`);
      }
    });
  };

  const strings = (args: unknown[], what: string, min = 1): string[] => {
    if (args.length < min || args.some((a) => typeof a !== "string")) {
      throw said(helperProblem.arguments(what, args));
    }
    return args as string[];
  };

  const fact = (id: string): Fact => {
    const found = model.facts.get(id);
    if (!found) {
      throw said(helperProblem.unknownFact(model.config.factsPrefix, id));
    }
    return found;
  };

  const frequency = (t: ComputedTable) => {
    if (!isFrequencyTable(t)) throw said(helperProblem.notFrequency(t.kind, t.id));
    return t;
  };

  const table = (id: string): ComputedTable => {
    const found = model.tables.get(id);
    if (!found) throw said(helperProblem.unknownTable(id));
    return found;
  };

  /** A lookup in a table; a missing key becomes a HelperProblem naming what the table has. */
  const look = (fn: () => string) => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof LookupError) throw new HelperProblem(error.expected, error.found);
      throw error;
    }
  };

  /**
   * A number in the text. The print edition has it plain; the web edition
   * links it to its explanation (the list render/document.ts adds after the
   * chapters), which also describes it, and the site script shows that
   * explanation on hover, focus or tap.
   */
  const number = (text: string, traced?: Traced, cited?: { name: string; args: unknown[]; options: HelperOptions }) => {
    const plain = `<span class="num">${escapeHtml(text)}</span>`;
    if (!traced || !cited) return placeholders.inline(plain);
    const { id } = context.numbers.addProse(text, traced, {
      in: "text",
      file: context.file(),
      line: cited.options.loc?.start.line,
      helper: callText(cited.name, cited.args, cited.options.hash),
    });
    const link = `<a class="num" id="${id}-i" href="#${id}" aria-describedby="${id}-d">${escapeHtml(text)}</a>`;
    return placeholders.inline(link, plain);
  };

  /** A kind's provenance of a lookup, called once the lookup itself has succeeded. */
  const traced = (t: ComputedTable, part: "count" | "percent" | "n" | "value", args: unknown[]): Traced | undefined => {
    const fn = kindOf(model.kinds, t.kind).provenance?.[part] as
      | ((table: ComputedTable, ...rest: unknown[]) => Traced)
      | undefined;
    return fn?.(t, ...args, context.numbers.context);
  };

  // Text and figures only for a report counted from respondent answers (--svar), with an optional {{else}}:
  // {{#fraSvar}}{{figur "alder-etter-gruppe"}}{{else}}Only the published tables are used here.{{/fraSvar}}
  hbs.registerHelper("fraSvar", function (this: unknown, options: Handlebars.HelperOptions) {
    return model.respondents ? options.fn(this) : options.inverse(this);
  });

  // Text for some editions only, with an optional {{else}} for the others, so that the body never
  // contradicts an edition's foreword: {{#utgave "ours"}}Our own words.{{else}}Theirs.{{/utgave}}
  hbs.registerHelper("utgave", function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    if (all.length === 0 || !all.every((a) => typeof a === "string" && a !== "")) {
      context.problems.push({
        file: context.file(),
        row: options.loc?.start.line,
        column: `{{#${options.name}}}`,
        ...helperProblem.editionIds(all),
      });
      return "";
    }
    return all.includes(context.edition ?? "") ? options.fn(this) : options.inverse(this);
  });

  // A fact from data/fakta.csv, printed in its unit: {{tall "svar_mottatt"}}.
  helper("tall", (args, options) => {
    const [id] = strings(args, helperProblem.wants.factId);
    const f = fact(id);
    return number(fmt(f, f.value), { term: factTerm(f), print: factPrint(f) }, { name: "tall", args, options });
  });

  // A small whole number as a word, as prose writes it: {{tallord "faktorer"}} → "fire" / "four".
  helper("tallord", (args, options) => {
    const [id] = strings(args, helperProblem.wants.factId);
    const f = fact(id);
    const print: PrintSpec = { style: "word", otherwise: factPrint(f) };
    return number(
      format.word(f.value) ?? fmt(f, f.value),
      { term: factTerm(f), print },
      { name: "tallord", args, options },
    );
  });

  // The sum of facts, printed in the first one's unit: {{sum "a" "b"}}.
  helper("sum", (args, options) => {
    const ids = strings(args, helperProblem.wants.factIds);
    const facts = ids.map(fact);
    return number(
      fmt(
        facts[0],
        facts.reduce((s, f) => s + f.value, 0),
      ),
      { term: sum(facts.map(factTerm)), print: factPrint(facts[0]) },
      { name: "sum", args, options },
    );
  });

  // A percentage computed from counts in facts: {{andel del="svar_mottatt" av="sendt_a sendt_b"}}.
  helper("andel", (_args, options) => {
    const hash = options.hash as { del?: string; av?: string; part?: string; of?: string };
    const [del, av] = [hash.del ?? hash.part, hash.av ?? hash.of];
    if (typeof del !== "string" || typeof av !== "string") {
      throw said(helperProblem.shareArguments(options.hash));
    }
    const facts = (ids: string) => ids.split(/\s+/).filter(Boolean).map(fact);
    const total = (ids: string) => facts(ids).reduce((s, f) => s + f.value, 0);
    const part = total(del);
    const whole = total(av);
    if (!Number.isInteger(part) || !Number.isInteger(whole) || whole <= 0) {
      throw said(helperProblem.shareCounts(part, whole));
    }
    const share = roundingPolicy(model.config.rounding)(part, whole, 0);
    const term = {
      op: "share" as const,
      part: sum(facts(del).map(factTerm)),
      whole: sum(facts(av).map(factTerm)),
      rounding: model.config.rounding,
      decimals: 0,
    };
    return number(
      format.percent(share.value, share.decimals),
      { term, print: { style: "percent" } },
      {
        name: "andel",
        args: _args,
        options,
      },
    );
  });

  // A count: {{antall "alder" "Under 30"}} (categories summed), {{antall "crosstab" "row" "column"}}.
  helper("antall", (args, options) => {
    const [id, ...keys] = strings(args, helperProblem.wants.tableAndCategories, 2);
    const t = table(id);
    const text = look(() => lookupCount(t, keys, lookupContext));
    return number(text, traced(t, "count", [keys]), { name: "antall", args, options });
  });

  // A percentage as the table prints it; several categories are summed from their counts first:
  // {{prosent "alder" "A" "B"}}, {{prosent "crosstab" "row" "column"}}, {{prosent "tiltak" "Kurs"}}.
  helper("prosent", (args, options) => {
    const [id, ...keys] = strings(args, helperProblem.wants.tableAndCategories, 2);
    const t = table(id);
    const text = look(() => lookupPercent(t, keys, lookupContext));
    return number(text, traced(t, "percent", [keys]), { name: "prosent", args, options });
  });

  // A published cell of a grid table: {{verdi "indekser" "Trivsel" "gjennomsnitt"}}.
  // or by column and filters on the row's fields: {{verdi "lonnstabell" "arslonn" yrke="Sekretærer" sektor="Privat"}}.
  helper("verdi", (args, options) => {
    const filters = (options.hash ?? {}) as Record<string, string>;
    const [id, ...keys] = strings(args, helperProblem.wants.tableAndColumn, 2);
    const t = table(id);
    const text = look(() => lookupValue(t, keys, filters, lookupContext));
    return number(text, traced(t, "value", [keys, filters]), { name: "verdi", args, options });
  });

  // The sum of the rounded percentages as printed in a frequency table (how a reader adding up the column gets it).
  helper("prosentSumAvrundet", (args, options) => {
    const [id, ...names] = strings(args, helperProblem.wants.tableAndTwoCategories, 3);
    const t = frequency(table(id));
    look(() => lookupPercent(t, names, lookupContext)); // checks the categories
    const total = t.rows.filter((r) => names.includes(r.category)).reduce((s, r) => s + r.percent, 0);
    // The percentages as the table rounds them, each a share of N, then added up.
    const terms = frequencyTerms(t, context.numbers.context);
    const shares = t.rows.flatMap((r, i) => (names.includes(r.category) ? [terms.share(terms.answered[i])] : []));
    return number(
      format.percent(total),
      { term: sum(shares), print: { style: "percent", decimals: 0 } },
      {
        name: "prosentSumAvrundet",
        args,
        options,
      },
    );
  });

  // N, non-response and everyone: {{n "alder"}}, {{ikkeBesvart "alder"}}, {{totalt "alder"}}.
  helper("n", (args, options) => {
    const t = table(strings(args, helperProblem.wants.tableId)[0]);
    const text = look(() => lookupN(t, lookupContext));
    return number(text, traced(t, "n", []), { name: "n", args, options });
  });
  helper("ikkeBesvart", (args, options) => {
    const t = frequency(table(strings(args, helperProblem.wants.tableId)[0]));
    const term = sum(frequencyTerms(t, context.numbers.context).outside);
    return number(
      format.number(t.outside.reduce((s, r) => s + r.count, 0)),
      { term, print: { style: "number" } },
      {
        name: "ikkeBesvart",
        args,
        options,
      },
    );
  });
  helper("totalt", (args, options) => {
    const t = frequency(table(strings(args, helperProblem.wants.tableId)[0]));
    const term = frequencyTerms(t, context.numbers.context).everyone;
    return number(format.number(t.grandTotal), { term, print: { style: "number" } }, { name: "totalt", args, options });
  });

  // A table, numbered in order of appearance: {{tabell "alder"}}.
  helper("tabell", (args) => {
    const [id] = strings(args, helperProblem.wants.tableId);
    const t = table(id);
    if (numbering.tables.has(id)) throw said(helperProblem.placedTwice("table", id));
    const missing = markup.missingPartial(t);
    if (missing) throw said(helperProblem.missingPartial(missing, t.kind));
    const numbered = numbering.number("table", id, t.definition.title);
    const provenance = context.numbers.addTable(t, { in: "table", id, ...numbered });
    return placeholders.block(markup.table(t, numbered, provenance), markup.table(t, numbered, undefined, true));
  });

  // A chart, numbered in order of appearance: {{figur "alder"}}.
  helper("figur", (args) => {
    const [id] = strings(args, helperProblem.wants.chartId);
    const chart = context.charts.get(id);
    if (!chart) {
      throw said(helperProblem.unknownChart(id, [...context.charts.keys()]));
    }
    if (numbering.figures.has(id)) throw said(helperProblem.placedTwice("figure", id));
    const tableIds = new Set([chart.meta.table, ...Object.values(chart.meta.data ?? {})]);
    // A figure drawn from a table counted from synthetic answers says so, as the table does.
    const synthetic =
      model.respondents?.synthetic && [...tableIds].some((t) => model.respondents?.tables.has(t))
        ? ` ${syntheticMark(locale.labels)}`
        : "";
    const caption = chart.meta.caption + synthetic;
    const tables = [...tableIds].map(table);
    for (const t of tables) {
      const missing = markup.missingPartial(t);
      if (missing) throw said(helperProblem.missingPartial(missing, t.kind));
    }
    const numbered = numbering.number("figure", id, caption);
    const provenance = tables.map((t) => context.numbers.addTable(t, { in: "figure", id, ...numbered }));
    return placeholders.block(
      markup.figure(id, chartMarkup(chart), caption, numbered, tables, chart.meta, provenance),
      markup.figure(id, chartMarkup(chart, true), caption, numbered, tables, chart.meta, [], true),
    );
  });

  // A cross-reference, resolved when every table and figure has its number: {{ref "alder"}} → "tabell 1".
  const reference = (capital: boolean) => (args: unknown[], options: HelperOptions) => {
    const [id] = strings(args, helperProblem.wants.tableOrChartId);
    const asked = options.hash?.type;
    const kind: CaptionKind =
      asked === "figur" || asked === "figure" || (!model.tables.has(id) && context.charts.has(id)) ? "figure" : "table";
    if (kind === "table" && !model.tables.has(id)) throw said(helperProblem.unknownTableOrChart(id));
    const where = { file: context.file(), line: options.loc?.start.line };
    return placeholders.later(() => {
      const n = (kind === "table" ? numbering.tables : numbering.figures).get(id);
      if (n === undefined) {
        const placing = kind === "table" ? "tabell" : "figur";
        context.problems.push({
          file: where.file,
          row: where.line,
          column: `{{ref "${id}"}}`,
          ...helperProblem.referenceNeverPlaced(kind, placing, id),
        });
        return "?";
      }
      const label = escapeHtml(numbering.label(kind, n, !capital)).replace(" ", "&nbsp;");
      return `<a class="xref" href="#${escapeHtml(numbering.anchor(kind, id))}">${label}</a>`;
    });
  };
  helper("ref", reference(false));
  helper("Ref", reference(true));

  // Citations and the literature list: {{sitat "rutle1995"}}, {{litteraturliste}} (render/citations.ts).
  registerCitationHelpers(
    helper,
    (problem) => {
      throw said(problem);
    },
    { ...context, labels: model.locale.labels, format: context.formatCitations },
  );

  // English names for the same helpers, for reports written in English; both work in every language.
  for (const [alias, name] of Object.entries(HELPER_ALIASES)) hbs.registerHelper(alias, hbs.helpers[name]);
}

/** A helper call as written, for the index of numbers: {{prosent "alder" "Under 30"}}. */
function callText(name: string, args: unknown[], hash: Record<string, unknown> = {}): string {
  const named = Object.entries(hash).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`);
  return `{{${name}${args.map((a) => ` ${JSON.stringify(a)}`).join("")}${named.join("")}}}`;
}

/** English alias → the helper's own (bokmål) name. */
export const HELPER_ALIASES: Record<string, string> = {
  fact: "tall",
  factWord: "tallord",
  share: "andel",
  count: "antall",
  percent: "prosent",
  value: "verdi",
  percentSumRounded: "prosentSumAvrundet",
  nonResponse: "ikkeBesvart",
  total: "totalt",
  table: "tabell",
  figure: "figur",
  fromAnswers: "fraSvar",
  edition: "utgave",
};
