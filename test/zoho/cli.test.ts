import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { selfClientSignIn } from '../../client/src/zoho/signIn';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { body, SAMPLE_TEXT } from '../helpers/modules';
import { DEMO_CLIENT, startStandIn } from '../helpers/standIn';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('crm-module CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-cli-'));
  const file = (name: string, text: string) => { const full = path.join(dir, name); writeFileSync(full, text); return full; };
  const good = file('good.crm-module.json', SAMPLE_TEXT);
  const bad = file('bad.crm-module.json', body((m) => { m.api_name = 'Stock__'; m.profiles = []; }));
  let standIn: ZohoStandIn;
  let env: Record<string, string>;
  before(async () => {
    standIn = await startStandIn();
    const signIn = await selfClientSignIn({ clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret, code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.modules.ALL']), accountsServer: standIn.url });
    env = { ZOHO_CLIENT_ID: DEMO_CLIENT.clientId, ZOHO_CLIENT_SECRET: DEMO_CLIENT.clientSecret, ZOHO_REFRESH_TOKEN: signIn.refreshToken, ZOHO_ACCOUNTS_URL: standIn.url };
  });
  after(() => standIn.stop());

  it('lint: a clean file exits 0', async () => {
    const result = await run(['lint', good]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /1 file checked: 0 errors, 0 warnings/);
  });

  it('lint: errors exit 1 as file:line:col CODE message', async () => {
    const result = await run(['lint', good, bad]);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0], new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error MINIMUM_DATA_NOT_FOUND `));
    assert.ok(lines.some((line) => / error INVALID_DATA api_name must not end with an underscore/.test(line)));
  });

  it('lint --format json', async () => {
    const result = await run(['lint', '--format', 'json', bad]);
    const reports = JSON.parse(result.stdout);
    assert.equal(reports[0].file, bad);
    assert.deepEqual(reports[0].problems.map((problem: { code: string }) => problem.code).sort(), ['INVALID_DATA', 'INVALID_DATA', 'MINIMUM_DATA_NOT_FOUND']);
    assert.equal(typeof reports[0].problems[0].line, 'number');
  });

  it('lint: a missing file is an error, not a crash', async () => {
    const result = await run(['lint', path.join(dir, 'nope.json')]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /cannot read .*ENOENT/);
  });

  it('bad usage exits 2', async () => {
    assert.equal((await run(['lint'])).code, 2);
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['lint', '--format', 'xml', good])).code, 2);
    assert.equal((await run(['lint', good, '--format'])).code, 2);
  });

  it('an unknown option is a usage error naming it, never a file name', async () => {
    const result = await run(['lint', '--fromat', 'json', good]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^crm-module: unknown option --fromat\n/);
    assert.equal(result.stdout, '', 'nothing was linted');
  });

  it('--help for each command, and --version', async () => {
    for (const command of ['lint', 'create']) {
      const result = await run([command, '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`^Usage: crm-module ${command} \\[--format text\\|json\\]`));
    }
    assert.match((await run(['create', '--help'])).stdout, /ZOHO_REFRESH_TOKEN/);
    assert.match((await run(['help', 'lint'])).stdout, /offline/);
    const version = await run(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version);
  });

  it('create: prints the module id', async () => {
    const result = await run(['create', file('create.crm-module.json', body((m) => { m.plural_label = 'Gadgets'; m.singular_label = 'Gadget'; m.api_name = 'Gadgets'; }))], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Created module from .*: id \d{19}/);
    assert.equal(standIn.crmRequests('POST').length, 1);
  });

  it('create: Zoho\'s errors mapped to lines, exit 1', async () => {
    const text = body((m) => { m.plural_label = 'Leads'; m.singular_label = 'Lead Item'; m.api_name = 'Lead_Items'; });
    const result = await run(['create', file('dup.crm-module.json', text)], env);
    assert.equal(result.code, 1);
    const line = text.split('\n').findIndex((l) => l.includes('"plural_label"')) + 1;
    assert.match(result.stdout, new RegExp(`dup\\.crm-module\\.json:${line}:\\d+ error DUPLICATE_DATA`));
  });

  it('create: a file with errors is not sent', async () => {
    const before = standIn.crmRequests('POST').length;
    const result = await run(['create', bad], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /has errors; nothing was sent/);
    assert.equal(standIn.crmRequests('POST').length, before);
  });

  it('create: missing environment is explained', async () => {
    const result = await run(['create', good], {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN/);
  });

  it('create: a revoked refresh token says sign in again, and no secret is printed even verbosely', async () => {
    const result = await run(['create', good], { ...env, ZOHO_REFRESH_TOKEN: '1000.deadbeefdeadbeef.deadbeefdeadbeef', ZOHO_VERBOSE: '1' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Sign in again/);
    for (const secret of [DEMO_CLIENT.clientSecret, 'deadbeefdeadbeef']) assert.ok(!(result.stdout + result.stderr).includes(secret), secret);
  });

  it('create --format json, verbose log without secrets', async () => {
    const text = body((m) => { m.plural_label = 'Sprockets'; m.singular_label = 'Sprocket'; m.api_name = 'Sprockets'; });
    const result = await run(['create', '--format', 'json', file('json.crm-module.json', text)], { ...env, ZOHO_VERBOSE: '1' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).status, 'created');
    assert.match(result.stderr, /→ POST .*\/crm\/v7\/settings\/modules/);
    for (const secret of [DEMO_CLIENT.clientSecret, env.ZOHO_REFRESH_TOKEN]) assert.ok(!result.stderr.includes(secret));
    assert.doesNotMatch(result.stderr, /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/, 'no access token in the log');
  });
});
