import type { Locale } from "./types.ts";

/** British English: decimal point, comma between thousands, «83%». */
export const en: Locale = {
  language: "en",
  intl: "en-GB",
  percentSuffix: "%",
  chartNumbers: {
    decimal: ".",
    thousands: ",",
    grouping: [3],
    currency: ["NOK\u00a0", ""],
    percent: "%",
    minus: "-",
    nan: "",
  },
  chartTime: {
    dateTime: "%A, %e %B %Y, %X",
    date: "%d/%m/%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  files: { report: "report", changes: "changes.md", numbers: "numbers" },
  numberWords: ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
  labels: {
    table: "Table",
    tableInText: "table",
    figure: "Figure",
    figureInText: "figure",
    source: "Source",
    total: "Total",
    count: "Number",
    percent: "Per cent",
    n: "N",
    everyone: "All",
    mean: "Mean",
    itemCount: "Number of questions",
    question: "Question",
    group: "Group",
    figureNumbers: (figure) => `The numbers in ${figure}`,
    publishedDiffers: (p) =>
      `The published figure for ‘${p.category}’ is ${p.published}, ${p.reason}. Computed from the counts it is ${p.computed}, as the table shows.`,
    contents: "Contents",
    tables: "Tables",
    figures: "Figures",
    skipToContent: "Skip to content",
    pdfEdition: "PDF edition",
    backToTop: "Back to top",
    pageTools: "Shortcuts",
    sectionLink: "Link to section",
    colophon: "Colophon",
    colophonTitle: "Title",
    series: "Series",
    published: "Published",
    publisher: "Publisher",
    authors: "Authors",
    edition: "Edition",
    editionFor: "Edition for",
    contact: "Contact",
    syntheticMark: "computed from synthetic example data",
    syntheticSource: "Synthetic example data: made-up answers that add up to the published tables.",
    syntheticCover: "Example edition computed from synthetic data",
    syntheticColophon: (n) =>
      `This is an example edition. The tables marked ‘computed from synthetic example data’, and the figures and numbers in the text based on them, are computed from made-up answers of ${n} people. The answers add up to the published tables, but how answers to different questions go together is chance. The edition shows how the report is made from answers and says nothing new about those who answered.`,
    provenance: {
      line: (lines) => `line ${lines}`,
      column: (name) => `column ‘${name}’`,
      columns: (names) => `columns ${names}`,
      inFile: (file) => `in ${file}`,
      of: (part, whole) => `${part} of ${whole}`,
      and: "and",
      sumOf: "the sum of",
      rounding: {
        "half-up": "rounded half up",
        "spss-then-whole": "rounded first to one decimal (as SPSS prints) and then to a whole percent",
      },
      absent: "no row in the data, so 0",
      meanOf: (count) => `the mean of ${count} scores`,
      roundedTo: (decimals) => `rounded to ${decimals} decimal${decimals === "1" ? "" : "s"}`,
      weighted: (p) => `the score weighted by the shares in ${p.shares}, the scale in ${p.scores}`,
      rowsCounted: (p) => `${p.count} rows: ${p.where}`,
      answers: (p) => {
        const what =
          p.counted === "codes"
            ? `the answers ${p.codes} to ${p.question}`
            : p.counted === "blank"
              ? `those who did not answer ${p.question}`
              : p.counted === "notAsked"
                ? `those not asked ${p.question}`
                : p.counted === "mean"
                  ? `the mean of the answers to ${p.question}`
                  : `computed from the answers to ${p.question}`;
        return `${what}${p.among ? `, ${p.among}` : ""}, counted among ${p.n} people ${p.file ? `in ${p.file}` : "in the synthetic example data"}`;
      },
      among: (p) => `among those who answered ${p.codes} to ${p.question}`,
      control: "Show where the numbers come from",
      readFrom: (p) =>
        `The numbers are taken from ${p.own || p.others}${p.own && p.others ? `, and where the file is named, from ${p.others}` : ""}.`,
      roundedAs: (how) => `Percentages are ${how}.`,
      listHeading: "Where the numbers in the text come from",
      listIntro: (index) =>
        `Each number in the text links here, to where it comes from: data file, line and column, and the calculation when it is computed. Every number in the report, the tables’ too, is listed with its source in ${index}.`,
      back: "Back to the number in the text",
      explanation: "Where the number comes from",
    },
    changes: {
      title: "Changes since the previous build",
      none: "No numbers have changed.",
      cells: "Numbers in tables",
      sentences: "Sentences with changed numbers",
      before: "before",
      after: "now",
      table: "Table",
      row: "Row",
      column: "Column",
      titleComparedWith: (file) => `Changes since the build recorded in ${file}`,
      accepted: "New counts accepted (npm run accept)",
      acceptedLine: (a) =>
        `${a.table}: published percentages cleared in ${a.file}, column ${a.column}, ${a.rows.length === 1 ? "row" : "rows"} ${a.rows.join(", ")}, because ${a.reason ?? "the counts were changed on purpose, so the percentages no longer followed from them"}`,
      from: (p) => `source${p.id ? ` (${p.id})` : ""}: ${p.where}`,
    },
  },
};
