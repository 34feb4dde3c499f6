import type { Locale } from "./types.ts";

/** Bokmål: decimal comma, no-break space between thousands, «83 %», a true minus sign. */
export const nb: Locale = {
  language: "nb",
  intl: "nb-NO",
  percentSuffix: "\u00a0%",
  chartNumbers: {
    decimal: ",",
    thousands: "\u00a0",
    grouping: [3],
    currency: ["", "\u00a0kr"],
    percent: "\u00a0%",
    minus: "\u2212",
    nan: "",
  },
  chartTime: {
    dateTime: "%A %e. %B %Y kl. %X",
    date: "%d.%m.%Y",
    time: "%H:%M:%S",
    periods: ["", ""],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    shortDays: ["søn.", "man.", "tir.", "ons.", "tor.", "fre.", "lør."],
    months: [
      "januar",
      "februar",
      "mars",
      "april",
      "mai",
      "juni",
      "juli",
      "august",
      "september",
      "oktober",
      "november",
      "desember",
    ],
    shortMonths: ["jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "des."],
  },
  files: { report: "rapport", changes: "endringer.md", numbers: "tall" },
  numberWords: ["ingen", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"],
  labels: {
    table: "Tabell",
    tableInText: "tabell",
    figure: "Figur",
    figureInText: "figur",
    source: "Kilde",
    total: "Totalt",
    count: "Antall",
    percent: "Prosent",
    n: "N",
    everyone: "Alle",
    mean: "Gjennomsnitt",
    itemCount: "Antall spørsmål",
    question: "Spørsmål",
    group: "Gruppe",
    figureNumbers: (figure) => `Tallene i ${figure}`,
    publishedDiffers: (p) =>
      `Publisert er ${p.published} for «${p.category}», ${p.reason}. Regnet av antallene blir det ${p.computed}, som tabellen viser.`,
    contents: "Innhold",
    tables: "Tabeller",
    figures: "Figurer",
    skipToContent: "Gå til innholdet",
    pdfEdition: "PDF-utgaven",
    backToTop: "Til toppen",
    pageTools: "Snarveier",
    sectionLink: "Lenke til delen",
    colophon: "Kolofon",
    colophonTitle: "Tittel",
    series: "Serie",
    published: "Utgitt",
    publisher: "Utgiver",
    authors: "Forfattere",
    edition: "Utgave",
    editionFor: "Utgave for",
    contact: "Kontakt",
    syntheticMark: "beregnet fra syntetiske eksempeldata",
    syntheticSource: "Syntetiske eksempeldata: oppdiktede svar som summerer seg til de publiserte tabellene.",
    syntheticCover: "Eksempelutgave beregnet fra syntetiske data",
    syntheticColophon: (n) =>
      `Denne utgaven er en eksempelutgave. Tabellene som er merket «beregnet fra syntetiske eksempeldata», og figurene og tallene i teksten som bygger på dem, er regnet ut fra oppdiktede svar fra ${n} personer. Svarene er laget slik at de summerer seg til de publiserte tabellene, men sammenhengen mellom svarene på ulike spørsmål er tilfeldig. Utgaven viser hvordan rapporten lages fra svardata, og sier ingenting nytt om dem som svarte.`,
    provenance: {
      line: (lines) => `linje ${lines}`,
      column: (name) => `kolonne «${name}»`,
      columns: (names) => `kolonnene ${names}`,
      inFile: (file) => `i ${file}`,
      of: (part, whole) => `${part} av ${whole}`,
      and: "og",
      sumOf: "summen av",
      rounding: {
        "half-up": "avrundet halvt opp",
        "spss-then-whole": "avrundet først til én desimal (som SPSS) og så til hele prosent",
      },
      absent: "ingen rad i dataene, altså 0",
      meanOf: (count) => `gjennomsnittet av ${count} skårer`,
      roundedTo: (decimals) => `avrundet til ${decimals} desimal${decimals === "1" ? "" : "er"}`,
      weighted: (p) => `skåren vektet med andelene i ${p.shares}, skalaen i ${p.scores}`,
      rowsCounted: (p) => `${p.count} rader: ${p.where}`,
      answers: (p) => {
        const what =
          p.counted === "codes"
            ? `svarene ${p.codes} på ${p.question}`
            : p.counted === "blank"
              ? `de som ikke svarte på ${p.question}`
              : p.counted === "notAsked"
                ? `de som ikke fikk ${p.question}`
                : p.counted === "mean"
                  ? `gjennomsnittet av svarene på ${p.question}`
                  : `regnet fra svarene på ${p.question}`;
        return `${what}${p.among ? `, ${p.among}` : ""}, talt blant ${p.n} personer ${p.file ? `i ${p.file}` : "i de syntetiske eksempeldataene"}`;
      },
      among: (p) => `blant dem som svarte ${p.codes} på ${p.question}`,
      control: "Vis hvor tallene kommer fra",
      readFrom: (p) =>
        `Tallene er hentet fra ${p.own || p.others}${p.own && p.others ? `, og der filen er nevnt, fra ${p.others}` : ""}.`,
      roundedAs: (how) => `Prosentene er ${how}.`,
      listHeading: "Hvor tallene i teksten kommer fra",
      listIntro: (index) =>
        `Hvert tall i teksten lenker hit, til hvor det kommer fra: datafil, linje og kolonne, og regnestykket når tallet er regnet ut. Alle tallene i rapporten, også tabellenes, står med kilde i ${index}.`,
      back: "Tilbake til tallet i teksten",
      explanation: "Hvor tallet kommer fra",
    },
    changes: {
      title: "Endringer siden forrige bygg",
      none: "Ingen tall er endret.",
      cells: "Tall i tabeller",
      sentences: "Setninger med endrede tall",
      before: "før",
      after: "nå",
      table: "Tabell",
      row: "Rad",
      column: "Kolonne",
      titleComparedWith: (file) => `Endringer siden bygget i ${file}`,
      accepted: "Nye antall godkjent (npm run accept)",
      acceptedLine: (a) =>
        `${a.table}: publiserte prosenter tømt i ${a.file}, kolonne ${a.column}, ${a.rows.length === 1 ? "rad" : "rader"} ${a.rows.join(", ")}, fordi ${a.reason ?? "antallene ble endret med vilje, så prosentene fulgte ikke lenger av dem"}`,
      from: (p) => `kilde${p.id ? ` (${p.id})` : ""}: ${p.where}`,
    },
  },
};
