// Compiles the engine's TypeScript (scripts/**/*.ts) to JavaScript in .scripts-js/,
// so that a build runs plain `node` instead of compiling every module on every start
// (`node --import tsx` costs ≈ 0.2–0.4 s of CPU per run on this machine kind).
//
// - .scripts-js/ mirrors scripts/ file for file, one level below the root as scripts/ is,
//   so `new URL("..", import.meta.url)` and `new URL("../../templates", …)` mean the same
//   folder from either copy (see scripts/engine-root.ts for what only scripts/ holds).
// - Only files whose source is newer than their output are compiled (esbuild's per-file
//   transform: types stripped, nothing type-checked — `npm test` runs tsc), and outputs
//   whose source is gone are removed. It is never committed (.gitignore).
// - Relative imports name the .ts files (allowImportingTsExtensions); they are rewritten
//   to .js. The .mjs set-up modules are copied, since compiled code imports them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

export const COMPILED = ".scripts-js";

/** Folders under scripts/ that hold data, not code (found through scripts/engine-root.ts). */
const NOT_CODE = new Set(["starter"]);

/** @param {string} dir @returns {string[]} paths relative to dir */
function sources(dir, base = dir) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_CODE.has(entry.name)) found.push(...sources(path, base));
    } else if ((entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) || entry.name.endsWith(".mjs")) {
      found.push(relative(base, path));
    }
  }
  return found;
}

/**
 * `from "./x.ts"`, `import("../y.ts")`, `export … from "./z.ts"` → .js (relative specifiers only).
 * @param {string} code
 */
export function rewriteImports(code) {
  return code.replace(/((?:\bfrom|\bimport)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]*?)\.ts\2/g, "$1$2$3.js$2");
}

/**
 * Bring .scripts-js/ up to date with scripts/; returns how many files were compiled
 * or copied and how long it took (0 files when nothing was stale: a few ms of stat calls).
 * @param {string} root the engine's folder
 */
export async function compileScripts(root) {
  const started = performance.now();
  const from = join(root, "scripts");
  const to = join(root, COMPILED);
  const wanted = new Set();
  /** @type {{ source: string; target: string; copy: boolean }[]} */
  const stale = [];
  for (const file of sources(from)) {
    const copy = file.endsWith(".mjs");
    const target = join(to, copy ? file : file.replace(/\.ts$/, ".js"));
    wanted.add(target);
    const source = join(from, file);
    if (!existsSync(target) || statSync(source).mtimeMs > statSync(target).mtimeMs)
      stale.push({ source, target, copy });
  }
  if (stale.length > 0) {
    // Loaded only when something is stale: esbuild's start costs more than the whole check.
    const { transform } = await import("esbuild");
    await Promise.all(
      stale.map(async ({ source, target, copy }) => {
        mkdirSync(dirname(target), { recursive: true });
        // Written beside the target and renamed over it, so a concurrent build never imports half a file.
        const temp = `${target}.${process.pid}.tmp`;
        if (copy) copyFileSync(source, temp);
        else {
          const result = await transform(await readFile(source, "utf8"), {
            loader: "ts",
            format: "esm",
            target: "node20",
            sourcefile: source,
          });
          writeFileSync(temp, rewriteImports(result.code));
        }
        renameSync(temp, target);
      }),
    );
  }
  if (existsSync(to)) removeUnwanted(to, wanted);
  return { files: stale.length, ms: performance.now() - started };
}

/** @param {string} dir @param {Set<string>} wanted */
function removeUnwanted(dir, wanted) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Folders stay, even empty, and so do .tmp files: either may be another set-up's compile
    // in progress (two builds started together), which removing would break.
    if (entry.isDirectory()) removeUnwanted(path, wanted);
    else if (!wanted.has(path) && !entry.name.endsWith(".tmp")) rmSync(path, { force: true });
  }
}
