/** What the browser tests share: a static server over dist/, Debian's Chromium, and a guard on the network. */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
/** Screenshots go to test-results/screenshots; `npm run screenshots` (UPDATE_SCREENSHOTS=1) refreshes docs/screenshots. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(ROOT, "docs", "screenshots")
  : path.join(ROOT, "test-results", "screenshots");
const OFFICE_JS_PACKAGE = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** Serves dist/ over plain http on 127.0.0.1 and a free port. */
export async function serveDist(): Promise<{ origin: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(DIST, "preview.html")) || !fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/ has no preview.html or taskpane.html: run `npm run build` before `npm run test:e2e`.");
  }
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(DIST, pathname === "/" ? "preview.html" : pathname);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium (apt-get install chromium); never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's Chromium (bash scripts/ensure-deps.sh --browser).`);
  }
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface GuardedPage {
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors and requests that tried to leave this machine. */
  problems: string[];
  /** CDN requests answered from the local Office.js package (only with officeJsFromCdnCopy). */
  servedLocally: string[];
}

export interface GuardOptions {
  viewport?: { width: number; height: number };
  /**
   * The production taskpane.html loads Office.js from Microsoft's CDN. Answer those requests from the same files
   * in node_modules/@microsoft/office-js, so the test runs offline; "block" makes the CDN unreachable instead.
   */
  officeJsCdn?: "local-copy" | "block";
  /** Console errors this test expects (e.g. the blocked CDN's "Failed to load resource"). */
  expectedConsoleErrors?: RegExp[];
}

/**
 * A page whose every request must stay on 127.0.0.1/localhost, and which records every page error and console
 * error. Tests end with `expect(problems).toEqual([])`.
 */
export async function guardedPage(browser: Browser, options: GuardOptions = {}): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const servedLocally: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || ["127.0.0.1", "localhost"].includes(url.hostname)) {
      await route.continue();
      return;
    }
    if (url.href.startsWith(OFFICE_JS_CDN) && options.officeJsCdn === "local-copy") {
      const file = path.join(OFFICE_JS_PACKAGE, url.pathname.slice(new URL(OFFICE_JS_CDN).pathname.length));
      if (file.startsWith(OFFICE_JS_PACKAGE + path.sep) && fs.existsSync(file)) {
        servedLocally.push(url.pathname);
        await route.fulfill({ status: 200, contentType: TYPES[".js"], body: fs.readFileSync(file) });
        return;
      }
    }
    if (!(url.href.startsWith(OFFICE_JS_CDN) && options.officeJsCdn === "block")) {
      problems.push(`request left localhost: ${route.request().method()} ${url.href}`);
    }
    await route.abort("internetdisconnected");
  });
  // A Content-Security-Policy violation (the pages allow only their own files, and Office.js from its CDN).
  await page.exposeFunction("__reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!(options.expectedConsoleErrors ?? []).some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
  });
  return { page, context, problems, servedLocally };
}

/**
 * One server and one browser for a test file, and a guarded page per test: registers the file's hooks, and after
 * each test closes its page and asserts the page met no problem.
 */
export function browserSession() {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let current: GuardedPage | null = null;

  const session = {
    /** A new guarded page at `url`, relative to the served dist/ (e.g. "preview.html?sample=…"). */
    async open(url: string, options: GuardOptions = {}): Promise<Page> {
      current = await guardedPage(browser, options);
      await current.page.goto(`${server.origin}/${url}`);
      return current.page;
    },
    /** The page the test opened. */
    get guarded(): GuardedPage {
      if (!current) throw new Error("No page is open: call open() first.");
      return current;
    },
    /** Closes the test's page, if one is open, and asserts it met no problem. */
    async closePage(): Promise<void> {
      const problems = current?.problems ?? [];
      await current?.context.close();
      current = null;
      expect(problems).toEqual([]);
    },
  };

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => session.closePage());
  return session;
}
