/**
 * The errors a user can act on. Each carries the exit code the CLI ends with
 * (documented in the README); anything else is a bug and exits 70.
 */

import { message, report } from "./messages/index.ts";

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
  /** The machine refused: a read-only or full disk, a permission, too many open files. */
  environment: 5,
  /** An unexpected failure: a bug in the generator. */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** System error codes that mean the machine, not the input or the generator, stopped the run. */
const ENVIRONMENT_CODES = new Set(["EROFS", "ENOSPC", "EDQUOT", "EACCES", "EPERM", "EMFILE", "ENFILE", "EIO"]);

/**
 * A failed system call the user can act on (free space, another folder), as
 * one sentence naming the path; undefined for anything else, which stays a
 * bug (exit 70). `path` names the file when the error does not (a failed
 * write(2) carries no path).
 */
export function environmentError(error: unknown, path?: string): ReportError | undefined {
  if (error instanceof ReportError || !(error instanceof Error)) return undefined;
  const { code, syscall, path: errorPath, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (code === undefined || !ENVIRONMENT_CODES.has(code)) return undefined;
  const where = errorPath ?? dest ?? path ?? "a file";
  return new ReportError(message.environment(code, where, syscall), ExitCode.environment, { cause: error });
}

/** One thing wrong with an input file, located as precisely as we can. */
export interface Problem {
  /** Path relative to the project root, e.g. `data/alder.csv`. */
  file: string;
  /** 1-based line in the file as a spreadsheet shows it (the header is row 1). */
  row?: number;
  /**
   * A CSV column's name, a setting's path or the helper call in a chapter; a
   * number is a 1-based character position on the line (in JSON, templates).
   */
  column?: string | number;
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
  readonly problems: Problem[];
  constructor(
    problems: Problem[],
    /** Problems found beyond a check's limit: counted, not kept (see ProblemLog). */
    readonly unlisted = 0,
  ) {
    // Listed once each: `check` reads the chapters once per edition and finds a chapter's problem in every one.
    const once = [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];
    super(formatProblems(once, unlisted), ExitCode.invalidInput);
    this.problems = once;
    this.name = "InputProblems";
  }
}

/**
 * How many problems a failed run lists. Nobody reads past the first hundred,
 * and a large file full of errors has millions: listing (or even keeping)
 * them all took minutes and gigabytes.
 */
export const LISTED_PROBLEMS = 100;

/** Problems as a check finds them: the first LISTED_PROBLEMS kept, the rest only counted. */
export class ProblemLog {
  readonly kept: Problem[] = [];
  /** Found after the log was full. */
  unlisted = 0;

  add(problem: Problem): void {
    if (this.kept.length < LISTED_PROBLEMS) this.kept.push(problem);
    else this.unlisted++;
  }

  /** Another log's problems, after this one's. */
  addAll(other: ProblemLog): void {
    for (const problem of other.kept) this.add(problem);
    this.unlisted += other.unlisted;
  }

  get count(): number {
    return this.kept.length + this.unlisted;
  }
}

export function formatProblem(problem: Problem): string {
  const where = [
    problem.file,
    // Spreadsheets have rows; chapters and other text files have lines.
    problem.row === undefined
      ? undefined
      : problem.file.endsWith(".csv")
        ? report.row(problem.row)
        : report.line(problem.row),
    problem.column === undefined
      ? undefined
      : typeof problem.column === "number"
        ? report.columnAt(problem.column)
        : problem.file.endsWith(".csv")
          ? report.columnNamed(problem.column)
          : problem.column.startsWith("{{")
            ? problem.column
            : report.setting(problem.column),
  ]
    .filter(Boolean)
    .join(", ");
  const hint = problem.hint ? `\n    ${report.hint(problem.hint)}` : "";
  return `${report.problem(where, problem.expected, problem.found)}${hint}`;
}

/** The first LISTED_PROBLEMS problems, and how many more there are. */
export function formatProblems(problems: Problem[], unlisted = 0): string {
  const total = problems.length + unlisted;
  const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `  - ${formatProblem(p)}`);
  const rest = total - listed.length;
  if (rest > 0) listed.push(`  ${report.notListed(rest)}`);
  return `${report.problems(total)}\n${listed.join("\n")}`;
}

/** Quote a value found in input for a message, showing emptiness and invisible characters. */
export function quoteFound(value: string): string {
  if (value === "") return report.emptyCell;
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return report.quote(shown.replace(/\u00a0/g, "⍽"));
}
