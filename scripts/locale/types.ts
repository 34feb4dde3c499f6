/**
 * What a report's language decides in its output: the words the engine
 * prints (labels, number words, the change summary) and how numbers look.
 * One file per language (nb.ts, en.ts) fills this in; index.ts lists them.
 */
export interface Locale {
  /** BCP 47 tag the report's `language` setting matches, e.g. "nb". */
  language: string;
  /** Tag handed to Intl for numbers and dates, e.g. "nb-NO", "en-GB". */
  intl: string;
  /** Printed after a percentage: "\u00a0%" in bokmål (83 %), "%" in English (83%). */
  percentSuffix: string;
  /** d3-format number locale for charts; must agree with `intl`. */
  chartNumbers: {
    decimal: string;
    thousands: string;
    grouping: number[];
    currency: [string, string];
    percent: string;
    minus: string;
    nan: string;
  };
  /** d3-time-format locale for charts. */
  chartTime: {
    dateTime: string;
    date: string;
    time: string;
    periods: [string, string];
    days: string[];
    shortDays: string[];
    months: string[];
    shortMonths: string[];
  };
  /**
   * Default names of the files a build writes: `<report>.html`, `<report>.pdf`, the change summary,
   * the index of printed numbers `<report>.<numbers>.json`, and the web edition's downloads: the
   * folder of CSV files beside the HTML (`data`) and the text in it on how to read and cite them (`readme`).
   */
  files: { report: string; changes: string; numbers: string; data: string; readme: string };
  /**
   * How the downloaded CSV files are written, so that a spreadsheet set to this language opens them
   * as numbers: the separator and the decimal mark (Excel in bokmål reads `;` and `4,5`).
   */
  csv: { separator: ";" | "," | "\t"; decimalMark: "," | "." };
  /** Words for 0, 1, 2, … as prose writes small numbers; beyond the list, digits. */
  numberWords: string[];
  labels: Labels;
}

/** Every word the engine itself prints in a report. */
export interface Labels {
  /** Caption prefix and cross-reference word, capitalised ("Tabell") and in running text ("tabell"). */
  table: string;
  tableInText: string;
  figure: string;
  figureInText: string;
  /** Prefix of the source line under a table or figure. */
  source: string;
  total: string;
  count: string;
  percent: string;
  /** Those who answered. */
  n: string;
  /** Everyone asked, including those outside the percentage base. */
  everyone: string;
  mean: string;
  itemCount: string;
  question: string;
  /** Heading over the groups of a comparison counted from answers. */
  group: string;
  /** Summary of a figure's data table: "Tallene i figur 3". */
  figureNumbers: (figureInText: string) => string;
  /** A published percentage the counts do not give, explained under its table. */
  publishedDiffers: (p: { category: string; published: string; computed: string; reason: string }) => string;
  contents: string;
  tables: string;
  figures: string;
  skipToContent: string;
  /** The web edition's link to the PDF beside it. */
  pdfEdition: string;
  /** Heading of the works listed but not cited (literature marked as further reading). */
  furtherReading: string;
  backToTop: string;
  /** Name of the web edition's bar with the contents button, the PDF link and "back to top". */
  pageTools: string;
  /** Name of the link beside a heading, followed by the heading: "Lenke til delen: 2 Metode". */
  sectionLink: string;
  colophon: string;
  colophonTitle: string;
  series: string;
  published: string;
  publisher: string;
  /** Over the authors' names in the colophon. */
  authors: string;
  edition: string;
  /** Cover line above an edition's name, unless the edition sets `coverLabel`. */
  editionFor: string;
  contact: string;
  /** Marks a table or figure counted from made-up answers. */
  syntheticMark: string;
  /** Source line of a table counted from made-up answers. */
  syntheticSource: string;
  syntheticCover: string;
  syntheticColophon: (respondents: string) => string;
  /** Where each printed number comes from: the web edition's explanations and the index beside it. */
  provenance: ProvenanceWords;
  /** The web edition's downloads (scripts/downloads/): every table's and figure's numbers as CSV. */
  downloads: DownloadLabels;
  /** The change summary (endringer.md and the terminal). */
  changes: {
    title: string;
    none: string;
    cells: string;
    sentences: string;
    before: string;
    after: string;
    table: string;
    row: string;
    column: string;
    /** Heading over the published percentages `npm run accept` cleared. */
    accepted: string;
    /** The title when the build compared with a record named by `--compare-with` (its path). */
    titleComparedWith: (file: string) => string;
    /** One table's cleared published percentages and why; `reason` undefined: the user gave none. */
    acceptedLine: (a: { table: string; file: string; column: string; rows: number[]; reason?: string }) => string;
    /** After a changed number: where it now comes from (its id in the index, and its data). */
    from: (p: { id: string; where: string }) => string;
  };
}

