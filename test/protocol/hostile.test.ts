/**
 * The language server against hostile input: files nested 5,000 and 100,000 deep, a 10 MB line, an org
 * snapshot file that is a FIFO or huge, org snapshots with markdown, snippet syntax and 100 KB names, and
 * random snapshots and texts. Every request answers, and the server keeps answering.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionItem, CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lspClient';
import { SAMPLE_TEXT } from '../helpers/modules';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const FORMAT = { tabSize: 2, insertSpaces: true };

describe('the language server under hostile files', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0 }, VSCODE_LIKE_CAPABILITIES);
  });
  after(() => client.close());

  const alive = async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: 'file:///h/ok.crm-module.json' },
      position: { line: 3, character: 16 },
    });
    assert.ok(hover, 'the server still answers a hover on a good file');
  };

  it('formatting a file nested 5,000 or 100,000 deep answers with no edits, says why, and the server goes on', async () => {
    await client.open('file:///h/ok.crm-module.json', SAMPLE_TEXT);
    for (const [name, text] of [
      ['arrays-5k', nested(5_000)],
      ['objects-5k', nestedObjects(5_000)],
      ['arrays-100k', nested(100_000)],
      ['objects-100k', nestedObjects(100_000)],
    ]) {
      const uri = `file:///h/${name}.crm-module.json`;
      const { diagnostics } = await client.open(uri, text);
      assert.equal(diagnostics[0].code, 'NESTING_TOO_DEEP');
      const edits = await client.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options: FORMAT,
      });
      assert.deepEqual(edits, []);
      const range = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
        textDocument: { uri },
        options: FORMAT,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
      });
      assert.deepEqual(range, []);
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
        assert.ok(Array.isArray(await client.request(method, { textDocument: { uri } })), method);
      }
      await client.request('textDocument/selectionRange', {
        textDocument: { uri },
        positions: [{ line: 0, character: 3 }],
      });
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await alive();
    }
    assert.ok(
      client.logs.some((line) =>
        /arrays-5k\.crm-module\.json was not formatted: it is nested more than 256 levels deep/.test(line),
      ),
    );
  });

  it('a 10 MB single line is checked, and not formatted; a 1 MB one is', async () => {
    const entries = (count: number) =>
      Array.from({ length: count }, (_, index) => `{"id":"${String(index).padStart(19, '2')}"}`).join(',');
    const line = (bytes: number) =>
      SAMPLE_TEXT.replace(/\s+/g, '').replace('[{"id":"2423488000000015972"}]', `[${entries(Math.floor(bytes / 26))}]`);
    const big = line(10_000_000);
    assert.ok(big.length > 10_000_000);
    await client.open('file:///h/line10.crm-module.json', big);
    assert.deepEqual(
      await client.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri: 'file:///h/line10.crm-module.json' },
        options: FORMAT,
      }),
      [],
    );
    assert.ok(
      client.logs.some((line) =>
        /line10\.crm-module\.json was not formatted: it has \d{2},\d{3},\d{3} characters/.test(line),
      ),
      client.logs.join('\n').slice(0, 2000),
    );
    await client.open('file:///h/line1.crm-module.json', line(1_000_000));
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: 'file:///h/line1.crm-module.json' },
      options: FORMAT,
    });
    assert.ok(edits.length > 1000);
    await alive();
  });
});

describe('the org snapshot file, when it is not a snapshot', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-snapshot-'));

  it('a FIFO does not block initialize; the server says why it was not read and answers', async () => {
    const fifo = path.join(dir, 'org.fifo');
    execFileSync('mkfifo', [fifo]);
    const client = new LspTestClient();
    try {
      await client.initialize({ diagnosticsDelayMs: 0, orgSnapshotFile: fifo });
      const { diagnostics } = await client.open('file:///f/a.crm-module.json', SAMPLE_TEXT);
      assert.deepEqual(diagnostics, []);
      assert.ok(
        client.logs.some((line) => line.includes(`Could not read the org snapshot ${fifo}: not a regular file`)),
        client.logs.join('\n'),
      );
    } finally {
      await client.close();
    }
  });

  it('a file over 16 MB is not read; a directory neither', async () => {
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, `{"profiles": [], "modules": [], "pad": "${'x'.repeat(17 * 1024 * 1024)}"}`);
    for (const [file, why] of [
      [huge, 'larger than 16 MB'],
      [dir, 'EISDIR|not a regular file'],
    ]) {
      const client = new LspTestClient();
      try {
        await client.initialize({ diagnosticsDelayMs: 0, orgSnapshotFile: file });
        await client.open('file:///f/b.crm-module.json', SAMPLE_TEXT);
        assert.ok(
          client.logs.some((line) => new RegExp(`Could not read the org snapshot .*: (${why})`).test(line)),
          client.logs.join('\n'),
        );
      } finally {
        await client.close();
      }
    }
  });
});

describe('hostile org snapshots', () => {
  let client: LspTestClient;
  const uri = 'file:///o/profiles.crm-module.json';
  const text = SAMPLE_TEXT.replace('"2423488000000015972"', '""');
  const idPosition = () => {
    const line = text.split('\n').findIndex((l) => l.includes('"id": ""'));
    return { line, character: text.split('\n')[line].indexOf('""') + 1 };
  };
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0 }, VSCODE_LIKE_CAPABILITIES);
  });
  after(() => client.close());

  const send = async (snapshot: unknown) => {
    const next = client.nextDiagnostics(uri);
    await client.notify('zohoCrm/orgSnapshot', { snapshot });
    return next;
  };

  it('names with markdown, snippet syntax and 100 KB are escaped and bounded; an id that is not digits is dropped', async () => {
    await client.open(uri, text);
    await send({
      org: 'Evil [org](command:workbench.action.terminal.new)',
      fetchedAt: Date.now(),
      profiles: [
        {
          id: '111',
          name: 'Administrator [link](https://evil.example) ![](https://beacon.example/x.png) <img src=x onerror=alert(1)>',
        },
        { id: '$CLIPBOARD', name: 'Clipboard' },
        { id: '222', name: 'y'.repeat(100_000) },
        { id: '333\u0000', name: 'nul' },
      ],
      modules: [],
    });
    const list = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: idPosition(),
    });
    const items = Array.isArray(list) ? list : list.items;
    const texts = items.map(
      (item) => item.textEdit?.newText ?? (item as { textEditText?: string }).textEditText ?? item.insertText,
    );
    assert.deepEqual(
      items.map((item) => item.label.length),
      [100, 100],
      'two profiles have digit ids; names cut at 100',
    );
    assert.ok(
      texts.every((insert) => /^"\d+"$/.test(String(insert))),
      JSON.stringify(texts),
    );
    const withId = SAMPLE_TEXT.replace('"2423488000000015972"', '"111"');
    await client.change(uri, withId);
    const line = withId.split('\n').findIndex((l) => l.includes('"111"'));
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: withId.split('\n')[line].indexOf('111') + 1 },
    });
    const markdown = (hover.contents as { value: string }).value;
    assert.ok(!/(^|[^\\])\[/.test(markdown.split('---')[0]), `no link can form: ${markdown}`);
    assert.ok(!/(^|[^\\])</.test(markdown.split('---')[0]), 'no HTML');
    assert.ok(markdown.length < 2_000);
    await client.change(uri, text);
  });

  it('random snapshots and random texts: every request answers, nothing is logged as failed', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
    const oddValue = (): unknown =>
      pick([
        null,
        7,
        -1,
        1e308,
        true,
        '',
        'x'.repeat(Math.floor(random() * 5000)),
        '\u001b[2J',
        '$1${2:x}',
        '[a](b)',
        {},
        [],
        '\ud800',
        '2423488000000015972',
      ]);
    const oddText = () => {
      const base = SAMPLE_TEXT.split('');
      for (let edits = Math.floor(random() * 6); edits > 0; edits--)
        base.splice(
          Math.floor(random() * base.length),
          Math.floor(random() * 3),
          pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\ufffd', '\ufeff', '\u0000', '"id": ""', '$', '\n']),
        );
      return base.join('');
    };
    for (let round = 0; round < 60; round++) {
      const snapshot = pick([
        null,
        undefined,
        5,
        'text',
        [],
        { profiles: oddValue(), modules: oddValue() },
        {
          org: oddValue(),
          fetchedAt: oddValue(),
          profiles: Array.from({ length: 5 }, () => ({ id: oddValue(), name: oddValue(), type: oddValue() })),
          modules: Array.from({ length: 5 }, () => ({
            api_name: oddValue(),
            plural_label: oddValue(),
            singular_label: oddValue(),
            generated_type: oddValue(),
            id: oddValue(),
          })),
        },
      ]);
      await client.notify('zohoCrm/orgSnapshot', { snapshot });
      const document = oddText();
      await client.change(uri, document);
      const lines = document.split('\n');
      const line = Math.floor(random() * lines.length);
      const position = { line, character: Math.floor(random() * (lines[line].length + 1)) };
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/hover', { textDocument: { uri }, position });
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      });
      await client.request('textDocument/formatting', { textDocument: { uri }, options: FORMAT });
    }
    assert.deepEqual(
      client.logs.filter((line) => / failed/.test(line)),
      [],
    );
    assert.equal(client.process.exitCode, null);
  });
});
