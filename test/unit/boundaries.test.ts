import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');

/** The layers' boundaries are lint errors: each forbidden import below must be refused, each allowed one pass. */
describe('layer boundaries (eslint.config.mjs)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const errorsFor = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: path.join(ROOT, file) }))[0].messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);

  it('the language service imports neither vscode, nor LSP types, nor the server or client', async () => {
    for (const code of [
      "import * as vscode from 'vscode'; export const x = vscode;",
      "import { Diagnostic } from 'vscode-languageserver'; export type X = Diagnostic;",
      "import { TextDocument } from 'vscode-languageserver-textdocument'; export type X = TextDocument;",
      "import { startServer } from '../server'; export const x = startServer;",
      "import { main } from '../../../client/src/cli/main'; export const x = main;",
    ]) assert.equal((await errorsFor('server/src/languageservice/example.ts', code)).length, 1, code);
    assert.deepEqual(await errorsFor('server/src/languageservice/example.ts', "import { parseTree } from 'jsonc-parser'; export const x = parseTree;"), []);
  });

  it('the server does not import vscode or the client; it may use LSP', async () => {
    assert.equal((await errorsFor('server/src/providers/example.ts', "import * as vscode from 'vscode'; export const x = vscode;")).length, 1);
    assert.equal((await errorsFor('server/src/providers/example.ts', "import { x } from '../../../client/src/zoho/http'; export const y = x;")).length, 1);
    assert.deepEqual(await errorsFor('server/src/providers/example.ts', "import { Diagnostic } from 'vscode-languageserver'; export type X = Diagnostic;"), []);
  });

  it('the Zoho layer and the CLI run without VS Code', async () => {
    for (const file of ['client/src/zoho/example.ts', 'client/src/cli/example.ts']) {
      assert.equal((await errorsFor(file, "import * as vscode from 'vscode'; export const x = vscode;")).length, 1, file);
      assert.equal((await errorsFor(file, "import { signIn } from '../auth/signInFlow'; export const x = signIn;")).length, 1, file);
    }
    assert.deepEqual(await errorsFor('client/src/auth/example.ts', "import * as vscode from 'vscode'; export const x = vscode;"), []);
  });
});
