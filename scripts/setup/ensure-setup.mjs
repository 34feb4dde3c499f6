#!/usr/bin/env node
// Runs before `npm run build`, `npm run check` and `npm test` (npm's pre-scripts),
// so that on a fresh machine those commands are all a user needs:
//   1. installs the locked dependencies when node_modules is missing or stale;
//   2. finds a browser for printing; when none is found on Debian as root,
//      installs Debian's chromium (Puppeteer's own download needs internet).
// With --no-browser, step 2 is skipped (check never prints).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const stampFile = join(root, "node_modules", ".installed-lock-hash");

/** @param {string} message */
function say(message) {
  process.stderr.write(`setup: ${message}\n`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    say(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function ensureDependencies() {
  const lock = readFileSync(join(root, "package-lock.json"));
  const hash = createHash("sha256").update(lock).digest("hex");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  say("installing dependencies (npm ci)...");
  // Puppeteer must not try to download Chrome: there may be no internet.
  run("npm", ["ci", "--no-audit", "--no-fund"], { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "true" });
  writeFileSync(stampFile, hash);
}

async function ensureBrowser() {
  const { findBrowser, INSTALL_HINT } = await import("./browser-path.mjs");
  if (await findBrowser()) return;
  const isDebian = existsSync("/etc/debian_version");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!(process.platform === "linux" && isDebian && isRoot)) {
    say(INSTALL_HINT);
    process.exit(1);
  }
  say("no browser found; installing Debian's chromium (apt-get)...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], env);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], env);
  if (!(await findBrowser())) {
    say(`chromium was installed but cannot be found on the PATH.\n${INSTALL_HINT}`);
    process.exit(1);
  }
}

ensureDependencies();
if (!process.argv.includes("--no-browser")) await ensureBrowser();
