import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { body, SAMPLE_AUTONUMBER, SAMPLE_TEXT } from '../helpers/modules';
import { LspTestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lspClient';

const BAD = `{
  "modules": [
    {
      "plural_label": "Stock-Items",
      "singular_label": "Stock",
      "profiles": [],
      "api_name": "Notes",
      "display_field": { "data_type": "autonumber" }
    }
  ]
}`;

function lineOf(diagnostic: Diagnostic) {
  return diagnostic.range.start.line + 1;
}

function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), edits);
}

describe('language server over stdio (JSON-RPC)', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0 }, VSCODE_LIKE_CAPABILITIES);
  });
  after(() => client.close());

  it('publishes nothing wrong for the page samples', async () => {
    assert.deepEqual((await client.open('file:///w/sample1.crm-module.json', SAMPLE_AUTONUMBER)).diagnostics, []);
    assert.deepEqual((await client.open('file:///w/sample2.crm-module.json', SAMPLE_TEXT)).diagnostics, []);
  });

  it('publishes each mistake with its Zoho code, source and line', async () => {
    const { diagnostics } = await client.open('file:///w/bad.crm-module.json', BAD);
    assert.deepEqual(
      diagnostics.map((d) => `${lineOf(d)} ${d.code} ${d.source} ${d.severity}`),
      [
        '4 INVALID_DATA zoho-crm 1',
        '6 MINIMUM_DATA_NOT_FOUND zoho-crm 1',
        '7 RESERVED_KEYWORD_NOT_ALLOWED zoho-crm 1',
        '8 DEPENDENT_FIELD_MISSING zoho-crm 1',
      ],
    );
    assert.ok(diagnostics.every((d) => d.codeDescription?.href.includes('create-custom-module-api')));
  });

  it('messages fit one line of the Problems panel and say each thing once; hovers are short and lead with the limits', async () => {
    const uri = 'file:///w/short.crm-module.json';
    const text =
      '{"modules": [{"plural_label": "Stock-Items & More Items!!", "profiles": [{"id": "x"}, {"id": "x"}], "api_name": "notes", "colr": 1, "display_field": {"data_type": "autonumber", "auto_number": {"start_number": "12345678901234567", "prefix": "A-B"}}}]}';
    const { diagnostics } = await client.open(uri, text);
    assert.ok(diagnostics.length >= 8, JSON.stringify(diagnostics.map((d) => d.message)));
    for (const { message } of diagnostics) {
      assert.ok(message.length <= 110, `too long for one line: ${message}`);
      assert.match(message, /^[A-Z"a-z].*[.?]$/, `a sentence: ${message}`);
      const words = message.toLowerCase().match(/[a-z_]{6,}/g) ?? [];
      for (const word of new Set(words))
        assert.ok(words.filter((w) => w === word).length <= 2, `"${word}" three times in: ${message}`);
    }
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('"plural_label"') + 2 },
    });
    const markdown = (hover.contents as { value: string }).value;
    assert.doesNotMatch(markdown, /Missing:/);
    assert.match(markdown, /\[Reserved words\]\(/);
    assert.ok(markdown.length < 400, `${markdown.length} characters`);
  });

  it('re-checks on every change', async () => {
    const uri = 'file:///w/edit.crm-module.json';
    await client.open(uri, SAMPLE_TEXT);
    const changed = await client.change(uri, SAMPLE_TEXT.replace('"Zylkers"', '"Zylkers!"'));
    assert.deepEqual(
      changed.diagnostics.map((d) => d.code),
      ['INVALID_DATA'],
    );
    const fixed = await client.change(uri, SAMPLE_TEXT);
    assert.deepEqual(fixed.diagnostics, []);
  });

  it('completes keys and data_type values', async () => {
    const uri = 'file:///w/complete.crm-module.json';
    const text = '{"modules": [{"plural_label": "Stocks", "display_field": {"data_type": }}]}';
    await client.open(uri, text);
    const keys = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('"plural_label"') + 1 },
    });
    assert.deepEqual(
      keys.map((item) => item.label).sort(),
      ['api_name', 'display_field', 'plural_label', 'profiles', 'singular_label'].filter(
        (key) => key !== 'display_field',
      ),
    );
    const values = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('"data_type": ') + 13 },
    });
    assert.deepEqual(
      values.map((item) => item.label),
      ['"autonumber"', '"text"'],
    );
  });

  it('completing a key after a value adds the comma where it belongs; enum values preselect what is typed', async () => {
    const uri = 'file:///w/comma.crm-module.json';
    const text = '{"modules": [{"display_field": {"data_type": "text" }}]}';
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('"text" ') + 7 },
    });
    const label = items.find((item) => item.label === 'field_label')!;
    const after = applyLspEdits(text, [label.textEdit as TextEdit, ...(label.additionalTextEdits ?? [])]).replace(
      /\$\{?\d+:?\}?/g,
      '',
    );
    assert.equal(after, '{"modules": [{"display_field": {"data_type": "text", "field_label": ""}}]}');
    const typing = '{"modules": [{"display_field": {"data_type": "autonumber"}}]}';
    await client.change(uri, typing);
    const values = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: typing.indexOf('"autonumber"') + 3 },
    });
    assert.deepEqual(
      values.filter((item) => item.preselect).map((item) => item.label),
      ['"autonumber"'],
    );
  });

  it('a key typed after the last property, quoted or bare, is replaced whole and gets its comma (as VS Code JSON does)', async () => {
    const lines = (last: string) => `{\n  "modules": [\n    {\n      "plural_label": "Stocks"${last}\n    }\n  ]\n}`;
    const expected = lines(',\n      "api_name": ""');
    for (const [index, typed] of ['\n      "a', '\n      a', ',\n      a', ',\n      "a"'].entries()) {
      const uri = `file:///w/typing-${index}.crm-module.json`;
      const text = lines(typed);
      await client.open(uri, text);
      const cursor = text.indexOf('a', text.indexOf('"Stocks"') + 8) + 1;
      const before = text.slice(0, cursor).split('\n');
      const items = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: before.length - 1, character: before[before.length - 1].length },
      });
      const item = items.find((candidate) => candidate.label === 'api_name');
      assert.ok(item, `api_name is offered after ${JSON.stringify(typed)}: ${items.map((i) => i.label).join(', ')}`);
      const after = applyLspEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]).replace(
        /\$\{?\d+:?\}?/g,
        '',
      );
      assert.equal(after, expected, JSON.stringify(typed));
      assert.ok(item.filterText?.replace(/"/g, '').startsWith('a'), 'what was typed matches the filter text');
    }
  });

  it("completion items carry a key's description only when resolved; snippets and markdown for this client", async () => {
    const uri = 'file:///w/resolve.crm-module.json';
    const text = '{"modules": [{"plural_label": "Stocks", }]}';
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf(', }') + 2 },
    });
    const profiles = items.find((item) => item.label === 'profiles')!;
    assert.equal(profiles.documentation, undefined, 'no documentation in the list');
    assert.equal(profiles.insertTextFormat, 2, 'snippet');
    assert.match((profiles.textEdit as TextEdit).newText, /\$1/);
    const resolved = await client.request<CompletionItem>('completionItem/resolve', profiles);
    assert.equal((resolved.documentation as { kind: string }).kind, 'markdown');
    assert.match((resolved.documentation as { value: string }).value, /\*\*profiles\*\*.*mandatory/);
    const snippet = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('{"plural') },
    });
    assert.ok(
      snippet.some(
        (item) =>
          item.label === 'Autonumber display field module' &&
          /\$\{1:Stocks\}/.test((item.textEdit as TextEdit).newText),
      ),
    );
  });

  it('each open publishes diagnostics once', async () => {
    const uri = 'file:///w/once.crm-module.json';
    await client.open(uri, BAD);
    await client.change(uri, SAMPLE_TEXT);
    // The change's diagnostics came after the open's: had the open published twice, the count would be 3.
    assert.equal(client.publishCounts.get(uri), 2);
  });

  it('hovers with the limits of a key', async () => {
    const uri = 'file:///w/hover.crm-module.json';
    const text = body();
    await client.open(uri, text);
    const doc = TextDocument.create(uri, 'json', 1, text);
    const result = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: doc.positionAt(text.indexOf('"singular_label"') + 2),
    });
    assert.match((result.contents as { value: string }).value, /At most 25 characters/);
  });

  it('every quick fix edit clears its diagnostic', async () => {
    const uri = 'file:///w/fixes.crm-module.json';
    const { diagnostics } = await client.open(uri, BAD);
    assert.equal(diagnostics.length, 4);
    for (const diagnostic of diagnostics) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      const action = actions.find(
        (candidate) => candidate.isPreferred && candidate.diagnostics?.[0].code === diagnostic.code,
      );
      assert.ok(action, `no preferred fix for ${diagnostic.code}`);
      assert.deepEqual(action.diagnostics![0], diagnostic);
      const fixedText = applyLspEdits(BAD, action.edit!.changes![uri]);
      const after = await client.change(uri, fixedText);
      assert.ok(
        !after.diagnostics.some(
          (d) => d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line,
        ),
        `${diagnostic.code} still there after "${action.title}"`,
      );
      await client.change(uri, BAD);
    }
  });

  it('offers fix-all as a source action', async () => {
    const uri = 'file:///w/fixall.crm-module.json';
    await client.open(uri, BAD);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    const after = await client.change(uri, applyLspEdits(BAD, actions[0].edit!.changes![uri]));
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      ['INVALID_DATA'],
      'only the empty profile id needs a person',
    );
  });

  it('formats, outlines, folds and selects', async () => {
    const uri = 'file:///w/structure.crm-module.json';
    const text = JSON.stringify(JSON.parse(SAMPLE_TEXT));
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(applyLspEdits(text, edits), SAMPLE_TEXT);
    await client.change(uri, SAMPLE_TEXT);
    const symbols = await client.request<{ name: string; children: { name: string }[] }[]>(
      'textDocument/documentSymbol',
      { textDocument: { uri } },
    );
    assert.equal(symbols[0].children[0].name, 'Zylkers');
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length >= 4);
    const selections = await client.request<unknown[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: 3, character: 30 }],
    });
    assert.equal(selections.length, 1);
  });

  it('stays up and answers after bad input', async () => {
    const uri = 'file:///w/garbage.crm-module.json';
    const garbage = `${'['.repeat(10000)}\u0000\u0001\u00ff{"x":`;
    const { diagnostics } = await client.open(uri, garbage);
    assert.ok(diagnostics.length >= 1);
    const huge = body().replace('"api_name"', `"extra": "${'x'.repeat(5_000_000)}", "api_name"`);
    const big = await client.open('file:///w/huge.crm-module.json', huge);
    assert.deepEqual(
      big.diagnostics.map((d) => d.code),
      ['UNKNOWN_KEY'],
    );
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 5 },
    });
    assert.equal(hover, null);
    const completion = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: 'file:///w/sample1.crm-module.json' },
      position: { line: 1, character: 4 },
    });
    assert.ok(Array.isArray(completion));
    assert.equal(client.process.exitCode, null);
  });
});

