/** A fields file over the protocol: the server tells it by its name and checks it with the fields rules. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeAction, CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { LspTestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lspClient';

describe('fields files over the protocol', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0 }, VSCODE_LIKE_CAPABILITIES);
  });
  after(() => client.close());

  it('*.crm-fields.json gets the fields rules, *.crm-module.json the module rules, the same text either way', async () => {
    const text = '{"fields": [{"field_label": "Region", "data_type": "decimal"}]}';
    const fields = await client.open('file:///w/stocks.crm-fields.json', text);
    assert.deepEqual(
      fields.diagnostics.map((d) => [d.code, d.message]),
      [['INVALID_DATA', '"decimal" is not a valid data_type: did you mean "double"?']],
    );
    const module = await client.open('file:///w/stocks.crm-module.json', text);
    assert.ok(module.diagnostics.some((d) => d.code === 'UNKNOWN_KEY' && /"fields"/.test(d.message)));

    const [diagnostic] = fields.diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///w/stocks.crm-fields.json' },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred]),
      [['Change to "double"', true]],
    );
  });

  it('completes the data types of a field', async () => {
    const uri = 'file:///w/parcels.crm-fields.json';
    const text = '{"fields": [{"field_label": "Weight", "data_type": ""}]}';
    await client.open(uri, text);
    const answer = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('""') + 1 },
    });
    const labels = (Array.isArray(answer) ? answer : answer.items).map((item) => item.label);
    assert.equal(labels.length, 25);
    assert.ok(labels.includes('"double"') && labels.includes('"lookup"'));
  });

  it("with the org data's fields of its module: a clash on the label's line, the module named by the sibling module file", async () => {
    const org = new LspTestClient();
    await org.initialize(
      {
        diagnosticsDelayMs: 0,
        orgSnapshot: {
          org: 'Zylker',
          fetchedAt: Date.now(),
          profiles: [],
          modules: [{ api_name: 'Parcels', generated_type: 'custom' }],
          moduleFields: { Parcels: [{ api_name: 'Weight', field_label: 'Weight', custom_field: true }] },
        },
      },
      VSCODE_LIKE_CAPABILITIES,
    );
    try {
      const text = '{"fields": [\n  {"field_label": "Weight", "data_type": "double", "api_name": "Gross_Weight"}\n]}';
      // Named boxes.crm-fields.json: only its sibling's api_name says it is Parcels'.
      const alone = await org.open('file:///w/boxes.crm-fields.json', text);
      assert.deepEqual(alone.diagnostics, []);
      await org.open('file:///v/boxes.crm-module.json', '{"modules": [{"api_name": "Parcels"}]}');
      const paired = await org.open('file:///v/boxes.crm-fields.json', text);
      assert.deepEqual(
        paired.diagnostics.map((d) => [d.code, d.range.start.line]),
        [['DUPLICATE_DATA', 1]],
      );
    } finally {
      await org.close();
    }
  });
});
