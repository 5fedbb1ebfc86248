/**
 * Runs the integration suite inside a real VS Code (code-server) driven by headless Chromium, with the
 * local Zoho stand-in. The suite reports through a results file; it asks this driver, over a loopback
 * HTTP port, for what only the browser page can give (screenshots, the Problems panel as shown).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CHROMIUM_ARGS, chromiumPath, ensureHost, freePort, prepareRun, ROOT, startHost } from './host';

const SUITE_TIMEOUT_MS = 8 * 60 * 1000;
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export interface Results {
  passed: number;
  failed: number;
  tests: { title: string; state: string; error?: string }[];
  done: boolean;
  metrics?: Record<string, number>;
}

const SUITE_ENTRY = path.join(ROOT, 'out/test/integration/suite/index.js');

async function main(): Promise<number> {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  // The main suite in a trusted folder, then Restricted Mode in a folder that is not trusted.
  for (const run of [
    { suite: 'extension.test.js', untrusted: false },
    { suite: 'restricted.test.js', untrusted: true },
  ]) {
    const results = await runInHost(SUITE_ENTRY, { ...run, env: { ZOHO_TEST_SUITE: run.suite } });
    if (!results) return 1;
    for (const test of results.tests) {
      console.log(
        `${test.state === 'passed' ? '✔' : '✖'} ${test.title}${test.error ? `\n    ${test.error.split('\n').join('\n    ')}` : ''}`,
      );
    }
    passed += results.passed;
    failed += results.failed;
  }
  console.log(
    `\nThe suites ran in VS Code ${'1.100.3'} (code-server) in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/**
 * Starts the local Zoho, a second server that a hostile workspace names, code-server and Chromium; runs
 * `testsEntry` in the extension host; stops everything.
 */
export async function runInHost(
  testsEntry: string,
  options: { untrusted?: boolean; env?: Record<string, string> } = {},
): Promise<Results | undefined> {
  ensureHost();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const standIn = await new ZohoStandIn().start();
  const other = await new ZohoStandIn().start();
  const { temp, workspace, userDataDir, resultsFile } = prepareRun(
    'zoho-vscode-',
    { zoho: standIn.url, other: other.url },
    options,
  );

  let page: Page | undefined;
  const driver = createServer((request, response) => void serveDriver(request, response, () => page));
  const driverPort = await freePort();
  await new Promise<void>((resolve) => driver.listen(driverPort, '127.0.0.1', resolve));

  const host = await startHost({
    workspace,
    userDataDir,
    extensionsDir: path.join(temp, 'extensions'),
    untrusted: options.untrusted,
    env: {
      ZOHO_TEST_RESULTS: resultsFile,
      ZOHO_STANDIN_URL: standIn.url,
      ZOHO_OTHER_SERVER_URL: other.url,
      ZOHO_TEST_DRIVER: `http://127.0.0.1:${driverPort}`,
      ZOHO_TEST_WORKSPACE: workspace,
      ZOHO_TEST_USER_DATA: userDataDir,
      // Every process of this VS Code resolves every name to 127.0.0.1: a wrong default host reaches nothing outside.
      NODE_OPTIONS: `--require ${path.join(__dirname, '../helpers/loopbackOnly.js')}`,
      ...options.env,
    },
  });
  let browser: Browser | undefined;
  let results: Results | undefined;
  try {
    // Playwright gives the browser a new empty profile of its own.
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const remote = (file: string) => `vscode-remote://127.0.0.1:${host.port}${file}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(testsEntry)],
    ]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
    await page.goto(`${host.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    console.log(
      `VS Code ${host.url} (code-server) started; running ${path.basename(testsEntry)} in its extension host…`,
    );
    results = await waitForResults(resultsFile, host.process);
  } catch (error) {
    console.error(`The integration run failed: ${error instanceof Error ? error.stack : String(error)}`);
    console.error(`code-server output:\n${host.output.join('').slice(-5000)}`);
    if (page) await page.screenshot({ path: path.join(RESULTS_DIR, 'failure.png') }).catch(() => {});
  } finally {
    await browser?.close().catch(() => {});
    await host.stop();
    await standIn.stop();
    await other.stop();
    driver.close();
    driver.closeAllConnections();
    rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
  }
  return results;
}

async function waitForResults(file: string, host: { exitCode: number | null }): Promise<Results> {
  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
        if (results.done) return results;
      } catch {
        // being written
      }
    }
    if (host.exitCode !== null) throw new Error('code-server exited before the suite finished');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The suite did not finish within ${SUITE_TIMEOUT_MS / 60000} minutes`);
}

/** What the suite may ask of the page: a screenshot, or the text of a part of the workbench. */
async function serveDriver(
  request: IncomingMessage,
  response: ServerResponse,
  page: () => Page | undefined,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const current = page();
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (!current) return reply(503, { error: 'no page yet' });
  try {
    if (url.pathname === '/screenshot') {
      const name = (url.searchParams.get('name') ?? 'screenshot').replace(/[^\w-]/g, '');
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await current.screenshot({ path: file });
      return reply(200, { file });
    }
    if (url.pathname === '/text') {
      const selector = url.searchParams.get('selector') ?? 'body';
      await current.waitForSelector(selector, { timeout: 10_000 });
      const texts = await current.locator(selector).allInnerTexts();
      return reply(200, { texts });
    }
    if (url.pathname === '/pages') {
      // Every tab of the browser: what openExternal opened, and where it went.
      const pages = current.context().pages();
      const texts = await Promise.all(
        pages.map((candidate) =>
          candidate === current
            ? Promise.resolve('')
            : candidate
                .locator('body')
                .innerText({ timeout: 5000 })
                .catch(() => ''),
        ),
      );
      return reply(200, { urls: pages.map((candidate) => candidate.url()), texts });
    }
    if (url.pathname === '/open') {
      // A person pasting a link into a new tab.
      const tab = await current.context().browser()!.newPage();
      await tab.goto(url.searchParams.get('url') ?? 'about:blank', { timeout: 15_000 });
      const text = await tab
        .locator('body')
        .innerText()
        .catch(() => '');
      const finalUrl = tab.url();
      await tab.close();
      return reply(200, { url: finalUrl, text });
    }
    if (url.pathname === '/click') {
      await current
        .locator(url.searchParams.get('selector') ?? 'body')
        .first()
        .click({ timeout: 10_000 });
      return reply(200, {});
    }
    if (url.pathname === '/box') {
      // How big each match is and how much of it scrolls: what a person can see without scrolling.
      const selector = url.searchParams.get('selector') ?? 'body';
      await current.waitForSelector(selector, { timeout: 10_000 });
      const boxes = await current
        .locator(selector)
        .evaluateAll((elements) =>
          elements.map((element) => ({ scrollHeight: element.scrollHeight, clientHeight: element.clientHeight })),
        );
      return reply(200, { boxes });
    }
    if (url.pathname === '/type') {
      // A person typing (or pasting) into what has focus: an input box, the editor.
      await current.keyboard.type(url.searchParams.get('text') ?? '');
      return reply(200, {});
    }
    if (url.pathname === '/key') {
      await current.keyboard.press(url.searchParams.get('key') ?? 'Escape');
      return reply(200, {});
    }
    reply(404, { error: 'unknown' });
  } catch (error) {
    reply(500, { error: String(error) });
  }
}

if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
