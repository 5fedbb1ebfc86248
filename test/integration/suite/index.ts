/** Entry the VS Code extension host calls (extensionTestsPath): runs the mocha suite, writes results. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const resultsFile = process.env.ZOHO_TEST_RESULTS;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, process.env.ZOHO_TEST_SUITE ?? 'extension.test.js'));
  // While working on one test: ZOHO_TEST_GREP=<part of its title> npm run test:vscode.
  if (process.env.ZOHO_TEST_GREP) mocha.grep(process.env.ZOHO_TEST_GREP);
  const results = {
    passed: 0,
    failed: 0,
    tests: [] as { title: string; state: string; error?: string }[],
    done: false,
  };
  const save = () => {
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.done = true;
        save();
        if (failures > 0) reject(new Error(`${failures} tests failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed' });
        save();
      });
      runner.on('fail', (test, error) => {
        results.failed++;
        results.tests.push({ title: test.fullTitle(), state: 'failed', error: String(error?.stack ?? error) });
        save();
      });
    } catch (error) {
      results.done = true;
      results.failed++;
      results.tests.push({
        title: 'loading the suite',
        state: 'failed',
        error: String(error instanceof Error ? error.stack : error),
      });
      save();
      reject(error);
    }
  });
}
