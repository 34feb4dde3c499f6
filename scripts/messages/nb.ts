/**
 * Every user-facing message in bokmål: the same keys as en.ts (type
 * `Messages`), «» around what was found, numbers as bokmål writes them
 * (`83,3 %`, `30 700`). Setting names, file names, helper calls and
 * commands stay as the user types them.
 */
import { z } from "zod";
import { NumberFormat } from "../format/numbers.ts";
import { nb as nbLocale } from "../locale/nb.ts";
import { en, folded, type Messages } from "./en.ts";

const numbers = new NumberFormat(nbLocale);
const listed = (names: string[]) => names.map((n) => `«${n}»`).join(", ");
/** A number with as many decimals as it has. */
const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** "a, b eller c" */
const either = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} eller ${names[names.length - 1]}` : names.join("");

const message: Messages["message"] = {
  notAProject: (dir) =>
    `${dir} er ikke et rapportprosjekt: det har ingen report/report.json. Start et med: npm run new -- ${dir}`,
  outHoldsProject: (dir) =>
    `--out ${dir} ville erstatte prosjektet eller en mappe som inneholder det; oppgi en egen mappe for resultatet`,
  outIsAFile: (dir) => `--out ${dir} er en fil; oppgi en mappe`,
  outNotOurs: (dir) =>
    `--out ${dir} er en mappe med filer som ikke er skrevet av dette verktøyet; et bygg erstatter hele resultatmappen, så oppgi en ny eller tom mappe`,
  unknownCommand: (command) => `ukjent kommando ${command ?? "(ingen)"}`,
  // The command line is read before any report: its usage is always shown in English.
  usage: en.message.usage,
  nothingWritten: "Ingenting ble skrevet: resultatmappen er som før.",
  internalError: (stack) => `intern feil (en feil i generatoren): ${stack}`,
  checkPassed: "check: fant ingen problemer",
  built: (files) => `bygde ${folded(files, (count, dir) => `${count} filer i ${dir}/`).join(", ")}`,
  newFolderNotEmpty: (dir) => `${dir} er ikke tom; oppgi en ny eller tom mappe for den nye rapporten`,
  newUnknownLanguage: (language, known) => `ingen startrapport på språket «${language}» (kjente: ${known.join(", ")})`,
  newCreated: (dir, files) =>
    `laget en ny rapport i ${dir} (${files} filer). Neste steg:\n  npm run build -- --project ${dir}\n  npm run check -- --project ${dir}\nog les ${dir}/README.md.`,
  acceptUnknownTarget: (target, isDataFile, known) =>
    isDataFile
      ? `accept ${target}: ingen tabell fra denne datafilen har publiserte prosenter å tømme (tabeller som har det: ${known.join(", ")})`
      : `accept ${target}: ingen tabell eller datafil med det navnet (tabeller med publiserte prosenter: ${known.join(", ")})`,
  acceptNothing: (target) =>
    `accept ${target}: alle publiserte prosenter følger fortsatt av antallene; ingenting ble endret`,
  accepted: (a) =>
    `godtok nye antall i tabell ${a.table}: tømte ${a.rows.length} publiserte ${a.rows.length === 1 ? "prosent" : "prosenter"} i ${a.file}, kolonne «${a.column}», ${a.rows.length === 1 ? "rad" : "rader"} ${a.rows.join(", ")}; endringsoversikten i neste bygg tar det med`,
  acceptHint: (table) =>
    `rapporten regner prosentene ut fra antallene. Har du endret antall med vilje, kjør: npm run accept -- ${table} (den tømmer alle publiserte prosenter i tabellen som ikke lenger følger, og endringsoversikten tar det med); ellers er et tall skrevet feil`,
  compareWithUnreadable: (path, code) =>
    `--compare-with ${path}: ${code === "ENOENT" ? "filen finnes ikke" : code === "EISDIR" ? "en mappe, ikke en fil" : `kan ikke leses (${code ?? "ukjent feil"})`}; oppgi tallregisteret (.tall-forrige-bygg.json) fra bygget det skal sammenlignes med`,
  environment: (code, path, syscall) => {
    const verb = syscall === "open" || syscall === "read" || syscall === "scandir" ? "bruke" : "skrive";
    const why: Record<string, string> = {
      EROFS: "filsystemet er skrivebeskyttet; bygg til en mappe det kan skrives i (--out MAPPE)",
      ENOSPC: "disken er full; frigjør plass, eller bygg til en annen disk (--out MAPPE)",
      EDQUOT: "diskkvoten er brukt opp; frigjør plass, eller bygg til en annen disk (--out MAPPE)",
      EACCES: "ingen tilgang; bygg til en mappe du har skrivetilgang til (--out MAPPE)",
      EPERM: "operasjonen er ikke tillatt; bygg til en mappe du har skrivetilgang til (--out MAPPE)",
      EMFILE: "for mange filer er åpne; lukk noen programmer og bygg igjen",
      ENFILE: "for mange filer er åpne på denne maskinen; lukk noen programmer og bygg igjen",
      EIO: "disken meldte en inn/ut-feil; sjekk disken",
    };
    return `Kunne ikke ${verb} ${path}: ${why[code] ?? code} (${code}).`;
  },
  shardInvalid: (text) =>
    `--shard ${text}: forventet K/N med hele tall 1 ≤ K ≤ N, f.eks. --shard 2/3 for den andre av tre deler`,
  shardNeedsAllEditions: "--shard deler opp --all-editions: bruk den sammen med --all-editions",
  shardEmpty: (shard) => `del ${shard} har ingen utgaver (flere deler enn utgaver): ingenting å bygge`,
  sourceDateEpoch: (latest, shown) =>
    `SOURCE_DATE_EPOCH: forventet hele sekunder siden 1970 fra 0 til ${latest} (f.eks. 1700000000), fant «${shown}»`,
  networkBlocked: (urls) => `Dokumentet prøvde å hente noe fra nettet under utskriften (blokkert): ${urls.join(", ")}`,
  browserNotStarted: (path, source, why) => `Kunne ikke starte nettleseren ${path} (funnet via ${source}): ${why}`,
  chartTableUnknown: (file, table) =>
    `${file}: usermeta: forventet id-en til en tabell definert i report/tables/, fant «${table}»`,
  chartNotRendered: (file, why) => `${file}: figuren kunne ikke tegnes: ${why}`,
  chartLinksRefused: (uris) =>
    `forventet lenker (href) til http, https, mailto eller en annen adresse Vega tillater, fant ${uris.map((u) => JSON.stringify(u)).join(", ")}, som Vega avviser`,
  codebookOutExists: (out) => `${out}: forventet en ny fil for kodeboken, fant en som finnes (den erstattes ikke)`,
  codebookUnreadable: (file, why) => `${file}: forventet en lesbar SPSS-datafil (.sav), fant ${why}`,
  codebookNoDictionary: (file, why) =>
    `${file}: forventet en SPSS-datafil (.sav) med en lesbar variabelliste, fant: ${why}`,
  codebookWritten: (out) => `skrev et utkast til kodebok til ${out}: fullfør det som står i $comment`,
  note: (text) => `  merk: ${text}`,
};

const stage: Messages["stage"] = {
  names: {
    load: "les",
    validate: "sjekk",
    answers: "svar",
    compute: "beregn",
    refs: "henvis",
    chart: "figurer",
    narrow: "mobil",
    render: "sett",
    changes: "endringer",
    data: "tall",
    print: "skriv ut",
    write: "lagre",
  },
  loaded: (p) =>
    `${p.data} ${plural(p.data, "datafil", "datafiler")}, ${p.chapters} ${plural(p.chapters, "kapittel", "kapitler")}, ${p.charts} ${plural(p.charts, "figur", "figurer")}, ${p.editions} ${plural(p.editions, "utgave", "utgaver")}`,
  validated: (rows) => `${rows} rader sjekket`,
  reloadedProse: "kapitler og maler lest på nytt; data, tabeller og figurer som i forrige bygg",
  answers: (p) =>
    `${p.tables} tabeller talt opp fra ${p.respondents} ${p.synthetic ? "syntetiske respondenter (laget fra de publiserte tabellene)" : "respondenter"}`,
  computed: (p) => `${p.tables} tabeller, ${p.facts} fakta`,
  refs: "alle tabeller, figurer, kategorier og fakta teksten viser til, finnes",
  charts: (p) => `${p.charts} SVG-figurer${p.colours > 1 ? ` i ${p.colours} farger` : ""}`,
  narrowCharts: (count) => `${count} ${plural(count, "figur", "figurer")} tegnet for mobil`,
  rendered: (p) =>
    `${p.headings} overskrifter, ${p.tables} tabeller, ${p.figures} figurer${p.editions > 1 ? ` × ${p.editions} utgaver` : ""}`,
  changes: (p) =>
    `${p.cells} tall i tabeller, ${p.sentences} setninger siden ${p.comparedWith ? `bygget registrert i ${p.comparedWith}` : "forrige bygg"}${p.cells + p.sentences > 0 ? ` (se ${p.file}):` : ""}`,
  firstBuild: "første bygg i denne mappen: ingenting å sammenligne med",
  printed: (p) =>
    `${p.sizes.map((kb) => `${kb} KB`).join(", ")} PDF${p.pdfua ? " (PDF/UA-1)" : ""}, innholdet paginert i ${p.passes.join(", ")} ${p.passes.every((n) => n === 1) ? "omgang (sidetallene fra forrige bygg holdt fortsatt)" : "omganger"}`,
  downloads: (p) =>
    `${p.csv} CSV-filer og en ZIP på ${p.zipKb} KB med dem i ${p.folder}/${p.editions > 1 ? ` × ${p.editions} utgaver` : ""}`,
  printPage: (page, detail) => `side ${page}: ${detail}`,
  written: (files, dir) => `${files} filer i ${dir}`,
};

const report: Messages["report"] = {
  row: (n) => `rad ${n}`,
  line: (n) => `linje ${n}`,
  columnAt: (n) => `kolonne ${n}`,
  columnNamed: (name) => `kolonne «${name}»`,
  setting: (name) => `innstilling «${name}»`,
  problem: (where, expected, found) => `${where}: forventet ${expected}, fant ${found}`,
  hint: (hint) => `tips: ${hint}`,
  problems: (total) => `${total} ${plural(total, "problem", "problemer")} i inndataene:`,
  notListed: (more) => `… og ${more} ${plural(more, "problem", "problemer")} til, ikke listet opp`,
  emptyCell: "en tom celle",
  quote: (value) => `«${value}»`,
  changedCell: (c) => `  ${c.table} · ${c.row} · ${c.column}: ${c.before} → ${c.after}`,
  changedSentence: (after) => `  «${after}»`,
};

const problem: Messages["problem"] = {
  schema: {
    plainFileName: "et enkelt filnavn",
    knownLanguage: (known) => `et språk motoren har (${known.join(", ")})`,
    reasonInWords: "en begrunnelse i ord, uten sifre",
    questionId: "små bokstaver, sifre og _",
    indexId: "små bokstaver, sifre, - og _",
    minAtMostMax: "min er høyst max",
    csvFile: "en .csv-fil",
    workId: "bare bokstaver, sifre, - og _",
  },
  invalidSetting: (found) => ({ expected: "en gyldig innstilling", found }),
  configFormatTooNew: (format, readable) => ({
    expected: `et konfigurasjonsformat denne motoren kan lese (til og med ${readable})`,
    found: `format ${format}`,
    hint: "prosjektet er skrevet for en nyere versjon av motoren: oppdater motoren",
  }),
  tableDefinedTwice: (id, firstIn) => ({
    expected: "en tabell-id som er definert én gang",
    found: `«${id}», også i ${firstIn}`,
  }),
  outsideFolder: (folder, name) => ({ expected: `en fil i ${folder}`, found: `«${name}»` }),
  outsideFolderSetting: (folder, name) =>
    `«${name}», utenfor ${folder} (en sti her peker på en fil i ${folder}, uten ../)`,
  chartNotAnObject: (found) => ({ expected: "en Vega-Lite-spesifikasjon: et JSON-objekt", found }),
  chartMeta: (found) => ({
    expected: 'en figur med "description" (tekstalternativet) og "usermeta" med "caption" og "table"',
    found,
  }),
  chartTableUnknown: (table, defined) => ({
    expected: `id-en til en tabell definert i report/tables/ (${defined} definert)`,
    found: `«${table}»`,
  }),
  noSchema: (schemaFile) => ({
    expected: `et skjema ved siden av, ${schemaFile}`,
    found: "ikke noe skjema",
    hint: "hver datafil beskrives av et skjema: kopier en av de andre .schema.json-filene og tilpass den",
  }),
  invalidTableSchema: (found) => ({ expected: "et Table Schema", found }),
  schemaWithoutData: (csvName) => ({
    expected: `datafilen ${csvName} ved siden av`,
    found: "ingen slik fil",
  }),
  unreadable: (code) => ({
    expected: "en lesbar fil",
    found: code === "ENOENT" || code === undefined ? "ingen slik fil" : `«${code}»`,
  }),
  noDataFolder: () => ({
    expected: "en mappe med datafiler (CSV med en .schema.json ved siden av hver)",
    found: "ingen slik mappe",
  }),
  editionName: (id, known) => ({
    expected: `navnet på en mappe i report/editions/ (${known.join(", ") || "ingen"})`,
    found: `«${id}»`,
  }),
  noSuchEdition: (known) => ({
    expected: `en utgavemappe (utgaver: ${known.join(", ") || "ingen"})`,
    found: "ingen slik utgave",
  }),
  invalidEditionSetting: (found) => ({ expected: "en gyldig innstilling for utgaven", found }),
  accentTooLight: (accent, ratio) => ({
    expected: "en farge med kontrast på minst 4,5:1 mot hvitt (WCAG AA), siden den farger overskrifter",
    found: `${accent} (${numbers.number(ratio, 2)}:1)`,
    hint: "velg en mørkere nyanse",
  }),
  notSvg: () => ({ expected: "et SVG-dokument", found: "noe annet" }),
  missingColumn: (column, fields) => ({
    expected: `en kolonne «${column}» (skjemaet har ${listed(fields)})`,
    found: "ingen slik kolonne i overskriftsraden",
  }),
  extraColumn: (shown, fields) => ({
    expected: `bare kolonnene i skjemaet (${listed(fields)})`,
    found: `en ekstra kolonne ${shown}`,
    hint: "legg kolonnen til i skjemaet, eller fjern den fra filen",
  }),
  columnTwice: () => ({ expected: "hver kolonne én gang", found: "kolonnen to ganger" }),
  noDataRows: () => ({ expected: "minst én rad med data", found: "bare en overskriftsrad" }),
  cellCount: (expected, found) => ({
    expected: `${expected} celler, én per kolonne`,
    found: `${found} celler`,
    hint: "en tekst med komma i må stå i doble anførselstegn",
  }),
  duplicateKey: (key, shownValues, firstRow) => ({
    expected: `hver ${key.join(" + ")} én gang`,
    found: `${shownValues} igjen (først på rad ${firstRow})`,
  }),
  requiredCell: (type) => ({ expected: `${type} (påkrevd)`, found: "en tom celle" }),
  notInEnum: (allowed, shown) => ({
    expected: `én av ${listed(allowed)}`,
    found: shown,
    hint: "kategorier må staves nøyaktig som i skjemaet; legg en ny kategori inn i skjemaets enum først",
  }),
  wrongType: (type, shown, hint) => ({ expected: type, found: shown, hint }),
  hintCount: "antall er hele tall uten enhet; tusener kan skilles med mellomrom",
  hintDecimalMark: (mark) =>
    `denne filen er ${mark === "," ? "semikolonseparert" : "kommaseparert"}, så desimaler skrives med «${mark}»`,
  cellType: (type, minimum, maximum) => {
    const noun = type === "integer" ? "et helt tall" : type === "number" ? "et tall" : "tekst";
    if (minimum !== undefined && maximum !== undefined) return `${noun} fra ${minimum} til ${maximum}`;
    if (minimum !== undefined) return `${noun} ≥ ${minimum}`;
    if (maximum !== undefined) return `${noun} ≤ ${maximum}`;
    return noun;
  },
  encoding: (found) => ({
    expected: "tekst i UTF-8, Windows-1252 eller UTF-16",
    found,
    hint: "i Excel: lagre som «CSV UTF-8 (kommadelt)» eller «CSV (semikolondelt)»",
  }),
  brokenUtf16: (variant) => `tekst i ødelagt ${variant} (avkortet eller skadet)`,
  malformedCsv: (found) => ({
    expected: "gyldig CSV",
    found,
    hint: "sjekk anførselstegnene: en celle med komma eller linjeskift i må stå i doble anførselstegn",
  }),
  emptyFile: () => ({ expected: "en overskriftsrad og rader med data", found: "en tom fil" }),
  undefinedBytes: (bytes, shown) => ({
    expected: "tekst i UTF-8 eller Windows-1252",
    found: `${bytes.join(", ")} i «${shown}», ${plural(bytes.length, "en byte", "byter")} Windows-1252 ikke definerer`,
    hint: "i Excel: lagre som «CSV UTF-8 (kommadelt)»",
  }),
  moreUndefinedBytes: (more) => ({
    expected: "tekst i UTF-8 eller Windows-1252",
    found: `${more} ${plural(more, "celle", "celler")} til med byter Windows-1252 ikke definerer`,
  }),
  validJson: "gyldig JSON",
  jsonWhat: {
    chart: "en Vega-Lite-spesifikasjon i gyldig JSON",
    codebook: "en kodebok i gyldig JSON",
    syntheticSettings: "innstillinger for det syntetiske eksempelet i gyldig JSON",
    bibliography: "CSL-JSON: gyldig JSON",
  },
  jsonAt: (what, expected) => `${what}: ${expected}`,
  json: {
    escape: 'en escape-sekvens som \\n, \\" eller \\u00e6 etter omvendt skråstrek',
    closingQuoteOnLine: "strengens avsluttende anførselstegn før linjen slutter",
    lineBreakHint: "skriv et linjeskift som \\n",
    closingQuote: "strengens avsluttende anførselstegn",
    trailingComma: "JSON tillater ikke komma etter siste element",
    lessNested: "data som er mindre dypt nøstet",
    propertyName: "et egenskapsnavn i doble anførselstegn",
    colon: "«:» etter egenskapsnavnet",
    value: "en verdi",
    commaOr: (close) => `«,» eller «${close}»`,
    missingComma: "det mangler et komma foran",
    anyValue: "en verdi (tekst i doble anførselstegn, et tall, true, false, null, et objekt eller en liste)",
    nothingAfter: "ingenting etter JSON-verdien",
    endOfFile: "slutten av filen",
  },
  unreadableFile: (why) => ({ expected: "en lesbar fil", found: why }),
  cslNotArray: (type) => ({ expected: "CSL-JSON: en liste med verk", found: type }),
  cslWork: (found) => ({
    expected: "et CSL-JSON-verk (id, type, title; navn som family og given, eller literal)",
    found,
  }),
  idTwice: (id) => ({ expected: "hver id én gang", found: `«${id}» igjen` }),
  cslFiles: (what, language, found) => ({
    expected:
      what === "style"
        ? "én CSL-stil (en .csl-fil)"
        : `én CSL-lokalisering for rapportens språk (locales-${language}-XX.xml)`,
    found: found.join(", "),
  }),
  cslNone: (what, language) => ({
    expected: `${what === "style" ? "en CSL-stil (en .csl-fil)" : `en CSL-lokalisering for rapportens språk (locales-${language}-XX.xml)`} å formatere litteraturen etter`,
    found: "ingen",
  }),
  nothing: "ingenting",
  factColumns: (columns, accepted) => ({
    expected: `faktakolonnene ${columns.map((a) => a.join(" eller ")).join(", ")}`,
    found: `ikke noe felt «${accepted.join("» eller «")}»`,
  }),
  factIdTwice: (id, first) => ({
    expected: "en id som ingen annen faktafil bruker",
    found: `«${id}», allerede i ${first}`,
  }),
  noDataFile: (name) => ({ expected: `en datafil data/${name}.csv`, found: "ingen slik fil" }),
  noSuchColumn: (data, column) => ({
    expected: `en kolonne i data/${data}.csv`,
    found: `«${column}», som filen ikke har`,
  }),
  columnType: (types, column, type) => ({
    expected: `en kolonne av typen ${types.join(" eller ")}`,
    found: `«${column}» av typen ${type}`,
  }),
  factHoldingN: (id) => ({ expected: "id-en til et faktum som holder N", found: `«${id}»` }),
  noChecks: (kind) => ({
    expected: "ingen checks (denne typen tabell har ingen N eller total)",
    found: `«${kind}»`,
  }),
  unknownCheckFact: (id) => ({ expected: "id-en til et faktum i en faktafil", found: `«${id}»` }),
  notACategory: (column, allowed, category) => ({
    expected: `en kategori i kolonnen «${column}» (${listed(allowed)})`,
    found: `«${category}»`,
  }),
  paletteUnreadable: (minDeltaE, p) => ({
    expected: `en aksentfarge som gir figurene farger en fargeblind leser kan skille (CIEDE2000 ≥ ${minDeltaE} for hvert par)`,
    found: `${p.accent}: ${p.a} og ${p.b} skiller seg med ${numbers.number(p.deltaE, 1)} ved ${{ normal: "normalt", protan: "protan", deutan: "deutan" }[p.vision] ?? p.vision} syn`,
    hint: "velg en mørkere eller mer mettet aksentfarge",
  }),
  notANumberRecord: () => ({
    expected: "et byggs tallregister (.tall-forrige-bygg.json i resultatmappen), med celler og setninger",
    found: "en JSON-fil med en annen form",
  }),
  acceptRecord: (found) => ({
    expected: "registeret npm run accept skriver",
    found,
    hint: "hent filen tilbake fra versjonskontrollen, eller slett den (da viser endringsoversikten ingen godkjente antall)",
  }),
};

const compute: Messages["compute"] = {
  percentMismatch: (p) => ({
    expected: `${numbers.percent(p.computed, p.decimals)} (${p.count} av ${p.base}, avrundet med halv opp) slik at det stemmer med antallene`,
    found: numbers.percent(p.published, p.decimals),
  }),
  rowPercentMismatch: (computed, published, decimals) => ({
    expected: `${numbers.percent(computed, decimals)} (radprosent av antallene, avrundet med halv opp)`,
    found: numbers.percent(published, decimals),
  }),
  publishedDoesNotDiffer: (category) => ({
    expected: `at den publiserte prosenten for «${category}» avviker fra den utregnede, slik report/tables/ sier`,
    found: "at den ikke gjør det (eller at kategorien ikke finnes): fjern oppføringen fra publishedDiffers",
  }),
  distributionSum: (total, slack, sum, decimals) => ({
    expected: `en sum på ${numbers.number(total)} (± ${numbers.number(slack, 1)} for avrunding)`,
    found: numbers.number(sum, decimals),
    hint: "en verdi er skrevet feil eller står i feil kolonne",
  }),
  ungroupedItem: (groupFile, item) => ({
    expected: `et spørsmål som ${groupFile} plasserer i en gruppe`,
    found: `«${item}»`,
    hint: "ordlyden må være den samme som i grupperingstabellen (bortsett fra mellomrom og punktum til slutt)",
  }),
  noAnswers: () => ({ expected: "en fordeling med noen svar", found: "ingen" }),
  noGroups: () => ({ expected: "minst én gruppe med spørsmål", found: "ingen" }),
  relation: (p) => ({
    expected: `at ${p.total === "n" ? "N (de som er med i prosentgrunnlaget)" : "totalen (alle, enten de svarte eller ikke)"} i tabell «${p.table}» (${p.value}, fra ${p.dataFile}) er lik faktumet «${p.fact}»`,
    found: `${p.factValue} i ${p.factFile}, rad ${p.factRow}`,
    hint: `teksten viser til «${p.fact}» for denne tabellen: rett faktumet eller antallene, det som er utdatert`,
  }),
};

const lookup: Messages["lookup"] = {
  oneOf: (what, known) => `${what} (${listed(known)})`,
  nothing: "ingenting",
  none: "ingen",
  quoted: (value) => `«${value}»`,
  argumentCount: (n) => `${n} ${plural(n, "argument", "argumenter")}`,
  wanted: {
    count: "en tabell med antall",
    percent: "en tabell med prosenter",
    n: "en tabell med en N",
    value: "en tabell med verdier",
  },
  kinds: either,
  aKindTable: (kind) => `en tabell av typen ${kind}`,
  aRow: "en rad",
  aColumn: "en kolonne",
  aRowOr: (totals) => `en rad eller ${totals}`,
  rowAndColumn: "en rad og en kolonne",
  rowAndColumnOrTotal: "en rad og en kolonne (eller bare en rad, for totalen)",
  rowAndColumns: "en rad og én eller flere kolonner",
  categories: "én eller flere kategorier",
  categoryOf: (table) => `en kategori i tabell «${table}»`,
  categoryInBase: (table) => `en kategori innenfor prosentgrunnlaget i «${table}»`,
  cellWithNumber: "en celle med et tall",
  emptyCell: "en tom celle",
  columnFiltered: "en kolonne, med raden valgt av feltfiltre",
  oneRowFilters: "filtre som velger nøyaktig én rad",
  rowsFor: (rows, filters) => `${rows} ${plural(rows, "rad", "rader")} for ${filters}`,
  oneItem: "ett spørsmål",
  anItem: "et spørsmål",
  aGroup: "en gruppe",
};

const helperProblem: Messages["helperProblem"] = {
  arguments: (what, args) => ({
    expected: what,
    found: args.length === 0 ? "ingen argumenter" : JSON.stringify(args),
  }),
  unknownFact: (factsPrefix, id) => ({
    expected: `id-en til en rad i en data/${factsPrefix}*.csv-fil`,
    found: `«${id}»`,
  }),
  notFrequency: (kind, id) => ({
    expected: "en frekvenstabell",
    found: `en tabell av typen ${kind} («${id}»)`,
  }),
  unknownTable: (id) => ({ expected: "id-en til en tabell definert i report/tables/", found: `«${id}»` }),
  shareArguments: (hash) => ({
    expected: 'del="fakta-id-er" og av="fakta-id-er" (eller part= og of=)',
    found: JSON.stringify(hash),
  }),
  shareCounts: (part, whole) => ({
    expected: "hele antall med en positiv total",
    found: `${part} av ${whole}`,
  }),
  placedTwice: (what, id) => ({
    expected: `hver ${what === "table" ? "tabell" : "figur"} plassert én gang`,
    found: `«${id}» en gang til`,
  }),
  missingPartial: (partial, kind) => ({
    expected: `en partial ${partial} for tabelltypen «${kind}»`,
    found: "ingen",
  }),
  unknownChart: (id, known) => ({
    expected: `id-en til en figur i report/charts (${known.join(", ")})`,
    found: `«${id}»`,
  }),
  unknownTableOrChart: (id) => ({ expected: "id-en til en tabell eller figur", found: `«${id}»` }),
  referenceNeverPlaced: (what, placing, id) => ({
    expected: `at ${what === "table" ? "tabellen" : "figuren"} plasseres i rapporten med {{${placing} "${id}"}}`,
    found: "en henvisning til en tabell eller figur rapporten aldri viser",
  }),
  wants: {
    factId: "en fakta-id",
    factIds: "én eller flere fakta-id-er",
    tableAndCategories: "en tabell-id og én eller flere kategorier",
    tableAndColumn: "en tabell-id og en kolonne (og en rad, eller filtre)",
    tableAndTwoCategories: "en tabell-id og to eller flere kategorier",
    tableId: "en tabell-id",
    chartId: "en figur-id",
    tableOrChartId: "en tabell- eller figur-id",
  },
  editionIds: (found) => ({
    expected: "én eller flere utgave-id-er (mapper i report/editions/)",
    found: found.length === 0 ? "ingen" : found.map((a) => JSON.stringify(a)).join(" "),
  }),
  noBibliographyToCite: () => ({
    expected: "en liste med verk i report/litteratur.json å sitere fra",
    found: "ingen slik fil",
  }),
  unknownWork: (file, key) => ({ expected: `id-en til et verk i ${file}`, found: JSON.stringify(key) }),
  noBibliography: () => ({ expected: "en litteraturliste", found: "ingen" }),
  noWorks: () => ({ expected: "én eller flere verk-id-er", found: "ingen argumenter" }),
  pageWithOneWork: (works, page) => ({
    expected: 'side="…" med ett verk',
    found: `${works} verk og ${JSON.stringify(page)}`,
  }),
  citationForm: (form) => ({ expected: 'form="narrativ" eller form="parentes"', found: JSON.stringify(form) }),
  narrativeOneWork: (works) => ({ expected: "ett verk i en narrativ henvisning", found: `${works} verk` }),
  noArguments: (args) => ({ expected: "ingen argumenter", found: JSON.stringify(args) }),
  noBibliographyFile: () => ({ expected: "en liste med verk i report/litteratur.json", found: "ingen slik fil" }),
  listTwice: () => ({ expected: "litteraturlisten plassert én gang", found: "en {{litteraturliste}} til" }),
  workNeverCited: (id) => ({
    expected: `at hvert verk er sitert i teksten ({{sitat "${id}"}}) eller merket som videre lesning ("custom": { "videreLesning": true })`,
    found: `«${id}», som teksten aldri siterer`,
  }),
  listMissing: () => ({
    expected: "litteraturlisten plassert i et kapittel med {{litteraturliste}}, siden teksten siterer verk",
    found: "henvisninger og ingen liste",
  }),
  templateSyntax: 'gyldig malsyntaks ({{hjelper "argument"}})',
  parseError: (text, at) => ({
    expected: 'gyldig malsyntaks ({{hjelper "argument"}})',
    found: `${text} (stoppet ved «${at ?? "slutten"}»)`,
    hint: 'et hjelperkall er {{navn "argument"}}, en blokk {{#navn}} … {{/navn}}: sjekk klammene og anførselstegnene',
  }),
  unknownHelper: (known, name) => ({
    expected: `en kjent hjelper (${known.join(", ")})`,
    found: `«${name}»`,
  }),
};

const respondents: Messages["respondents"] = {
  codebookUnreadable: (why) => ({ expected: "en lesbar kodebok i JSON", found: why }),
  codebook: (found) => ({ expected: "en kodebok (se scripts/respondents/codebook.ts)", found }),
  inconsistentCodebook: (found) => ({ expected: "en kodebok uten motsigelser", found }),
  settingsUnreadable: (why) => ({
    expected: "en lesbar innstillingsfil for det syntetiske eksempelet",
    found: why,
  }),
  settings: (found) => ({
    expected: "innstillinger for det syntetiske eksempelet (se scripts/respondents/synthetic.ts)",
    found,
  }),
  noSize: () => ({
    expected: "størrelsen på det syntetiske eksempelet: respondents her, eller i kodeboken",
    found: "ingen av dem oppgir den",
  }),
  noAnswersFile: () => ({ expected: "respondentdatafilen report.json oppgir", found: "ingen slik fil" }),
  notSav: (why) => ({ expected: "en SPSS-datafil (.sav)", found: why }),
  valueLabel: (expected, code, found) => ({
    expected: `verdietiketten «${expected}» for kode ${code}, som i kodeboken`,
    found: `«${found}»`,
  }),
  missingQuestion: (id, text) => ({
    expected: `en kolonne «${id}» (${text})`,
    found: "ingen slik kolonne",
    hint: "kodeboken (report.json: respondents.codebook) lister alle spørsmålene dataene må ha",
  }),
  extraColumn: (idColumns, shown) => ({
    expected: `bare spørsmål i kodeboken, og id-kolonnene dens (${idColumns.join(", ")})`,
    found: `en kolonne ${shown}`,
    hint: "legg spørsmålet til i kodeboken, eller fjern kolonnen",
  }),
  numeric: (q) => {
    const kind = q.integer ? "et helt tall" : "et tall";
    const unit = q.unit ? ` ${q.unit}` : "";
    const range =
      q.min !== undefined && q.max !== undefined
        ? ` fra ${q.min} til ${q.max}${unit}`
        : q.min !== undefined
          ? ` på minst ${q.min}${unit}`
          : q.max !== undefined
            ? ` på høyst ${q.max}${unit}`
            : unit;
    const missing = q.missing.length > 0 ? `, én av kodene ${q.missing.join(", ")}` : "";
    return `${kind}${range}${missing}, eller tomt`;
  },
  code: (codes) => `én av kodene ${codes.join(", ")}, eller tomt`,
  codeLabel: (code, label) => `${code} (${label})`,
  notAsked: (p) => ({
    expected: `tomt: spørsmålet stilles bare når ${p.question} er ${p.codes.join(" eller ")}`,
    found: `${p.answer} mens ${p.question} er ${p.gate ?? "tomt"}`,
  }),
  rowCount: (expected, found) => ({
    expected: `${expected} respondenter (én rad hver), slik kodeboken sier`,
    found: `${found} ${plural(found, "rad", "rader")}`,
    hint: "oppdater «respondents» i kodeboken hvis undersøkelsen har fått et nytt antall svar",
  }),
  aQuestion: "et spørsmål i kodeboken",
  aChoiceQuestion: "et spørsmål som besvares med koder",
  aNumericQuestion: "et tallspørsmål (eller en indeks) å ta gjennomsnittet av",
  anIndex: "en indeks i kodebokens indeksgrupper",
  anIndexWithBands: "en indeks der gruppen har intervaller (bands)",
  anIndexGroup: (groups) => `en indeksgruppe i kodeboken (${groups.join(", ") || "den har ingen"})`,
  quoted: (id) => `«${id}»`,
  numericNotCodes: (id) => `«${id}», et tallspørsmål`,
  codesNotNumeric: (id) => `«${id}», som besvares med koder`,
  withoutBands: (id) => `«${id}» uten intervaller`,
  categoryNotInCodebook: (table) => `${table}: en kategori finnes ikke i kodeboken`,
  labelNotInScale: (table, label, question) => `${table}: «${label}» finnes ikke i kodebokens skala for ${question}`,
  noWholeCount: (table, pool, percent, text) =>
    `${table}: ingen hele antall av ${pool} gir ${numbers.percent(percent, decimals(percent))} («${text}»)`,
  noWholeRowCounts: (table, n, text, sum) =>
    `${table}: ingen hele antall av ${n} gir raden «${text}» (summen er ${sum}); brukte antall i samme forhold`,
  moreAnswersThanAsked: (table, answers, question, asked) =>
    `${table}: ${answers} svar på ${question}, men bare ${asked} fikk spørsmålet`,
  firstUnknown: (question, fact) =>
    `syntetiske innstillinger: «first» nevner spørsmålet «${question}» eller faktumet «${fact}», som ikke finnes`,
  settingsUnknownQuestion: (file, id) => `${file}: ikke noe spørsmål «${id}» i kodeboken`,
  settingsWrongKind: (file, id, numeric) =>
    `${file}: ${id} ${numeric ? "er et tallspørsmål: oppgi mean og sd" : "besvares med koder: oppgi weights"}`,
  settingsWeights: (file, id, answers, weights) =>
    `${file}: ${id} har ${answers} svaralternativer, men ${weights} vekter`,
  syntheticFile: (settingsFile) => `syntetisk eksempel (${settingsFile})`,
  codebookIssue: {
    questionTwice: (id) => `questions: «${id}» to ganger`,
    noScale: (at, scale) => `${at}: ingen skala «${scale}»`,
    noQuestion: (at, id) => `${at}: ikke noe spørsmål «${id}»`,
    gateNumeric: (at, gate) =>
      `${at}: «${gate}» er et tallspørsmål; filtrering følger kodene til et spørsmål med svaralternativer`,
    noPoints: (at, code, scale) => `${at}: ingen poeng for kode ${code} i skalaen «${scale}»`,
    bandLabels: (at, labels, bounds) => `${at}: ${labels} etiketter, men ${bounds} nedre grenser`,
    bandOrder: (at) => `${at}: nedre grenser fra høyeste til laveste`,
    indexTwice: (at, id) => `${at}: indeksen «${id}» er definert to ganger`,
    tooFewItems: (at, items, minAnswered) => `${at}: ${items} spørsmål, færre enn minAnswered (${minAnswered})`,
    notOnScale: (at, item, scale) => `${at}: «${item}» står ikke på poengskalaen «${scale}»`,
  },
};

const dev: Messages["dev"] = {
  building: "<!doctype html><title>Bygger …</title><p>Bygger rapporten …</p>",
  errorPage: (escapedMessage) =>
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil i rapporten</title>
<style>body{font:15px/1.5 sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fff3f3;border-left:4px solid #b00;padding:1rem}</style>
</head><body><h1>Rapporten kunne ikke bygges</h1><p>Rett feilen og lagre filen; siden lastes på nytt av seg selv.</p><pre>${escapedMessage}</pre></body></html>`,
  rebuilt: (pdf, ms, reason) => `${pdf ? "PDF og HTML" : "HTML"} bygd på nytt på ${ms} ms (${reason})`,
  pdfAt: (url) => `PDF-en ligger på ${url}`,
  failed: (reason, message) => `bygget feilet (${reason}):\n${message}`,
  pdfRequested: "PDF-en bygges; se terminalen.\n",
  portInUse: (port) => `port ${port} er i bruk; velg en annen med --port N`,
  cannotServe: (port, why) => `kan ikke bruke port ${port}: ${why}`,
  serving: (url) => `viser rapporten på ${url} — trykk p (og Enter) for en PDF, Ctrl+C for å stoppe`,
  reasons: { start: "start", quiet: "stille en stund", requested: "bedt om" },
};

/**
 * zod's Norwegian messages for settings of the wrong type, except that a
 * wrong table kind (a discriminator) lists the kinds there are, as zod's
 * English does and its Norwegian does not.
 */
function zodNorwegian(): { localeError: z.core.$ZodErrorMap } {
  const norwegian = z.locales.no().localeError;
  return {
    localeError: (issue) =>
      issue.code === "invalid_union" && Array.isArray(issue.options) && issue.options.length > 0
        ? `Ugyldig verdi: forventet ${issue.options.map((o) => `'${String(o)}'`).join(" | ")}`
        : norwegian(issue),
  };
}

/** The bokmål catalogue. */
export const nb: Messages = {
  message,
  stage,
  report,
  problem,
  compute,
  lookup,
  helperProblem,
  respondents,
  dev,
  zod: zodNorwegian,
};
