import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');

/** The products' boundaries are lint errors: each forbidden import below must be refused, each allowed one pass. */
describe('layer boundaries (eslint.config.mjs)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const errorsFor = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: path.join(ROOT, file) }))[0].messages
      .filter((message) => message.ruleId === 'no-restricted-imports')
      .map((message) => message.message);

  it('the language service imports neither vscode, nor LSP types, nor the server or client', async () => {
    for (const code of [
      "import * as vscode from 'vscode'; export const x = vscode;",
      "import { Diagnostic } from 'vscode-languageserver'; export type X = Diagnostic;",
      "import { TextDocument } from 'vscode-languageserver-textdocument'; export type X = TextDocument;",
      "import { startServer } from '../lsp/server'; export const x = startServer;",
      "import { main } from '../../client/cli/main'; export const x = main;",
      "import { ZohoError } from '@crm/zoho'; export const x = ZohoError;",
      "import { OrgSnapshotNotification } from '@crm/protocol'; export const x = OrgSnapshotNotification;",
      "import axios from 'axios'; export const x = axios;",
    ])
      assert.equal((await errorsFor('server/languageservice/example.ts', code)).length, 1, code);
    assert.deepEqual(
      await errorsFor(
        'server/languageservice/org/example.ts',
        "import { parseTree } from 'jsonc-parser'; import { x } from '../parse'; export const y = [parseTree, x];",
      ),
      [],
    );
  });

  it('the server does not import vscode or the client; it may use LSP', async () => {
    assert.equal(
      (await errorsFor('server/lsp/providers/example.ts', "import * as vscode from 'vscode'; export const x = vscode;"))
        .length,
      1,
    );
    assert.equal(
      (
        await errorsFor(
          'server/lsp/providers/example.ts',
          "import { x } from '../../../client/zoho/http'; export const y = x;",
        )
      ).length,
      1,
    );
    assert.equal(
      (
        await errorsFor(
          'server/lsp/providers/example.ts',
          "import { ZohoError } from '@crm/zoho'; export const y = ZohoError;",
        )
      ).length,
      1,
    );
    assert.deepEqual(
      await errorsFor(
        'server/lsp/providers/example.ts',
        "import { Diagnostic } from 'vscode-languageserver'; import { analyze } from '@crm/languageservice'; export const X = [Diagnostic, analyze];",
      ),
      [],
    );
  });

  it('the Zoho library and the CLI run without VS Code', async () => {
    for (const file of ['client/zoho/example.ts', 'client/cli/example.ts']) {
      assert.equal(
        (await errorsFor(file, "import * as vscode from 'vscode'; export const x = vscode;")).length,
        1,
        file,
      );
      const messages = await errorsFor(
        file,
        "import { signIn } from '../vscode/commands/signIn'; export const x = signIn;",
      );
      assert.ok(
        messages.some((message) => /run without VS Code/.test(message)),
        `${file}: ${messages.join('; ')}`,
      );
    }
    assert.deepEqual(
      await errorsFor(
        'client/vscode/commands/example.ts',
        "import * as vscode from 'vscode'; export const x = vscode;",
      ),
      [],
    );
  });

  it('a product reaches another by its one name, never by a relative path', async () => {
    for (const [file, code] of [
      ['client/cli/example.ts', "import { Logger } from '../zoho/log'; export const x = Logger;"],
      [
        'client/vscode/commands/example.ts',
        "import { analyze } from '../../../server/languageservice'; export const x = analyze;",
      ],
      [
        'client/zoho/example.ts',
        "import { analyze } from '../../server/languageservice/analyze'; export const x = analyze;",
      ],
      ['server/lsp/example.ts', "import { analyze } from '../languageservice'; export const x = analyze;"],
      ['client/vscode/example.ts', "import { X } from '../../server/protocol'; export const x = X;"],
    ])
      assert.equal((await errorsFor(file, code)).length, 1, `${file}: ${code}`);
    for (const [file, code] of [
      [
        'client/cli/example.ts',
        "import { Logger } from '@crm/zoho'; import { analyze } from '@crm/languageservice'; import { x } from './output'; export const y = [Logger, analyze, x];",
      ],
      [
        'client/vscode/commands/example.ts',
        "import { notify } from '../messages/notify'; import { OrgSnapshotNotification } from '@crm/protocol'; export const x = [notify, OrgSnapshotNotification];",
      ],
    ])
      assert.deepEqual(await errorsFor(file, code), [], `${file}: ${code}`);
  });
});
