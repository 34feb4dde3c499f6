import { type Problem, quoteFound } from "../errors.ts";
import { parseCsv } from "../load/csv.ts";
import { type Codebook, wasAsked } from "./codebook.ts";

/** One respondent's answers: a code per question, null where left blank. */
export interface Respondent {
  /** Spreadsheet row (CSV, header = 1) or case number (.sav), for messages. */
  row: number;
  answers: Record<string, number | null>;
}

export interface Respondents {
  file: string;
  rows: Respondent[];
}

/** Columns a respondent file may have besides the codebook's questions. */
const ID_COLUMNS = new Set(["id", "respondent", "lopenummer"]);

/** A cell as written → a code, or why not. Excel may write 3 as "3,0" or "3.0". */
function parseCode(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (!/^-?\d+([.,]0+)?$/.test(t)) return undefined;
  return Number.parseInt(t, 10);
}

/**
 * Check answers against the codebook: every question a column, every code
 * one of its scale's (or a missing-value code), routed questions blank for
 * those not asked. All problems at once, each naming file, row and column.
 */
export function checkAnswers(
  file: string,
  columns: string[],
  records: { row: number; cells: (string | number | null)[] }[],
  codebook: Codebook,
): { respondents?: Respondents; problems: Problem[] } {
  const problems: Problem[] = [];
  const questions = new Map(codebook.questions.map((q) => [q.id, q]));
  for (const q of codebook.questions) {
    if (!columns.includes(q.id))
      problems.push({
        file,
        row: 1,
        column: q.id,
        expected: `a column "${q.id}" (${q.text})`,
        found: "no such column",
        hint: "the codebook data/svar/kodebok.json lists every question the data must have",
      });
  }
  for (const column of columns) {
    if (!questions.has(column) && !ID_COLUMNS.has(column))
      problems.push({
        file,
        row: 1,
        column,
        expected: "only questions in the codebook (and an id column)",
        found: `a column ${quoteFound(column)}`,
        hint: "add the question to data/svar/kodebok.json, or remove the column",
      });
  }
  if (problems.length > 0) return { problems };

  const rows: Respondent[] = [];
  for (const record of records) {
    const answers: Record<string, number | null> = {};
    columns.forEach((column, i) => {
      const question = questions.get(column);
      if (!question) return;
      const cell = record.cells[i] ?? null;
      const code = typeof cell === "number" ? cell : cell === null ? null : parseCode(cell);
      const scale = codebook.scales[question.scale];
      const allowed = [...scale.codes, ...scale.missing];
      if (code === undefined || (code !== null && !allowed.some((c) => c.code === code))) {
        problems.push({
          file,
          row: record.row,
          column,
          expected: `one of the codes ${allowed.map((c) => `${c.code} (${c.label})`).join(", ")}, or blank`,
          found: quoteFound(String(cell)),
        });
        return;
      }
      answers[column] = code;
    });
    rows.push({ row: record.row, answers });
  }
  // Routing: a question asked only of some must be blank for the others.
  for (const q of codebook.questions) {
    if (!q.asked) continue;
    const { question, codes } = q.asked;
    for (const r of rows) {
      const gate = r.answers[question];
      if (r.answers[q.id] != null && !wasAsked(q, r.answers))
        problems.push({
          file,
          row: r.row,
          column: q.id,
          expected: `blank: the question is asked only when ${question} is ${codes.join(" or ")}`,
          found: `${r.answers[q.id]} while ${question} is ${gate ?? "blank"}`,
        });
    }
  }
  if (codebook.respondents !== undefined && rows.length !== codebook.respondents && problems.length === 0) {
    problems.push({
      file,
      expected: `${codebook.respondents} respondents (one row each), as the codebook says`,
      found: `${rows.length} rows`,
      hint: 'update "respondents" in data/svar/kodebok.json if the survey has a new number of answers',
    });
  }
  return problems.length > 0 ? { problems } : { respondents: { file, rows }, problems };
}

/** A respondent file exported as CSV (comma, or semicolon from Excel in a Norwegian locale; UTF-8 or Windows-1252). */
export function readRespondentsCsv(
  file: string,
  bytes: Uint8Array,
  codebook: Codebook,
): { respondents?: Respondents; problems: Problem[] } {
  const parsed = parseCsv(file, bytes);
  if (!parsed.table) return { problems: parsed.problems };
  const result = checkAnswers(file, parsed.table.header, parsed.table.records, codebook);
  return { respondents: result.respondents, problems: [...parsed.problems, ...result.problems] };
}
