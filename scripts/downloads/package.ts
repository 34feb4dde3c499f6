import { zipSync } from "fflate";
import type { Sheet } from "../kinds/kind.ts";
import type { Locale } from "../locale/index.ts";
import { headerLabels } from "./csv.ts";

export interface PackagedFile {
  /** File name inside the downloads folder. */
  file: string;
  /** "Tabell 3 Utdanning" */
  title: string;
  sheet: Sheet;
}

/**
 * The files described for machines as a Frictionless Tabular Data Package
 * (https://specs.frictionlessdata.io/tabular-data-package/): each CSV with
 * its dialect and a Table Schema naming its columns as the header writes
 * them, the same schema form the project's own data files have.
 */
export function dataPackage(
  name: string,
  title: string,
  description: string,
  files: PackagedFile[],
  form: Locale["csv"],
): string {
  const descriptor = {
    profile: "tabular-data-package",
    name: resourceName(name),
    title,
    description,
    resources: files.map(({ file, title, sheet }) => {
      const names = headerLabels(sheet);
      return {
        name: resourceName(file.replace(/\.csv$/, "")),
        path: file,
        title,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: form.separator, lineTerminator: "\r\n", header: true },
        schema: {
          fields: sheet.columns.map((column, i) => ({
            name: names[i],
            type: column.type,
            ...(column.type === "number" ? { decimalChar: form.decimalMark } : {}),
          })),
        },
      };
    }),
  };
  return `${JSON.stringify(descriptor, null, 1)}\n`;
}

/** Package and resource names are lower-case letters, digits and `.-_` in the specification. */
function resourceName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
}

/**
 * One ZIP of every file, in a folder named as the archive, so that unpacking
 * it makes one folder. `date` stamps each entry; a ZIP keeps local time
 * without a zone, so the entry shows the date in UTC on every machine.
 */
export function zipOf(folder: string, files: Record<string, string | Uint8Array>, date: Date): Uint8Array {
  const asLocal = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  // A ZIP's dates start in 1980.
  const mtime = asLocal.getFullYear() < 1980 ? new Date(1980, 0, 1) : asLocal;
  const encoder = new TextEncoder();
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      `${folder}/${name}`,
      [typeof data === "string" ? encoder.encode(data) : data, { mtime }] as const,
    ]),
  );
  return zipSync(entries as Parameters<typeof zipSync>[0], { level: 9 });
}
