import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { ExitCode, ReportError } from "../errors.ts";
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

/** Run `use` with one browser, closed afterwards whatever happens. Puppeteer is imported only here. */
export async function withBrowser<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  let found: Awaited<ReturnType<typeof findBrowser>>;
  try {
    found = await findBrowser();
  } catch (error) {
    throw new ReportError((error as Error).message, ExitCode.browser);
  }
  if (!found) throw new ReportError(INSTALL_HINT, ExitCode.browser);

  const { default: puppeteer } = await import("puppeteer");
  const userDataDir = await mkdtemp(join(tmpdir(), "rapport-chromium-"));
  let browser: Browser | undefined;
  try {
    try {
      browser = await puppeteer.launch({
        executablePath: found.path,
        headless: true,
        args: LAUNCH_ARGS,
        userDataDir,
      });
    } catch (error) {
      throw new ReportError(
        `Could not start the browser at ${found.path} (found via ${found.source}): ${(error as Error).message}`,
        ExitCode.browser,
        { cause: error },
      );
    }
    return await use(browser);
  } finally {
    await browser?.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
