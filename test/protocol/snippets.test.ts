/** The module snippets over the protocol, as an editor inserts them: they say nothing the rules contradict. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItem, CompletionItemKind, TextEdit } from 'vscode-languageserver-protocol';
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
    const snippets = items.filter((item) => item.kind === CompletionItemKind.Snippet);
    assert.deepEqual(snippets.map((item) => item.label).sort(), [
      'Autonumber display field module',
      'Team-based module',
      'Text display field module',
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

  it('are named by what differs, first: the suggest widget cuts a long label at its end, never their first word', async () => {
    for (const [where, position] of [
      ['in the modules list', { line: 0, character: text.indexOf('[') + 1 }],
      ['as the whole body, in an empty file', { line: 0, character: 0 }],
    ] as const) {
      const target = where.startsWith('as') ? 'file:///s/empty.crm-module.json' : uri;
      if (target !== uri) await client.open(target, '');
      const items = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri: target },
        position,
      });
      const snippets = items.filter((item) => item.kind === CompletionItemKind.Snippet);
      assert.equal(snippets.length, 3, where);
      const firstWords = snippets.map((item) => item.label.split(/\W/)[0]);
      assert.equal(new Set(firstWords).size, 3, `${where}: ${firstWords.join(', ')}`);
      // VS Code's widget shows about 30 characters of a label beside its detail.
      for (const item of snippets) assert.ok(item.label.length <= 32, `${where}: ${item.label}`);
    }
  });
});
