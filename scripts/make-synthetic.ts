/**
 * npm run synthetic: write the synthetic example respondents to
 * data/svar/syntetisk-eksempel.csv (and a Table Schema beside it saying what
 * it is), the same data `npm run build -- --svar` makes in memory when no
 * real answers are configured. Seeded: the same file every time.
 */
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAndCompute } from "./build.ts";
import { InputProblems } from "./errors.ts";
import { makeSynthetic, readCodebook } from "./respondents/index.ts";
import { respondentsCsv } from "./respondents/synthetic.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { sources, data } = await loadAndCompute({ root });
const place = { dataDir: join(root, "data"), show: (path: string) => relative(root, path) };
const codebook = readCodebook(place, sources.config);
if (!codebook.value) throw new InputProblems(codebook.problems);
const made = makeSynthetic(place, sources.config, codebook.value, sources.tables, data);
if (!made.value) throw new InputProblems(made.problems);
const { respondents, notes } = made.value;

const csvPath = join(root, "data", "svar", "syntetisk-eksempel.csv");
writeFileSync(csvPath, respondentsCsv(codebook.value, respondents));
const schema = {
  name: "syntetisk-eksempel",
  title: "Syntetiske eksempeldata (oppdiktede svar)",
  description: `Oppdiktede svar fra ${respondents.rows.length} personer, laget av scripts/make-synthetic.ts med frø ${sources.config.respondents.seed}. Svarene summerer seg til de publiserte tabellene, men sammenhengene mellom spørsmålene er tilfeldige. Ikke svar fra undersøkelsen.`,
  fields: [
    { name: "id", type: "integer" },
    ...codebook.value.questions.map((q) => {
      const scale = codebook.value.scales[q.scale];
      return {
        name: q.id,
        title: q.text,
        type: "integer",
        constraints: { enum: [...scale.codes, ...scale.missing].map((c) => c.code) },
      };
    }),
  ],
};
writeFileSync(join(root, "data", "svar", "syntetisk-eksempel.schema.json"), `${JSON.stringify(schema, null, 2)}\n`);
process.stderr.write(`wrote ${respondents.rows.length} synthetic respondents to ${csvPath}\n`);
for (const note of notes) process.stderr.write(`  note: ${note}\n`);
