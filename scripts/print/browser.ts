import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { ExitCode, ReportError } from "../errors.ts";
import { message } from "../messages/index.ts";
import { findBrowser, INSTALL_HINT } from "../setup/browser-path.mjs";

/**
 * Flags for a headless Chromium that runs as root and offline: no sandbox
 * (root), and none of Chrome's background network traffic.
 */
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--disable-extensions",
  "--font-render-hinting=none",
];

/** How long each start may take to say where to connect: a short first try, then Puppeteer's default. */
const LAUNCH_TIMEOUTS_MS = [15_000, 30_000];

export interface LaunchedBrowser {
  browser: Browser;
  /** A new tab to print in, kept in the background. */
  tab(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Start Chromium. Puppeteer is imported only here, so check and HTML-only builds never load it.
 * `printTabAhead`: open the first print tab at once (a build, which prints soon); otherwise a page
 * the caller opens itself stays in the foreground, as screenshots and scripts on screen need.
 */
export async function launchBrowser(options: { printTabAhead?: boolean } = {}): Promise<LaunchedBrowser> {
  let found: Awaited<ReturnType<typeof findBrowser>>;
  try {
    found = await findBrowser();
  } catch (error) {
    throw new ReportError((error as Error).message, ExitCode.browser);
  }
  if (!found) throw new ReportError(INSTALL_HINT, ExitCode.browser);

  // puppeteer-core, bundled into the engine (0,1 s to load, where puppeteer itself took 0,2–0,4 s): the browser is found above.
  const { default: puppeteer } = await import("puppeteer-core");
  let browser: Browser | undefined;
  let userDataDir = "";
  // A Chromium that never says where to connect is started once more, with a profile of its own: on a busy
  // machine (the test suite's workers) one start in a few hundred hung until the timeout.
  for (const timeout of LAUNCH_TIMEOUTS_MS) {
    userDataDir = await mkdtemp(join(tmpdir(), "rapport-chromium-"));
    try {
      browser = await puppeteer.launch({
        executablePath: found.path,
        headless: true,
        args: LAUNCH_ARGS,
        userDataDir,
        timeout,
      });
      break;
    } catch (error) {
      // Puppeteer stops a Chromium that timed out without waiting for it: its profile may still be in use.
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
      if ((error as Error).name === "TimeoutError" && timeout !== LAUNCH_TIMEOUTS_MS.at(-1)) continue;
      throw new ReportError(
        message.browserNotStarted(found.path, found.source, (error as Error).message),
        ExitCode.browser,
        { cause: error },
      );
    }
  }
  if (!browser) throw new Error("unreachable: every launch either returned or threw");
  // Print in a background tab, opened behind the blank one Chromium starts with (which must stay open):
  // in the foreground one Chromium paints every table border of the whole document onto each page
  // (invisible, clipped), which doubles the PDF and the time to print it.
  const backgroundTab = () => browser.newPage({ background: true });
  // Opening a tab takes a few round trips (0,4 s): the first is opened now, while the build draws its charts.
  let spare: Promise<Page> | undefined = options.printTabAhead ? backgroundTab() : undefined;
  spare?.catch(() => {}); // a failure is reported by the first tab() that takes it
  return {
    browser,
    tab: () => {
      const page = spare ?? backgroundTab();
      spare = undefined;
      return page;
    },
    close: async () => {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Run `use` with one browser, closed afterwards whatever happens. */
export async function withBrowser<T>(use: (browser: LaunchedBrowser) => Promise<T>): Promise<T> {
  const launched = await launchBrowser();
  try {
    return await use(launched);
  } finally {
    await launched.close();
  }
}
