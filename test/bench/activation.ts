/**
 * Runs in the real VS Code's extension host (from `npm run bench`): how long from opening a module file
 * to the extension being active and to its first diagnostics, and how long its activate() ran. A
 * measurement, not a test.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('zoho-crm-tools.zoho-crm-modules')!;
  const uri = vscode.Uri.file(path.join(process.env.ZOHO_TEST_WORKSPACE!, 'mistakes.crm-module.json'));
  const wasActive = extension.isActive;
  const started = performance.now();
  const diagnostics = new Promise<number>((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (
        event.uris.some((changed) => changed.toString() === uri.toString()) &&
        vscode.languages.getDiagnostics(uri).length
      ) {
        subscription.dispose();
        resolve(performance.now() - started);
      }
    });
  });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // Activation has no event: look each millisecond (this is the benchmark, not the test suite).
  while (!extension.isActive) await new Promise((resolve) => setTimeout(resolve, 1));
  const activationMs = performance.now() - started;
  const firstDiagnosticsMs = await diagnostics;
  const activateMs = (extension.exports as { activationMs: number }).activationMs;
  writeFileSync(
    process.env.ZOHO_TEST_RESULTS!,
    JSON.stringify({
      done: true,
      passed: wasActive ? 0 : 1,
      failed: wasActive ? 1 : 0,
      tests: [
        {
          title: 'activation',
          state: wasActive ? 'failed' : 'passed',
          error: wasActive ? 'the extension was already active' : undefined,
        },
      ],
      metrics: { activationMs, activateMs, firstDiagnosticsMs },
    }),
  );
}
