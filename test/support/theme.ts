import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The default theme's folder. */
export const themeDir = fileURLToPath(new URL("../../templates", import.meta.url));

/** The default theme's partials by name, as a build registers them ("table-block", "kinds/frequency", …). */
export function themePartials(): Record<string, string> {
  const partials: Record<string, string> = {};
  for (const folder of ["", "kinds/"]) {
    const dir = join(themeDir, "partials", folder);
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".hbs"))) {
      partials[`${folder}${basename(name, ".hbs")}`] = readFileSync(join(dir, name), "utf8");
    }
  }
  return partials;
}
