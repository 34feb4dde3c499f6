/**
 * What the bundle gives @puppeteer/browsers for `proxy-agent` (scripts/setup/compile.mjs,
 * `ALIASES`): nothing that downloads. puppeteer-core imports @puppeteer/browsers to launch
 * Chromium, and with it, for downloading browsers, a proxy agent with a PAC-script interpreter
 * (QuickJS) and an FTP client: 1,5 MB of JavaScript that every build compiled and never ran.
 * A build never downloads (set-up installs Debian's Chromium, or runs the Puppeteer package itself).
 */
export class ProxyAgent {
  constructor() {
    throw new Error("the bundled engine downloads no browser: run `npx puppeteer browsers install chrome`");
  }
}
