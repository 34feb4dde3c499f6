import { isAbsolute, relative, resolve, sep } from "node:path";
import { z } from "zod";
import { problem } from "../messages/index.ts";

/**
 * A path a project names (a chapter, a logo, a data file), resolved under
 * `base`; undefined when it would reach outside it (`../`, an absolute path),
 * so that a project can never make a build read or write elsewhere.
 */
export function resolveInside(base: string, name: string): string | undefined {
  if (name === "" || isAbsolute(name) || name.includes("\0")) return undefined;
  const path = resolve(base, name);
  const rel = relative(resolve(base), path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return path;
}

/** A name that is one plain folder or file name (an edition id): no separators, no dots alone. */
export function isPlainName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && !name.includes("..");
}

/**
 * A setting naming a file under `folder` (data/, say): a schema string that
 * refuses `../` and absolute paths at load, so the problem names the setting.
 */
export function pathInside(folder: string) {
  return z.string().refine((name) => resolveInside("/folder", name) !== undefined, {
    error: (issue) => problem.outsideFolderSetting(folder, String(issue.input)),
  });
}
