/**
 * `npm run lighthouse`: the built web edition scored as a site. Serves the
 * output folder (default out/) from a local server that compresses what it
 * sends, as any real host would, and runs Lighthouse on its mobile profile
 * in the browser the build prints with. Not part of `npm test`: its
 * performance score is a timing and moves with the machine.
 *
 *   npm run lighthouse                 # out/, the first .html in it
 *   npm run lighthouse -- --dir DIR    # another output folder
 *   npm run lighthouse -- --keep FILE  # also keep Lighthouse's JSON report
 *
 * Exits 1 when accessibility or best practices score under 100, or
 * performance under 90.
 */
import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readCommandLine } from "./command-line.ts";
import { findBrowser } from "./setup/browser-path.mjs";

const run = promisify(execFile);
const here = fileURLToPath(new URL(".", import.meta.url));
const LIGHTHOUSE = join(here, "..", "node_modules", "lighthouse", "cli", "index.js");

const THRESHOLDS: Record<string, number> = { performance: 0.9, accessibility: 1, "best-practices": 1 };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".pdf": "application/pdf",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".md": "text/markdown; charset=utf-8",
};
/** Already compressed formats are sent as they are. */
const COMPRESSED = new Set([".pdf", ".woff2"]);

/** Serve `dir` read-only, brotli or gzip as the client accepts; nothing outside `dir`. */
function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)));
    if (!path.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      response.writeHead(404).end();
      return;
    }
    const ext = extname(path);
    const headers: Record<string, string> = {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Cache-Control": "max-age=3600",
      Vary: "Accept-Encoding",
    };
    const accepts = String(request.headers["accept-encoding"] ?? "");
    if (!COMPRESSED.has(ext) && /\bbr\b/.test(accepts)) {
      body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      headers["Content-Encoding"] = "br";
    } else if (!COMPRESSED.has(ext) && /\bgzip\b/.test(accepts)) {
      body = gzipSync(body, { level: 9 });
      headers["Content-Encoding"] = "gzip";
    }
    response.writeHead(200, { ...headers, "Content-Length": String(body.length) }).end(body);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      });
    });
  });
}

interface LighthouseReport {
  categories: Record<string, { title: string; score: number | null }>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

const USAGE = `usage: npm run lighthouse -- [--dir DIR] [--keep FILE]

  Serves the built HTML from a local server with compression and runs Lighthouse on its mobile profile.

  --dir DIR    the folder with the built HTML (default out/)
  --keep FILE  also write Lighthouse's JSON report to FILE
  --help, --version`;

async function main(): Promise<number> {
  const { values } = readCommandLine(USAGE, { dir: { type: "string" }, keep: { type: "string" } });
  const dir = resolve(values.dir ?? join(here, "..", "out"));
  const page = (await readdir(dir).catch(() => [])).find((name) => name.endsWith(".html"));
  if (!page) {
    console.error(`No HTML in ${dir}: run npm run build first (or name the folder with --dir).`);
    return 2;
  }
  const browser = await findBrowser();
  if (!browser) {
    console.error("No browser found to run Lighthouse in (see README, «The two commands»).");
    return 3;
  }
  const server = await serve(dir);
  try {
    const { stdout } = await run(
      process.execPath,
      [
        LIGHTHOUSE,
        `${server.url}${encodeURIComponent(page)}`,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=performance,accessibility,best-practices",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
      ],
      { env: { ...process.env, CHROME_PATH: browser.path }, maxBuffer: 256 * 1024 * 1024 },
    );
    if (values.keep) await writeFile(values.keep, stdout);
    const report = JSON.parse(stdout) as LighthouseReport;
    let failed = false;
    for (const [id, threshold] of Object.entries(THRESHOLDS)) {
      const category = report.categories[id];
      const score = Math.round((category?.score ?? 0) * 100);
      const ok = (category?.score ?? 0) >= threshold;
      failed ||= !ok;
      console.log(`${ok ? "ok  " : "FAIL"} ${category?.title ?? id}: ${score} (at least ${threshold * 100})`);
    }
    for (const id of [
      "first-contentful-paint",
      "largest-contentful-paint",
      "total-blocking-time",
      "cumulative-layout-shift",
    ]) {
      const audit = report.audits[id];
      if (audit) console.log(`     ${audit.title}: ${audit.displayValue ?? ""}`);
    }
    // What kept a category under 100: each audit that did not pass.
    for (const [id, audit] of Object.entries(report.audits)) {
      if (audit.score !== null && audit.score < 1 && !id.includes("paint") && id !== "speed-index") {
        console.log(`     - ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ""}`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await server.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 70;
  },
);
