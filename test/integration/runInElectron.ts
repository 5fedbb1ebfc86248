/**
 * The same suite in a desktop VS Code through @vscode/test-electron, for machines that can download it
 * (these cannot: they reach only npm and Debian). Results come back the same way, through a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { messageOf } from '../../client/zoho/errors';
import { prepareRun, ROOT } from './host';

async function main(): Promise<number> {
  const standIn = await new ZohoStandIn().start();
  const other = await new ZohoStandIn().start();
  const { workspace, userDataDir, resultsFile } = prepareRun('zoho-electron-', { zoho: standIn.url, other: other.url });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/integration/suite/index.js'),
      launchArgs: [workspace, '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: {
        ZOHO_TEST_RESULTS: resultsFile,
        ZOHO_STANDIN_URL: standIn.url,
        ZOHO_OTHER_SERVER_URL: other.url,
        ZOHO_TEST_WORKSPACE: workspace,
        ZOHO_TEST_USER_DATA: userDataDir,
      },
    });
  } catch (error) {
    console.error(`VS Code (electron) run failed: ${messageOf(error)}`);
  } finally {
    await standIn.stop();
    await other.stop();
  }
  if (!existsSync(resultsFile)) return 1;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
    passed: number;
    failed: number;
    tests: { title: string; state: string; error?: string }[];
  };
  for (const test of results.tests)
    console.log(
      `${test.state === 'passed' ? '✔' : test.state === 'pending' ? '-' : '✖'} ${test.title}${test.error ? `\n    ${test.error}` : ''}`,
    );
  console.log(`\nVS Code (electron) suite: ${results.passed} passed, ${results.failed} failed`);
  return results.failed === 0 && results.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
