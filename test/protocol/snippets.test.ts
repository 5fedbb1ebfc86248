/** The module snippets over the protocol, as an editor inserts them: they say nothing the rules contradict. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/languageservice';
import { LspTestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lspClient';

/** The snippet's text with every placeholder at its default, as accepting it with Tab, Tab… leaves it. */
const expand = (snippet: string) => snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');

describe('module snippets (API v8, so all three are offered)', () => {
  let client: LspTestClient;
  const uri = 'file:///s/new.crm-module.json';
  const text = '{"modules": []}';
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0, apiVersion: 'v8' }, VSCODE_LIKE_CAPABILITIES);
    await client.open(uri, text);
  });
  after(() => client.close());

  it('leave api_name out (Zoho derives it from plural_label), so it cannot go stale as labels are typed', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('[') + 1 },
    });
    const snippets = items.filter((item) => item.label.startsWith('module ('));
    assert.deepEqual(snippets.map((item) => item.label).sort(), [
      'module (autonumber display field)',
      'module (team-based)',
      'module (text display field)',
    ]);
    for (const item of snippets) {
      const inserted = expand((item.textEdit as TextEdit).newText);
      assert.doesNotMatch(inserted, /api_name/, item.label);
      const file = `{"modules": [${inserted}]}`;
      assert.deepEqual(
        analyze(file, 'v8').findings.filter((finding) => finding.severity === 'error'),
        [],
        item.label,
      );
    }
  });
});
