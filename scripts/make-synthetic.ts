/**
 * npm run synthetic [-- --project DIR]: write the report's synthetic example
 * respondents to the CSV file its synthetic settings name (`write.file`,
 * under data/), with a Table Schema beside it saying what it is: the same
 * data `npm run build -- --svar` makes in memory when no real answers are
 * configured. Seeded (report.json: `respondents.seed`): the same file every time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadAndCompute } from "./build.ts";
import { readCommandLine } from "./command-line.ts";
import { ExitCode, InputProblems, ReportError } from "./errors.ts";
import { projectRoot } from "./project-root.ts";
import { makeSynthetic, readCodebook, readSyntheticSettings } from "./respondents/index.ts";
import { respondentsCsv, respondentsSchema } from "./respondents/synthetic.ts";

const USAGE = `usage: npm run synthetic -- [--project DIR]

  Writes a synthetic respondent file (data/respondents) that reproduces the report's published tables,
  the file its synthetic settings name, seeded from the report's config (respondents.seed); the same data
  npm run build -- --svar makes in memory when no real answers are configured.

  --project DIR   the report's folder; default: this repository's report
  --help, --version`;

async function main(): Promise<void> {
  const { values } = readCommandLine(USAGE, { project: { type: "string" } });
  const root = projectRoot(values.project);
  const { sources, data } = await loadAndCompute({ root });
  const place = { dataDir: join(root, "data"), show: (path: string) => relative(root, path) };
  const codebook = readCodebook(place, sources.config);
  if (!codebook.value) throw new InputProblems(codebook.problems);
  const settings = readSyntheticSettings(place, sources.config);
  if (!settings.value) throw new InputProblems(settings.problems);
  const made = makeSynthetic(place, sources.config, codebook.value, sources.tables, data);
  if (!made.value) throw new InputProblems(made.problems);
  const { respondents, notes } = made.value;

  const { write } = settings.value.settings;
  const csvPath = join(place.dataDir, write.file);
  mkdirSync(dirname(csvPath), { recursive: true });
  writeFileSync(csvPath, respondentsCsv(codebook.value, respondents));
  const schema = respondentsSchema(codebook.value, respondents, write, sources.config.respondents.seed);
  writeFileSync(csvPath.replace(/\.csv$/, ".schema.json"), `${JSON.stringify(schema, null, 2)}\n`);
  process.stderr.write(`wrote ${respondents.rows.length} synthetic respondents to ${place.show(csvPath)}\n`);
  for (const note of notes) process.stderr.write(`  note: ${note}\n`);
}

try {
  await main();
} catch (error) {
  // The build's errors say what is wrong and where; anything else is a bug, with its stack.
  process.stderr.write(`${error instanceof ReportError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exitCode = error instanceof ReportError ? error.exitCode : ExitCode.internal;
}
