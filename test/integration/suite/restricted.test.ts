/** Restricted Mode: a folder the user has not trusted. Editing works; nothing signs in or sends. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/vscode/extension';

const WORKSPACE = process.env.ZOHO_TEST_WORKSPACE!;
const STAND_IN = process.env.ZOHO_STANDIN_URL!;
const OTHER_SERVER = process.env.ZOHO_OTHER_SERVER_URL!;
const fileUri = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

async function requestsAt(server: string): Promise<unknown[]> {
  return (await (await fetch(`${server}/__standin/requests`)).json()) as unknown[];
}

describe('Zoho CRM Modules in Restricted Mode', function () {
  let api: ExtensionApi;

  it('the folder is not trusted, and the extension still activates for module files', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const document = await vscode.workspace.openTextDocument(fileUri('mistakes.crm-module.json'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'zoho-crm-module');
    const extension = vscode.extensions.getExtension<ExtensionApi>('zoho-crm-tools.zoho-crm-modules')!;
    api = extension.isActive ? extension.exports : await extension.activate();
  });

  it("the language features work: diagnostics with Zoho's codes, hovers", async () => {
    const uri = fileUri('mistakes.crm-module.json');
    const diagnostics = await new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zoho-crm');
      const timer = setTimeout(() => reject(new Error('no diagnostics')), 20_000);
      const check = () => {
        if (ours().length >= 4) {
          clearTimeout(timer);
          subscription.dispose();
          resolve(ours());
        }
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
    assert.ok(
      diagnostics.some(
        (d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'RESERVED_KEYWORD_NOT_ALLOWED',
      ),
    );
    const document = await vscode.workspace.openTextDocument(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      document.positionAt(document.getText().indexOf('"plural_label"') + 3),
    );
    assert.ok(hovers.length > 0);
  });

  it('Sign In and Create Module say why they are unavailable, and send nothing', async () => {
    const signedIn = await vscode.commands.executeCommand('zohoCrm.signIn', {
      method: 'selfClient',
      dataCenter: 'us',
      environment: 'production',
      clientId: '1000.LOCALSTANDIN0000000000000000',
      clientSecret: 'local-stand-in-client-secret-0000000000',
      code: '1000.aaaaaaaa.bbbbbbbb',
    });
    assert.equal(signedIn, undefined);
    const outcome = await vscode.commands.executeCommand<{ kind: string; message: string }>(
      'zohoCrm.createModule',
      fileUri('warehouses.crm-module.json'),
      { interactive: false },
    );
    assert.equal(outcome.kind, 'restricted');
    assert.match(outcome.message, /Restricted Mode: this folder is not trusted/);
    assert.match(api.logLines().join('\n'), /Zoho CRM sign-in is not available in Restricted Mode/);
    assert.deepEqual(api.connections(), []);
    assert.deepEqual(await requestsAt(STAND_IN), []);
    assert.deepEqual(await requestsAt(OTHER_SERVER), []);
  });
});
