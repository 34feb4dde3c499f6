/**
 * The errors a user can act on. Each carries the exit code the CLI ends with
 * (documented in the README); anything else is a bug and exits 70.
 */

export const ExitCode = {
  ok: 0,
  /** Data or report content is wrong: see the problems listed. */
  invalidInput: 1,
  /** The command line was not understood. */
  usage: 2,
  /** No browser could be found or started, or printing failed. */
  browser: 3,
  /** Rendering tried to reach the network. */
  network: 4,
  /** An unexpected failure: a bug in the generator. */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One thing wrong with an input file, located as precisely as we can. */
export interface Problem {
  /** Path relative to the project root, e.g. `data/alder.csv`. */
  file: string;
  /** 1-based line in the file as a spreadsheet shows it (the header is row 1). */
  row?: number;
  column?: string;
  expected: string;
  found: string;
  hint?: string;
}

export class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ReportError";
  }
}

/** Every problem found in one run, reported together. */
export class InputProblems extends ReportError {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems), ExitCode.invalidInput);
    this.name = "InputProblems";
  }
}

export function formatProblem(problem: Problem): string {
  const where = [
    problem.file,
    // Spreadsheets have rows; chapters and other text files have lines.
    problem.row === undefined ? undefined : `${problem.file.endsWith(".csv") ? "row" : "line"} ${problem.row}`,
    problem.column === undefined
      ? undefined
      : problem.file.endsWith(".csv")
        ? `column "${problem.column}"`
        : problem.column.startsWith("{{")
          ? problem.column
          : `setting "${problem.column}"`,
  ]
    .filter(Boolean)
    .join(", ");
  const hint = problem.hint ? `\n    hint: ${problem.hint}` : "";
  return `${where}: expected ${problem.expected}, found ${problem.found}${hint}`;
}

export function formatProblems(problems: Problem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return `${count} in the input:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`;
}

/** Quote a value found in input for a message, showing emptiness and invisible characters. */
export function quoteFound(value: string): string {
  if (value === "") return "an empty cell";
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `"${shown.replace(/\u00a0/g, "⍽")}"`;
}
