/**
 * The author loop: `npm run dev` watches report/, templates/ and data/,
 * rebuilds the HTML on every change and reloads it in the browser. A broken
 * input shows its problems in the page and the terminal; the watcher keeps
 * going. The PDF is rebuilt on request (press p, or open /pdf) or once
 * nothing has changed for a while. Builds are kept in memory: a preview never
 * writes out/ nor its record of printed numbers, so the next real build
 * still reports every change since the last one.
 *
 *   npm run dev -- [--project DIR] [--port 4173] [--edition NAME] [--pdf-after SECONDS]
 */

import { createServer, type ServerResponse } from "node:http";
import { basename, dirname, join } from "node:path";
import { watch } from "chokidar";
import { type BuildResult, build, type KeptStages } from "./build.ts";
import { ChartCache } from "./chart/cache.ts";
import { readCommandLine } from "./command-line.ts";
import { ExitCode, ReportError } from "./errors.ts";
import { dev as said } from "./messages/index.ts";
import { projectRoot } from "./project-root.ts";
import { escapeHtml } from "./render/escape.ts";
import { MemoryWriter } from "./write/writer.ts";

const USAGE = `usage: npm run dev -- [--project DIR] [--edition NAME] [--port N] [--pdf-after SECONDS]

  Serves the report at http://localhost:4173/ (or the next free port), rebuilt in memory on every change;
  out/ and the number record are never written. Errors are shown in the page and the server goes on.

  --project DIR        the report's folder; default: this repository's report
  --edition NAME       preview one edition of report/editions/
  --port N             the port to serve on (default 4173, else the next free one)
  --pdf-after SECONDS  print the PDF preview once edits have paused this long (default 20)
  --help, --version`;

const { values } = readCommandLine(USAGE, {
  project: { type: "string" },
  port: { type: "string" },
  edition: { type: "string" },
  "pdf-after": { type: "string", default: "20" },
});
let root: string;
try {
  root = projectRoot(values.project);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(ExitCode.usage);
}
const DEFAULT_PORT = 4173;
let port = Number(values.port ?? DEFAULT_PORT);
const pdfAfterMs = Number(values["pdf-after"]) * 1000;
// Never written: the builds of the preview stay in memory.
const outDir = join(root, "out");
const writer = new MemoryWriter();
let pdfPath: string | undefined;
let htmlPath: string | undefined;
const editions = values.edition ? [values.edition] : undefined;

const chartCache = new ChartCache(join(root, ".cache", "charts"));
const clients = new Set<ServerResponse>();
// English until the first build has read the report's language.
let page = said.building;
let pdfTimer: NodeJS.Timeout | undefined;
let building: Promise<void> = Promise.resolve();
// The previous build's stages 1–4, kept while only chapters and templates change: a save then re-renders,
// without parsing, checking and charting the data again. Any other change counts up `inputsChanged`; kept
// stages are used only while the count is what it was when the build that made them started.
let kept: { stages: KeptStages; inputs: number } | undefined;
let inputsChanged = 0;
/** A preview's downloads and number index, made when the page asks for them. */
let later: BuildResult["later"] = () => undefined;

const say = (line: string) => process.stderr.write(`${new Date().toLocaleTimeString("nb-NO")} ${line}\n`);

const RELOAD = `<script>new EventSource("/events").onmessage = () => location.reload();</script>`;

function errorPage(message: string): string {
  return said.errorPage(escapeHtml(message));
}

function notify() {
  for (const client of clients) client.write("data: reload\n\n");
}

async function rebuild(reason: string, pdf: boolean) {
  const started = performance.now();
  const seen = inputsChanged;
  try {
    const result = await build({
      root,
      outDir,
      pdf,
      preview: !pdf,
      keep: kept?.inputs === inputsChanged ? kept.stages : undefined,
      editions,
      chartCache,
      writer,
      log: pdf ? say : undefined,
    });
    kept = result.kept && { stages: result.kept, inputs: seen };
    later = result.later;
    const html = result.files.find((f) => f.endsWith(".html"));
    if (html) page = writer.text(html) ?? page;
    if (html) htmlPath = html;
    const printed = result.files.find((f) => f.endsWith(".pdf"));
    if (printed) pdfPath = printed;
    say(said.rebuilt(pdf, Math.round(performance.now() - started), said.reasons[reason] ?? reason));
    if (printed) say(said.pdfAt(`http://127.0.0.1:${port}/${basename(printed)}`));
  } catch (error) {
    const message = error instanceof ReportError ? error.message : String((error as Error).stack ?? error);
    kept = undefined;
    page = errorPage(message);
    say(said.failed(said.reasons[reason] ?? reason, message));
  }
  notify();
}

