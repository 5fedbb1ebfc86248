/**
 * plan and apply against the local Zoho, as a pipeline runs them: every state, the dependency order, the exit
 * codes, conflicts (a change made "in Zoho's web UI"), no false conflicts after our own writes or a pull, a run
 * stopped by a refusal finished by the next without sending anything twice, an unreadable state file.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CLI, runCli, standInEnvironment } from '../helpers/cli';
import { startStandIn } from '../helpers/standIn';

const SCOPES = [
  'ZohoCRM.settings.modules.ALL',
  'ZohoCRM.settings.fields.ALL',
  'ZohoCRM.settings.profiles.READ',
  'ZohoCRM.org.READ',
];
const ADMIN = '2423488000000015972';

const moduleText = (apiName: string, plural: string, singular: string) =>
  `${JSON.stringify({ modules: [{ plural_label: plural, singular_label: singular, profiles: [{ id: ADMIN }], api_name: apiName }] }, null, 2)}\n`;

describe('plan and apply', () => {
  let standIn: ZohoStandIn;
  let env: Record<string, string>;
  let dir: string;
  const run = (args: string[]) => runCli(args, env, { cwd: dir });
  const writes = () =>
    standIn
      .crmRequests()
      .filter((request) => request.method !== 'GET')
      .map((request) => `${request.method} ${request.path}`);
  const planJson = async () => {
    const result = await run(['plan', '--format', 'json']);
    return { code: result.code, plan: JSON.parse(result.stdout || '{}'), stderr: result.stderr };
  };
  const states = (plan: { modules: { name: string; state: string }[] }) =>
    Object.fromEntries(plan.modules.map((module) => [module.name, module.state]));

  before(async () => {
    standIn = await startStandIn();
    env = await standInEnvironment(standIn, SCOPES);
    dir = mkdtempSync(path.join(tmpdir(), 'crm-sync-'));
    // The org's Shipments, pulled; two new modules, the first of which looks up the second.
    assert.equal((await run(['pull', 'Shipments'])).code, 0);
    writeFileSync(path.join(dir, 'Alpha.crm-module.json'), moduleText('Alpha', 'Alphas', 'Alpha'));
    writeFileSync(
      path.join(dir, 'Alpha.crm-fields.json'),
      JSON.stringify({
        fields: [
          { field_label: 'Code', data_type: 'text', length: 20 },
          {
            field_label: 'Zeta Link',
            data_type: 'lookup',
            lookup: { module: { api_name: 'Zetas' }, display_label: 'Alphas' },
          },
        ],
      }),
    );
    writeFileSync(path.join(dir, 'Zetas.crm-module.json'), moduleText('Zetas', 'Zetas', 'Zeta'));
  });
  after(() => standIn.stop());

  it('plan writes nothing and exits 2 when something would change: new modules to create, the pulled one up to date', async () => {
    standIn.requests.length = 0;
    const { code, plan } = await planJson();
    assert.equal(code, 2);
    assert.deepEqual(states(plan), { Alpha: 'create', Shipments: 'up to date', Zetas: 'create' });
    assert.deepEqual(writes(), []);
    assert.match(plan.summary, /^Plan: 2 to create, 0 to update, 0 in conflict, 1 up to date\.$/);
  });

  it('apply without --yes in a pipeline sends nothing (exit 2); with it, a lookup’s target module comes first', async () => {
    standIn.requests.length = 0;
    const refused = await run(['apply']);
    assert.equal(refused.code, 2);
    assert.deepEqual(writes(), []);
    const applied = await run(['apply', '--yes']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    const posts = standIn.crmRequests('POST').map((request) => JSON.parse(request.body));
    assert.deepEqual(
      posts.map(
        (body) =>
          body.modules?.[0]?.api_name ?? body.fields.map((field: { field_label: string }) => field.field_label).join(),
      ),
      ['Zetas', 'Alpha', 'Code,Zeta Link'],
    );
    const state = JSON.parse(readFileSync(path.join(dir, '.crm-sync.json'), 'utf8'));
    const org = Object.keys(state.orgs)[0];
    assert.deepEqual(Object.keys(state.orgs[org].modules).sort(), ['Alpha', 'Shipments', 'Zetas']);
    assert.ok(!JSON.stringify(state).includes(env.ZOHO_REFRESH_TOKEN), 'no secret in the state file');
    const again = await planJson();
    assert.equal(again.code, 0, JSON.stringify(again.plan));
  });

  it('our own updates, one after another, never raise a conflict', async () => {
    const file = path.join(dir, 'Alpha.crm-module.json');
    for (let round = 1; round <= 5; round++) {
      writeFileSync(file, moduleText('Alpha', `Alphas ${round}`, 'Alpha'));
      const applied = await run(['apply', '--yes']);
      assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    }
    const { code, plan } = await planJson();
    assert.equal(code, 0, JSON.stringify(plan));
    assert.equal(states(plan).Alpha, 'up to date');
  });

  it('a change in the web UI where the file differs too is a conflict: apply stops, sends nothing, until --overwrite names it', async () => {
    await fetch(`${standIn.url}/__standin/modules`, {
      method: 'PATCH',
      body: JSON.stringify({ api_name: 'Zetas', plural_label: 'Zeds' }),
    });
    writeFileSync(path.join(dir, 'Zetas.crm-module.json'), moduleText('Zetas', 'Zetas Two', 'Zeta'));
    const { code, plan } = await planJson();
    assert.equal(code, 2);
    assert.equal(states(plan).Zetas, 'conflict');
    standIn.requests.length = 0;
    const stopped = await run(['apply', '--yes']);
    assert.equal(stopped.code, 1);
    assert.match(stopped.stdout, /Zetas: conflict, Zetas changed in the org since it was last pulled or sent/);
    assert.deepEqual(writes(), []);
    const forced = await run(['apply', '--yes', '--overwrite', 'Zetas']);
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.deepEqual(writes(), ['PUT /crm/v7/settings/modules/Zetas']);
  });

  it('a pull right after a change in the web UI is no conflict', async () => {
    await fetch(`${standIn.url}/__standin/fields`, {
      method: 'PATCH',
      body: JSON.stringify({ module: 'Alpha', api_name: 'Code', field_label: 'Product Code' }),
    });
    assert.equal((await run(['pull', '--force', 'Alpha'])).code, 0);
    const { code, plan } = await planJson();
    assert.equal(code, 0, JSON.stringify(plan));
  });

  it('a refusal stops apply, saying what was done; the next apply sends only the rest', async () => {
    const fieldsFile = path.join(dir, 'Zetas.crm-fields.json');
    writeFileSync(
      fieldsFile,
      JSON.stringify(
        {
          fields: [
            { field_label: 'Name', data_type: 'text' },
            { field_label: 'Depth', data_type: 'integer' },
          ],
        },
        null,
        2,
      ),
    );
    standIn.requests.length = 0;
    const stopped = await run(['apply', '--yes']);
    assert.equal(stopped.code, 1);
    assert.match(stopped.stdout, /Zetas\.crm-fields\.json:4:\d+ error DUPLICATE_DATA/);
    assert.match(stopped.stdout, /Apply stopped: Zetas: .*1 created, 1 refused/);
    writeFileSync(fieldsFile, readFileSync(fieldsFile, 'utf8').replace('"Name"', '"Nickname"'));
    standIn.requests.length = 0;
    const finished = await run(['apply', '--yes']);
    assert.equal(finished.code, 0, finished.stdout + finished.stderr);
    const posted = standIn.crmRequests('POST').map((request) => JSON.parse(request.body).fields);
    assert.deepEqual(posted, [[{ field_label: 'Nickname', data_type: 'text' }]], 'Depth is not sent twice');
  });

  it('an unreadable state file is said, and nothing is read or sent', async () => {
    const statePath = path.join(dir, '.crm-sync.json');
    const kept = readFileSync(statePath, 'utf8');
    writeFileSync(statePath, '{"version": 9}');
    standIn.requests.length = 0;
    const result = await run(['plan']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /\.crm-sync\.json is not a sync state of this version/);
    assert.deepEqual(writes(), []);
    writeFileSync(statePath, kept);
  });

  it('a file with errors stops apply before its first request', async () => {
    const bad = path.join(dir, 'Broken.crm-module.json');
    writeFileSync(bad, moduleText('Broken', 'Broken Things!', 'Broken Thing'));
    standIn.requests.length = 0;
    const result = await run(['apply', '--yes']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /Broken\.crm-module\.json has problems Zoho would refuse; nothing was sent/);
    assert.deepEqual(writes(), []);
    rmSync(bad);
  });

  it('an apply killed mid-run, run again, finishes without sending anything twice', async () => {
    for (const name of ['Kilns', 'Ovens'])
      writeFileSync(path.join(dir, `${name}.crm-module.json`), moduleText(name, name, name.slice(0, -1)));
    standIn.requests.length = 0;
    standIn.faults = { latencyMs: 150 };
    const child = spawn(process.execPath, [CLI, 'apply', '--yes'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    // Killed once the first module exists in the org, before its baseline is recorded or the second is sent.
    for (let tries = 0; tries < 300 && !standIn.modules.some((module) => module.api_name === 'Kilns'); tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    await exited;
    assert.ok(!standIn.modules.some((module) => module.api_name === 'Ovens'), 'the run was stopped midway');
    standIn.faults = {};
    const finished = await run(['apply', '--yes']);
    assert.equal(finished.code, 0, finished.stdout + finished.stderr);
    const created = standIn
      .crmRequests('POST')
      .filter((request) => request.path.endsWith('/settings/modules'))
      .map((request) => JSON.parse(request.body).modules[0].api_name);
    assert.deepEqual(created.sort(), ['Kilns', 'Ovens'], 'each module created once');
    assert.equal((await planJson()).code, 0);
  });

  it('two applies at once on one folder: the second says the first is running and sends nothing', async () => {
    writeFileSync(path.join(dir, 'Kilns.crm-module.json'), moduleText('Kilns', 'Kiln Rooms', 'Kiln'));
    writeFileSync(
      path.join(dir, '.crm-sync.lock'),
      JSON.stringify({ pid: 4242, host: 'build-7', since: new Date().toISOString() }),
    );
    standIn.requests.length = 0;
    const second = await run(['apply', '--yes']);
    assert.equal(second.code, 1);
    assert.match(
      second.stderr,
      /another Apply \(process 4242 on build-7, since .*\) is running on this folder; nothing was sent/,
    );
    assert.deepEqual(writes(), []);
    rmSync(path.join(dir, '.crm-sync.lock'));
    const alone = await run(['apply', '--yes']);
    assert.equal(alone.code, 0, alone.stdout + alone.stderr);
    assert.ok(!readFileSync(path.join(dir, '.crm-sync.json'), 'utf8').includes('lock'));
    assert.throws(() => readFileSync(path.join(dir, '.crm-sync.lock')), /ENOENT/, 'the lock goes with the run');
  });

  it('a create whose answer is lost mid-apply is looked up, recorded, and never sent again', async () => {
    writeFileSync(path.join(dir, 'Crates.crm-module.json'), moduleText('Crates', 'Crates', 'Crate'));
    standIn.requests.length = 0;
    standIn.faults = { dropAfterCreate: true };
    const applied = await run(['apply', '--yes']);
    standIn.faults = {};
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.equal(standIn.crmRequests('POST').filter((request) => request.path.endsWith('/settings/modules')).length, 1);
    const again = await run(['apply', '--yes']);
    assert.match(again.stdout, /Nothing to apply/);
    assert.equal(standIn.crmRequests('POST').filter((request) => request.path.endsWith('/settings/modules')).length, 1);
  });

  it("the local Zoho stamps modified_time on a module's create, update and web-UI change", async () => {
    const read = async () => {
      const answer = await fetch(`${standIn.url}/__standin/modules`);
      return ((await answer.json()) as { api_name: string; modified_time?: string }[]).find(
        (module) => module.api_name === 'Crates',
      )?.modified_time;
    };
    const created = await read();
    assert.match(created ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await fetch(`${standIn.url}/__standin/modules`, {
      method: 'PATCH',
      body: JSON.stringify({ api_name: 'Crates', plural_label: 'Boxes' }),
    });
    assert.notEqual(await read(), created);
  });
});