describe('a client that takes only pushed diagnostics and sends no settings (Neovim-style)', () => {
  it('gets diagnostics with the default delay', async () => {
    const client = new LspTestClient();
    try {
      const result = await client.initialize();
      assert.ok(result.capabilities.completionProvider);
      const { diagnostics } = await client.open('file:///n/bad.crm-module.json', BAD, 'json');
      assert.equal(diagnostics.length, 4);
      const changed = await client.change('file:///n/bad.crm-module.json', SAMPLE_TEXT);
      assert.deepEqual(changed.diagnostics, []);
    } finally {
      await client.close();
    }
  });

  it('the server explains its usage when started without a transport', async () => {
    const { spawnSync } = await import('node:child_process');
    const { SERVER } = await import('../helpers/lspClient');
    const result = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--stdio/);
  });

  it('a client without snippets, markdown or a symbol tree gets plain text, plain hovers and flat symbols', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize({ diagnosticsDelayMs: 0 });
      const uri = 'file:///n/plain.crm-module.json';
      const text = '{"modules": [{"plural_label": "Stocks", }]}';
      await client.open(uri, text);
      const items = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: text.indexOf(', }') + 2 },
      });
      assert.ok(items.length > 0);
      for (const item of items) {
        assert.notEqual(item.insertTextFormat, 2, `${item.label} is not a snippet`);
        assert.doesNotMatch((item.textEdit as TextEdit).newText, /\$\d|\$\{/, `${item.label} has no snippet syntax`);
      }
      const profiles = items.find((item) => item.label === 'profiles')!;
      assert.equal((profiles.textEdit as TextEdit).newText, '"profiles": [{ "id": "" }]');
      // This client cannot resolve, so the documentation comes with the item, as plain text.
      assert.equal((profiles.documentation as { kind: string }).kind, 'plaintext');
      assert.doesNotMatch((profiles.documentation as { value: string }).value, /\*\*|`/);
      const snippets = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: text.indexOf('{"plural') },
      });
      const module = snippets.find((item) => item.label === 'Autonumber display field module')!;
      assert.match(
        (module.textEdit as TextEdit).newText,
        /"plural_label": "Stocks",[\s\S]*"id": "2423488000000015972"/,
      );

      const hover = await client.request<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: text.indexOf('plural_label') + 2 },
      });
      assert.equal((hover.contents as { kind: string }).kind, 'plaintext');
      assert.match((hover.contents as { value: string }).value, /^plural_label · string · mandatory/);

      await client.change(uri, SAMPLE_TEXT);
      const symbols = await client.request<
        { name: string; containerName?: string; location?: unknown; children?: unknown }[]
      >('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(
        symbols.every((symbol) => symbol.location && symbol.children === undefined),
        'flat SymbolInformation',
      );
      assert.ok(symbols.some((symbol) => symbol.name === 'Zylkers' && symbol.containerName !== undefined));
    } finally {
      await client.close();
    }
  });

  it('with the default pause, an open is published once, at once', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const uri = 'file:///n/once.crm-module.json';
      await client.open(uri, BAD);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(client.publishCounts.get(uri), 1);
    } finally {
      await client.close();
    }
  });
});