/** A download beside the HTML (tall/…csv, the ZIP), as the build wrote it into memory; undefined for anything else. */
function downloadFile(url: string | undefined): string | Uint8Array | undefined {
  if (!htmlPath || !url || url.includes("..") || !/\.(csv|zip|txt|json)$/.test(url)) return undefined;
  try {
    const path = join(dirname(htmlPath), decodeURI(url));
    return writer.files.get(path) ?? later(path);
  } catch {
    return undefined; // a malformed %-escape
  }
}

function contentType(url: string): string {
  if (url.endsWith(".csv")) return "text/csv; charset=utf-8";
  if (url.endsWith(".zip")) return "application/zip";
  if (url.endsWith(".json")) return "application/json; charset=utf-8";
  return "text/plain; charset=utf-8";
}

/** Builds run one after another; a change during a build queues one more. */
function schedule(reason: string, pdf = false) {
  building = building.then(() => rebuild(reason, pdf));
  if (!pdf) {
    clearTimeout(pdfTimer);
    if (pdfAfterMs > 0) pdfTimer = setTimeout(() => schedule("quiet", true), pdfAfterMs);
  }
}

const server = createServer((request, response) => {
  if (request.url === "/events") {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    response.write("retry: 500\n\n");
    clients.add(response);
    request.on("close", () => clients.delete(response));
    return;
  }
  const pdfFile = pdfPath && writer.files.get(pdfPath);
  if (pdfPath && pdfFile && request.url === `/${basename(pdfPath)}`) {
    response.writeHead(200, { "content-type": "application/pdf", "cache-control": "no-store" });
    response.end(pdfFile);
    return;
  }
  const download = downloadFile(request.url);
  if (download !== undefined) {
    response.writeHead(200, { "content-type": contentType(request.url ?? ""), "cache-control": "no-store" });
    response.end(download);
    return;
  }
  if (request.url === "/pdf") {
    schedule("requested", true);
    response.writeHead(202, { "content-type": "text/plain; charset=utf-8" });
    response.end(said.pdfRequested);
    return;
  }
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(page.replace("</body>", `${RELOAD}</body>`));
});

// A port in use: the next one, unless --port asked for that one; either way one line, no stack trace.
server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE" && values.port === undefined && port < DEFAULT_PORT + 20) {
    port += 1;
    server.listen(port, "127.0.0.1");
    return;
  }
  process.stderr.write(
    error.code === "EADDRINUSE" ? `${said.portInUse(port)}\n` : `${said.cannotServe(port, error.message)}\n`,
  );
  process.exit(ExitCode.usage);
});
server.on("listening", () => {
  say(said.serving(`http://127.0.0.1:${port}/`));
});
server.listen(port, "127.0.0.1");

/** How long a save's file events may keep coming before the rebuild starts. */
const SETTLE_MS = 10;
/** What a rebuild reads again though it keeps the data: chapters and templates. */
const PROSE = ["report/chapters/", "templates/"];
let pending: NodeJS.Timeout | undefined;
const changed = new Set<string>();
watch(
  ["report", "templates", "data"].map((dir) => join(root, dir)),
  { ignoreInitial: true },
).on("all", (_event, path) => {
  changed.add(path.slice(root.length));
  if (!PROSE.some((folder) => path.startsWith(join(root, folder)))) inputsChanged += 1;
  clearTimeout(pending);
  // Editors write a file in several steps (truncate and write, or a new file renamed over the old one),
  // a millisecond or two apart here: wait until they are done. A step after the wait only rebuilds again.
  pending = setTimeout(() => {
    const reason = [...changed].join(", ");
    changed.clear();
    schedule(reason);
  }, SETTLE_MS);
});

process.stdin.on("data", (input) => {
  if (input.toString().trim().toLowerCase() === "p") schedule("requested", true);
});

schedule("start");
