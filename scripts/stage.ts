import { InputProblems, type Problem } from "./errors.ts";
import { stage as said } from "./messages/index.ts";

/** Run one stage of a build or check: time it, and print its progress line with the summary of its result. */
export async function stage<T>(
  name: string,
  timings: Record<string, number>,
  log: (line: string) => void,
  run: () => Promise<T> | T,
  summary: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  timings[name] = ms;
  log(`${stageName(name)}${summary(result)} (${Math.round(ms)} ms)`);
  return result;
}

/** A stage's name as the progress line prints it, padded so that the summaries line up. */
export function stageName(name: string): string {
  const width = Math.max(9, ...Object.values(said.names).map((n) => n.length + 1));
  return (said.names[name] ?? name).padEnd(width);
}

/** A stage's result, or its problems thrown. */
export function orFail<T>(result: { problems: Problem[]; unlisted?: number } & T): T {
  if (result.problems.length > 0) throw new InputProblems(result.problems, result.unlisted);
  return result;
}
