// Where the build finds a Chromium or Chrome to print with. Plain JavaScript
// with no dependencies, because set-up runs it before node_modules exists.
//
// Order (documented in the README):
//   1. the environment variable PUPPETEER_EXECUTABLE_PATH;
//   2. a browser Puppeteer has installed in its cache (npx puppeteer browsers install);
//   3. a system browser on the PATH: chromium, chromium-browser, google-chrome-stable, google-chrome.
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SYSTEM_BROWSERS = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
function onPath(name, env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<string | undefined>}
 */
async function puppeteerCachedBrowser(env) {
  // No cache folder, no cached browser: then Puppeteer (0,2–0,4 s to load) is not loaded only to say so.
  // Unless a configuration of Puppeteer's may name another folder or browser: then it is asked.
  const defaultCache = !existsSync(env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer"));
  if (defaultCache && !puppeteerConfigured()) return undefined;
  try {
    const { default: puppeteer } = await import("puppeteer");
    const path = puppeteer.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // Puppeteer not installed yet, or no browser in its cache.
  }
}

/** Puppeteer's configuration files beside the engine (its own .puppeteerrc.cjs sets only skipDownload). */
const CONFIG_FILES = [
  ".puppeteerrc",
  ".puppeteerrc.json",
  ".puppeteerrc.yaml",
  ".puppeteerrc.yml",
  ".puppeteerrc.js",
  ".puppeteerrc.mjs",
  "puppeteer.config.js",
  "puppeteer.config.cjs",
  "puppeteer.config.mjs",
];
/** The engine's folder: two levels up from scripts/setup/, one from the bundle in .scripts-js/. */
const ENGINE =
  ["..", "../.."]
    .map((up) => fileURLToPath(new URL(up, import.meta.url)))
    .find((dir) => existsSync(join(dir, ".puppeteerrc.cjs"))) ?? process.cwd();

/** Whether a configuration may tell Puppeteer where its browsers are: another file than ours, or ours changed. */
function puppeteerConfigured() {
  const dirs = [...new Set([process.cwd(), ENGINE])];
  if (dirs.some((dir) => CONFIG_FILES.some((name) => existsSync(join(dir, name))))) return true;
  try {
    const ours = readFileSync(join(ENGINE, ".puppeteerrc.cjs"), "utf8");
    const pkg = JSON.parse(readFileSync(join(ENGINE, "package.json"), "utf8"));
    return /cacheDirectory|executablePath/.test(ours) || "puppeteer" in pkg;
  } catch {
    return true;
  }
}

/**
 * @typedef {{ path: string, source: "environment" | "puppeteer" | "system" }} FoundBrowser
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<FoundBrowser | undefined>}
 * @throws {Error} when PUPPETEER_EXECUTABLE_PATH names something that cannot run
 */
export async function findBrowser(env = process.env) {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`PUPPETEER_EXECUTABLE_PATH is set to ${fromEnv}, which is not an executable file`);
    }
    return { path: fromEnv, source: "environment" };
  }
  const cached = await puppeteerCachedBrowser(env);
  if (cached) return { path: cached, source: "puppeteer" };
  for (const name of SYSTEM_BROWSERS) {
    const path = onPath(name, env);
    if (path) return { path, source: "system" };
  }
  return undefined;
}

export const INSTALL_HINT = [
  "No Chromium or Chrome was found to print the PDF. Install one of:",
  "  - Debian/Ubuntu:  sudo apt-get install chromium   (or chromium-browser)",
  "  - Fedora:         sudo dnf install chromium",
  "  - macOS:          brew install --cask chromium   (or install Google Chrome)",
  "  - any system:     npx puppeteer browsers install chrome   (needs internet)",
  "or point the build at one: PUPPETEER_EXECUTABLE_PATH=/path/to/chrome npm run build",
].join("\n");
