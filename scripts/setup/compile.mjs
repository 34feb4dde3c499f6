// Bundles the engine's TypeScript (scripts/**/*.ts) and the libraries it imports into
// JavaScript in .scripts-js/, so that a command runs plain `node`: no TypeScript compiled on
// each start (`node --import tsx` costs ≈ 0.2–0.4 s of CPU per run on this machine kind), and
// a few files to load instead of hundreds (Vega and Vega-Lite alone are ≈ 300 modules: 0.3 s
// to import them one by one, 0.06–0.08 s as one file).
//
// - One entry per command package.json runs (`node .scripts-js/<name>.js`, from scripts/<name>.ts),
//   split into shared chunks, so what a command loads lazily (charts, printing, answers) stays
//   lazy. The files sit flat in .scripts-js/, one level below the root as scripts/ is, so
//   `new URL("..", import.meta.url)` is the engine's folder from either (scripts/engine-root.ts).
// - Puppeteer is left out (it finds its configuration and browsers by path; puppeteer-core, which
//   launches, is in); a CommonJS library's own require() is answered by node's (the banner).
// - Bundled again when any source, package.json or the lockfile is newer than the last bundle
//   (types stripped, nothing type-checked: `npm test` runs tsc). Never committed (.gitignore).
// - Concurrent commands stay safe: each file is written beside its place and renamed over it,
//   chunks have names of their own content, and the chunks of the bundle before stay until the
//   next one (a command started before may still load them lazily).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative } from "node:path";

export const COMPILED = ".scripts-js";

/** The last bundle's files (relative to .scripts-js/), and when it was made. */
const MANIFEST = ".bundle.json";

/** Folders under scripts/ that hold data, not code (found through scripts/engine-root.ts). */
const NOT_CODE = new Set(["starter"]);

/**
 * Packages loaded from node_modules at run time instead of bundled: Puppeteer reads its
 * configuration and cache by path (only set-up's browser lookup loads it); puppeteer-core,
 * which launches the browser, is bundled.
 */
const EXTERNAL = ["puppeteer", "esbuild", "lighthouse"];

/**
 * Packages the bundle takes from the engine instead: pako (zlib in JavaScript, what pdf-lib
 * compresses with) becomes Node's own zlib (scripts/print/native-zlib.ts), and the proxy agent
 * Puppeteer downloads browsers with becomes one that refuses (scripts/print/no-proxy-agent.ts).
 */
const ALIASES = { pako: "./scripts/print/native-zlib.ts", "proxy-agent": "./scripts/print/no-proxy-agent.ts" };

const BANNER =
  'import { createRequire as __engineRequire } from "node:module"; const require = __engineRequire(import.meta.url);';

/** @param {string} dir @returns {string[]} paths of the engine's sources under dir */
function sources(dir) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_CODE.has(entry.name)) found.push(...sources(path));
    } else if ((entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) || entry.name.endsWith(".mjs")) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The engine's commands an npm script runs, `node [Node's options] .scripts-js/<entry>.js`:
 * each entry's name and the options Node is given for it.
 * @param {string} script
 * @returns {{ entry: string, options: string[] }[]}
 */
export function nodeCommands(script) {
  return [...script.matchAll(/node ((?:--\S+ )*)\.scripts-js\/(\S+)\.js/g)].map((m) => ({
    entry: m[2],
    options: m[1].split(" ").filter(Boolean),
  }));
}

/**
 * The commands package.json runs from .scripts-js/: their names (cli, dev, bench, …).
 * @param {string} root
 */
export function commandEntries(root) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const names = Object.values(pkg.scripts ?? {}).flatMap((script) => nodeCommands(String(script)).map((c) => c.entry));
  return [...new Set(names)].sort();
}

/** @param {string} path (a file that is not there, e.g. no tsconfig.json, is never newer) */
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : Number.NEGATIVE_INFINITY);

/**
 * Bring .scripts-js/ up to date with scripts/; returns how many files were written and how long
 * it took (0 files when nothing was stale: a few ms of stat calls).
 * @param {string} root the engine's folder
 */
export async function compileScripts(root) {
  const started = performance.now();
  // The manifest is dated when the bundle started from the sources: a file saved meanwhile is newer.
  const startedAt = new Date();
  const to = join(root, COMPILED);
  const manifestPath = join(to, MANIFEST);
  const entries = commandEntries(root);
  const inputs = [
    ...sources(join(root, "scripts")),
    ...["package.json", "package-lock.json", "tsconfig.json"].map((name) => join(root, name)),
  ];
  const built = existsSync(manifestPath) ? statSync(manifestPath).mtimeMs : Number.NEGATIVE_INFINITY;
  // An entry or a chunk of the last bundle gone (removed by hand, or by another set-up): bundled again.
  const missing =
    entries.some((name) => !existsSync(join(to, `${name}.js`))) ||
    readManifest(manifestPath).some((file) => !existsSync(join(to, file)));
  if (!missing && inputs.every((path) => mtime(path) <= built)) return { files: 0, ms: performance.now() - started };

  // Loaded only when something is stale: esbuild's start costs more than the whole check.
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries.map((name) => join("scripts", `${name}.ts`)),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: to,
    external: EXTERNAL,
    alias: ALIASES,
    banner: { js: BANNER },
    write: false,
    logLevel: "error",
  });
  mkdirSync(to, { recursive: true });
  // Chunks first, then the entries that import them: a command started meanwhile finds every file it names.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(isEntry(a.path, entries)) - Number(isEntry(b.path, entries)),
  );
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  const now = files.map((file) => relative(to, file.path));
  const before = readManifest(manifestPath);
  removeUnwanted(to, new Set([...now, ...before, MANIFEST]));
  const temp = `${manifestPath}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(now)}\n`);
  utimesSync(temp, startedAt, startedAt);
  renameSync(temp, manifestPath);
  return { files: files.length, ms: performance.now() - started };
}

/** @param {string} path @param {string[]} entries */
function isEntry(path, entries) {
  return entries.some((name) => basename(path) === `${name}.js`);
}

/** @param {string} path @returns {string[]} */
function readManifest(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return [];
  }
}

/** Files of neither this bundle nor the one before (.tmp files may be another set-up's, in progress). */
function removeUnwanted(/** @type {string} */ to, /** @type {Set<string>} */ wanted, dir = to) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removeUnwanted(to, wanted, path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true, force: true });
    } else if (!wanted.has(relative(to, path)) && !entry.name.endsWith(".tmp")) rmSync(path, { force: true });
  }
}
