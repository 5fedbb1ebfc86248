/**
 * One behaviour per encoding, in the CLI as in the editor: UTF-8 with or without a BOM and UTF-16 with a
 * BOM read as VS Code reads them (and send the same JSON); invalid UTF-8 is refused with its place, never
 * sent with U+FFFD; U+FFFD in a text (what VS Code shows for such bytes) is an error in the rules.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeFile } from '../../client/cli/readText';
import { analyze } from '../../server/languageservice';
import { COUNT_READS } from '../helpers/countReads';
import { SAMPLE_TEXT } from '../helpers/modules';
import { runCli, standInEnvironment } from '../helpers/cli';
import { startStandIn } from '../helpers/standIn';
import { ZohoStandIn } from '../zohoStandIn/standIn';

const run = (args: string[], env: Record<string, string> = {}, preload: string[] = []) =>
  runCli(args, env, { preload });

const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

describe('file encodings', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-encodings-'));
  const file = (name: string, bytes: Buffer | string) => {
    const full = path.join(dir, name);
    writeFileSync(full, bytes);
    return full;
  };
  const labelled = SAMPLE_TEXT.replace('"Zylkers"', '"Zylkers é"');
  let standIn: ZohoStandIn;
  let env: Record<string, string>;
  before(async () => {
    standIn = await startStandIn();
    env = await standInEnvironment(standIn);
  });
  after(() => standIn.stop());

  it('decodes as VS Code does, and names what it refuses', () => {
    assert.deepEqual(decodeFile(Buffer.from(labelled)), { text: labelled, encoding: 'UTF-8' });
    assert.deepEqual(decodeFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(labelled)])), {
      text: labelled,
      encoding: 'UTF-8 with BOM',
    });
    assert.deepEqual(decodeFile(utf16(labelled, false)), { text: labelled, encoding: 'UTF-16 LE' });
    assert.deepEqual(decodeFile(utf16(labelled, true)), { text: labelled, encoding: 'UTF-16 BE' });
    const invalid = Buffer.concat([Buffer.from('{\n  "a": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n}')]);
    assert.deepEqual(decodeFile(invalid), {
      error: 'is not valid UTF-8 at byte 10 (line 2, 0xc3). Save it as UTF-8; nothing was checked or sent.',
    });
    assert.deepEqual(decodeFile(Buffer.from(labelled, 'utf16le')), {
      error:
        'holds NUL characters: it looks like UTF-16 without a byte order mark. Save it as UTF-8; nothing was checked or sent.',
    });
  });

  it('lint: a BOM and UTF-16 check clean, as in the editor; invalid UTF-8 is an error with its place', async () => {
    for (const [name, bytes] of [
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE_TEXT)])],
      ['le', utf16(SAMPLE_TEXT, false)],
      ['be', utf16(SAMPLE_TEXT, true)],
    ] as const) {
      const result = await run(['lint', file(`${name}.crm-module.json`, bytes)]);
      assert.equal(result.code, 0, `${name}: ${result.stdout}`);
      assert.match(result.stdout, /1 file checked: 0 errors, 0 warnings/);
    }
    const bad = file('latin1.crm-module.json', Buffer.from(labelled, 'latin1'));
    const result = await run(['lint', bad]);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /latin1\.crm-module\.json: error .*latin1\.crm-module\.json is not valid UTF-8 at byte \d+ \(line 4, 0xe9\)\. Save it as UTF-8; nothing was checked or sent\./,
    );
  });

  it('create: invalid UTF-8 sends nothing; a UTF-16 file sends the same JSON VS Code would (UTF-8, no BOM)', async () => {
    standIn.requests.length = 0;
    const invalid = file(
      'invalid.crm-module.json',
      Buffer.concat([Buffer.from(SAMPLE_TEXT.slice(0, 40)), Buffer.from([0xff]), Buffer.from(SAMPLE_TEXT.slice(40))]),
    );
    const result = await run(['create', '--yes', invalid], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /invalid\.crm-module\.json is not valid UTF-8 at byte 40/);
    assert.equal(standIn.crmRequests('POST').length, 0);
    const text = SAMPLE_TEXT.replace(/"Zylkers?"/g, (label) => label.replace('Zylker', 'Gadget'));
    const created = await run(['create', '--yes', file('utf16.crm-module.json', utf16(text, false))], env);
    assert.equal(created.code, 0, created.stdout + created.stderr);
    assert.equal(standIn.crmRequests('POST')[0].body, text);
  });

  it('update reads its file once: the text checked is the text planned and sent', async () => {
    const pulled = path.join(dir, 'Shipments.crm-module.json');
    assert.equal((await run(['pull', '--force', '-o', pulled, 'Shipments'], env)).code, 0);
    const result = await run(['update', pulled], env, [COUNT_READS]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`reads ${pulled.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1\\n`));
  });

  it('the rules: U+FFFD is an INVALID_ENCODING error where it stands; a BOM is not a syntax error', () => {
    const marked = SAMPLE_TEXT.replace('"Zylkers"', '"Zylk\ufffdrs"');
    const findings = analyze(marked).findings.filter((finding) => finding.code === 'INVALID_ENCODING');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].offset, marked.indexOf('\ufffd'));
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /^U\+FFFD \(�\) marks bytes that were not valid UTF-8/);
    assert.deepEqual(analyze(`\ufeff${SAMPLE_TEXT}`).findings, []);
  });
});