/** The words that explain a number's provenance (provenance/explain.ts puts them together). */
export interface ProvenanceWords {
  /** "linje 3" / "line 3"; `lines` for a list ("linje 2–6"). */
  line: (lines: string) => string;
  column: (name: string) => string;
  /** A value, column or label quoted as the language quotes: «x» / ‘x’. */
  quote: (text: string) => string;
  columns: (names: string) => string;
  /** "i data/alder.csv" / "in data/age.csv". */
  inFile: (file: string) => string;
  /** "12 av 208". */
  of: (part: string, whole: string) => string;
  and: string;
  sumOf: string;
  /** How each rounding policy rounds, as a clause after the result. */
  rounding: Record<string, string>;
  /** A combination no row of the data has: it counts 0. */
  absent: string;
  /** "gjennomsnittet av 4 skårer". */
  meanOf: (count: string) => string;
  roundedTo: (decimals: string) => string;
  /** An item's mean score: the scale's scores weighted by its shares. */
  weighted: (p: { shares: string; scores: string }) => string;
  /** How many rows a rule took. */
  rowsCounted: (p: { count: string; where: string }) => string;
  /** Counted from answers: question, the codes counted (or blanks, or those not asked), among whom. */
  answers: (p: {
    question: string;
    counted: "codes" | "answered" | "blank" | "asked" | "notAsked" | "statistic";
    codes: string;
    among: string;
    n: string;
    file: string;
  }) => string;
  /** A group of answers: "blant dem som svarte «Lege» (kode 1) på B2". */
  among: (p: { question: string; codes: string }) => string;
  /** The summary of a table's or figure's disclosure. */
  control: string;
  /** "Tallene er hentet fra data/alder.csv." — the file a table's cells leave unnamed, and others they name. */
  readFrom: (p: { own: string; others: string }) => string;
  /** "Prosentene er avrundet halvt opp." */
  roundedAs: (how: string) => string;
  /** The web edition's list of the prose's numbers: its heading and the sentence under it. */
  listHeading: string;
  listIntro: (index: string) => string;
  /** The link from an explanation back to its number in the text. */
  back: string;
  /** The explanation of a number in the text, announced as a group. */
  explanation: string;
}

/** What a citation of the report names (scripts/downloads/cite.ts fills it from report.json). */
export interface CitedReport {
  title: string;
  subtitle?: string;
  authors: string[];
  publisher?: string;
  /** The date of publication as printed, or the year of the report's `date`. */
  published?: string;
  /** The series and number: "Notat 2024:3". */
  series?: string;
  /** A named edition: "Utgave for Forbundet". */
  edition?: string;
}

/** One downloaded file, as the explaining text lists it. */
export interface DownloadedFile {
  file: string;
  /** "Tabell 3", "Figur 2". */
  label: string;
  title: string;
}

export interface DownloadLabels {
  /** Under a table or figure; `label` as in running text ("tabell 3"). */
  link: (label: string) => string;
  /** The link to every file at once, in the colophon. */
  all: string;
  /** The same in the page's tool bar, where room is short. */
  allShort: string;
  /** The link to the text that explains the files. */
  readme: string;
  /** Before the citation in the colophon. */
  cite: string;
  /** Header of a column of numbers before rounding, beside the rounded one: "Prosent, uavrundet". */
  unrounded: (label: string) => string;
  /** Header of the categories of a table that prints no heading over them. */
  category: string;
  /** Header of the column saying which number a row holds (a crosstab's «Antall», «Prosent»). */
  measure: string;
  /** Header of the printed value, for a kind that gives only its printed cells. */
  value: string;
  /** The text beside the CSV files (`files.readme`): what they are, how they are written, how to cite them. */
  readmeText: (r: { report: CitedReport; citation: string; files: DownloadedFile[]; packageFile: string }) => string;
}
