#!/usr/bin/env node
// Runs before `npm run build`, `npm run check` and `npm test` (npm's pre-scripts),
// so that on a fresh machine those commands are all a user needs:
//   1. installs the locked dependencies when node_modules is missing or stale;
//   2. bundles the engine's TypeScript into .scripts-js/ when sources are newer (compile.mjs),
//      so the commands run plain node;
//   3. finds a browser for printing; when none is found on Debian as root,
//      installs Debian's chromium (Puppeteer's own download needs internet).
// With --no-browser, step 3 is skipped (check never prints).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// The build's exit codes (scripts/errors.ts ExitCode, documented in the README): npm ends a command
// with its pre-script's code, so `npm run build` without a browser exits 3 like the build itself.
const EXIT_BROWSER = 3;
const EXIT_ENVIRONMENT = 5;
const stampFile = join(root, "node_modules", ".installed-lock-hash");

/** @param {string} message */
function say(message) {
  process.stderr.write(`setup: ${message}\n`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {number} exitCode what set-up exits with when the command fails
 * @param {NodeJS.ProcessEnv} [env]
 */
function run(command, args, exitCode, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    say(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(exitCode);
  }
}

function ensureDependencies() {
  const lock = readFileSync(join(root, "package-lock.json"));
  const hash = createHash("sha256").update(lock).digest("hex");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  say("installing dependencies (npm ci)...");
  // Puppeteer must not try to download Chrome: there may be no internet.
  // No network or no space for node_modules: the machine's, not the input's.
  run("npm", ["ci", "--no-audit", "--no-fund"], EXIT_ENVIRONMENT, { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "true" });
  writeFileSync(stampFile, hash);
}

async function ensureBrowser() {
  const { findBrowser, INSTALL_HINT } = await import("./browser-path.mjs");
  try {
    if (await findBrowser()) return;
  } catch (error) {
    // PUPPETEER_EXECUTABLE_PATH names something that cannot run: say so in one line, not a stack trace.
    say(/** @type {Error} */ (error).message);
    process.exit(EXIT_BROWSER);
  }
  const isDebian = existsSync("/etc/debian_version");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!(process.platform === "linux" && isDebian && isRoot)) {
    say(INSTALL_HINT);
    process.exit(EXIT_BROWSER);
  }
  say("no browser found; installing Debian's chromium (apt-get)...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], EXIT_BROWSER, env);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], EXIT_BROWSER, env);
  if (!(await findBrowser())) {
    say(`chromium was installed but cannot be found on the PATH.\n${INSTALL_HINT}`);
    process.exit(EXIT_BROWSER);
  }
}

ensureDependencies();
{
  const { compileScripts } = await import("./compile.mjs");
  const compiled = await compileScripts(root);
  // Said only when it happened (a first run, or after editing the engine): it is not part of a build's time.
  if (compiled.files > 0)
    say(`bundled the engine into ${compiled.files} JavaScript files (${Math.round(compiled.ms)} ms)`);
}
if (!process.argv.includes("--no-browser")) await ensureBrowser();
