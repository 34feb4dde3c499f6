import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { ExitCode } from "./errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The engine's version, from its package.json. */
export function engineVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * The command line of one of the engine's commands, with what every command
 * does alike: `--help` prints its usage and `--version` the engine's version
 * (both exit 0); an option it does not know is one line and the usage on
 * stderr, exit 2, never a stack trace.
 */
export function readCommandLine<T extends Options>(usage: string, options: T, argv = process.argv.slice(2)) {
  const all = {
    ...options,
    help: { type: "boolean", short: "h", default: false },
    version: { type: "boolean", default: false },
  } as const satisfies Options;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: T & typeof all; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: all as T & typeof all, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(ExitCode.usage);
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(ExitCode.ok);
  }
  if (values.version) {
    process.stdout.write(`${engineVersion()}\n`);
    process.exit(ExitCode.ok);
  }
  return parsed;
}
