import { createHash } from "node:crypto";
import { isPlainName } from "../load/inside.ts";
import type { Locale } from "../locale/index.ts";

/**
 * Where the web edition's downloads go, relative to its HTML: a folder named
 * by the report's language (`tall/`, `data/`) with one CSV per table and
 * figure, the text on how to read and cite them, and a machine-readable
 * description; and one ZIP of them all beside the HTML.
 */
export interface DownloadNames {
  folder: string;
  /** `tall/LESMEG.txt` */
  readme: string;
  /** `tall/datapackage.json` (Frictionless Data Package). */
  package: string;
  /** `rapport-tall.zip` */
  zip: string;
  /** `tall/tabell-<id>.csv`, prefixed as the table's anchor is. */
  table(id: string): string;
  /** `tall/figur-<id>.csv` */
  figure(id: string): string;
}

export const PACKAGE_FILE = "datapackage.json";

export function downloadNames(locale: Locale, report: string): DownloadNames {
  const { files, labels } = locale;
  const folder = files.data;
  return {
    folder,
    readme: `${folder}/${files.readme}`,
    package: `${folder}/${PACKAGE_FILE}`,
    zip: `${report}-${folder}.zip`,
    table: (id) => `${folder}/${labels.tableInText}-${fileNameOf(id)}.csv`,
    figure: (id) => `${folder}/${labels.figureInText}-${fileNameOf(id)}.csv`,
  };
}

/**
 * A file name from a table's or chart's id: the id itself when it is a plain
 * name (load/inside.ts), else its letters and digits and a short hash of the
 * id, so that no id reaches outside the folder and two ids never share a file.
 */
export function fileNameOf(id: string): string {
  if (isPlainName(id) && id.length <= 100) return id;
  const letters = id
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const hash = createHash("sha256").update(id).digest("hex").slice(0, 8);
  return letters ? `${letters}-${hash}` : hash;
}
