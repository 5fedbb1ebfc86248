/**
 * Promotion between orgs, as a pipeline runs it: one folder written against the local Zoho's sandbox, applied
 * there, then planned and applied to its production through the environments file. Each write production
 * receives is read at the stand-in: its ids must be production's (by name), the files must not change, a name
 * production lacks must stop the run before any write, and no secret may reach an output or a file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_PROFILES, PROFILES, ZohoStandIn } from '../zohoStandIn/standIn';
import { runCli, standInEnvironment } from '../helpers/cli';
import { LOOPBACK_ONLY } from '../helpers/loopbackOnly';
import { startStandIn } from '../helpers/standIn';

const SCOPES = [
  'ZohoCRM.settings.modules.ALL',
  'ZohoCRM.settings.fields.ALL',
  'ZohoCRM.settings.profiles.READ',
  'ZohoCRM.settings.global_picklist.READ',
  'ZohoCRM.org.READ',
];
const idOf = (profiles: { id: string; name: string }[], name: string) =>
  profiles.find((profile) => profile.name === name)!.id;
const SANDBOX = {
  admin: idOf(SANDBOX_PROFILES, 'Administrator'),
  standard: idOf(SANDBOX_PROFILES, 'Standard'),
  testers: idOf(SANDBOX_PROFILES, 'Sandbox Testers'),
};
const PRODUCTION = { admin: idOf(PROFILES, 'Administrator'), standard: idOf(PROFILES, 'Standard') };

const environmentsFile = (extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      environments: {
        sandbox: {
          dataCenter: 'us',
          environment: 'sandbox',
          secrets: {
            clientId: 'ZOHO_SANDBOX_CLIENT_ID',
            clientSecret: 'ZOHO_SANDBOX_CLIENT_SECRET',
            refreshToken: 'ZOHO_SANDBOX_REFRESH_TOKEN',
          },
        },
        production: {
          dataCenter: 'us',
          secrets: {
            clientId: 'ZOHO_PRODUCTION_CLIENT_ID',
            clientSecret: 'ZOHO_PRODUCTION_CLIENT_SECRET',
            refreshToken: 'ZOHO_PRODUCTION_REFRESH_TOKEN',
          },
          ...extra,
        },
      },
    },
    null,
    2,
  );

describe('promotion from the sandbox to production', () => {
  let standIn: ZohoStandIn;
  let env: Record<string, string>;
  let dir: string;
  const outputs: string[] = [];
  // The environments file names Zoho's own hosts: each CLI run resolves every name to 127.0.0.1, so nothing
  // leaves this machine even if the overrides below were ignored.
  const run = async (args: string[], cwd = dir) => {
    const result = await runCli(args, env, { cwd, preload: [LOOPBACK_ONLY] });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const productionWrites = () =>
    standIn.crmRequests().filter((request) => request.method !== 'GET' && request.org === 'production');
  let moduleText: string;
  let fieldsText: string;

  before(async () => {
    standIn = await startStandIn();
    const [sandbox, production] = await Promise.all([
      standInEnvironment(standIn, SCOPES, 'sandbox'),
      standInEnvironment(standIn, SCOPES, 'production'),
    ]);
    env = {
      // Both orgs answer on the local Zoho's one host (a token belongs to one org, as in Zoho).
      ZOHO_ACCOUNTS_URL: standIn.url,
      ZOHO_API_DOMAIN: standIn.url,
      ZOHO_SANDBOX_CLIENT_ID: sandbox.ZOHO_CLIENT_ID,
      ZOHO_SANDBOX_CLIENT_SECRET: sandbox.ZOHO_CLIENT_SECRET,
      ZOHO_SANDBOX_REFRESH_TOKEN: sandbox.ZOHO_REFRESH_TOKEN,
      ZOHO_PRODUCTION_CLIENT_ID: production.ZOHO_CLIENT_ID,
      ZOHO_PRODUCTION_CLIENT_SECRET: production.ZOHO_CLIENT_SECRET,
      ZOHO_PRODUCTION_REFRESH_TOKEN: production.ZOHO_REFRESH_TOKEN,
    };
    dir = mkdtempSync(path.join(tmpdir(), 'crm-promote-'));
    writeFileSync(path.join(dir, 'crm-environments.json'), environmentsFile());
    moduleText = `${JSON.stringify(
      {
        modules: [
          {
            plural_label: 'Parcels',
            singular_label: 'Parcel',
            api_name: 'Parcels',
            profiles: [{ id: SANDBOX.admin }, { id: SANDBOX.standard }],
          },
        ],
      },
      null,
      2,
    )}\n`;
    fieldsText = `${JSON.stringify(
      {
        fields: [
          {
            field_label: 'Tracking',
            data_type: 'text',
            length: 30,
            profiles: [
              { id: SANDBOX.admin, permission_type: 'read_write' },
              { id: SANDBOX.standard, permission_type: 'read_only' },
            ],
          },
          {
            field_label: 'Recipient',
            data_type: 'lookup',
            lookup: { module: { api_name: 'Contacts', id: '5553001000000002179' }, display_label: 'Parcels' },
          },
          {
            field_label: 'Region',
            data_type: 'picklist',
            global_picklist: { id: '5553001000000700011', api_name: 'Regions' },
          },
        ],
      },
      null,
      2,
    )}\n`;
    writeFileSync(path.join(dir, 'Parcels.crm-module.json'), moduleText);
    writeFileSync(path.join(dir, 'Parcels.crm-fields.json'), fieldsText);
  });
  after(() => standIn.stop());

  it('creates the folder in the sandbox with its own ids', async () => {
    const applied = await run(['apply', '--env', 'sandbox', '--yes']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.ok(standIn.orgs.sandbox.modules.some((module) => module.api_name === 'Parcels'));
    assert.ok(!standIn.orgs.production.modules.some((module) => module.api_name === 'Parcels'));
    const plan = await run(['plan', '--env', 'sandbox']);
    assert.equal(plan.code, 0, plan.stdout + plan.stderr);
    assert.doesNotMatch(plan.stdout, /Ids mapped/, 'the files carry the sandbox ids: nothing to map');
  });

  it("plans against production from production's side, with the mapping as a table", async () => {
    const plan = await run(['plan', '--env', 'production']);
    assert.equal(plan.code, 2, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /Parcels: create/);
    assert.match(
      plan.stdout,
      /Ids mapped by name from sandbox \(127\.0\.0\.1:\d+\) to production \(127\.0\.0\.1:\d+\):/,
    );
    assert.match(plan.stdout, new RegExp(`profile Administrator +${SANDBOX.admin} → ${PRODUCTION.admin}`));
    assert.match(plan.stdout, new RegExp(`profile Standard +${SANDBOX.standard} → ${PRODUCTION.standard}`));
    assert.match(plan.stdout, /lookup module Contacts +5553001000000002179 → 2423488000000002179/);
    assert.match(plan.stdout, /global picklist Regions +5553001000000700011 → 2423488000000700011/);
  });

  it("sends production's ids in every write, request by request, and leaves the files as they were", async () => {
    standIn.requests.length = 0;
    const applied = await run(['apply', '--env', 'production', '--yes']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    const writes = productionWrites();
    assert.deepEqual(
      writes.map((request) => `${request.method} ${request.path}`),
      ['POST /crm/v7/settings/modules', 'POST /crm/v7/settings/fields'],
    );
    const module = JSON.parse(writes[0].body).modules[0];
    assert.deepEqual(module.profiles, [{ id: PRODUCTION.admin }, { id: PRODUCTION.standard }]);
    const fields = JSON.parse(writes[1].body).fields;
    assert.deepEqual(
      fields[0].profiles.map((profile: { id: string }) => profile.id),
      [PRODUCTION.admin, PRODUCTION.standard],
    );
    assert.equal(fields[1].lookup.module.id, '2423488000000002179');
    assert.equal(fields[2].global_picklist.id, '2423488000000700011');
    for (const request of writes) assert.doesNotMatch(request.body, /5553001/, 'no sandbox id reaches production');
    assert.ok(
      standIn.crmRequests().every((request) => request.org === 'production'),
      'nothing went to the sandbox',
    );
    assert.equal(readFileSync(path.join(dir, 'Parcels.crm-module.json'), 'utf8'), moduleText);
    assert.equal(readFileSync(path.join(dir, 'Parcels.crm-fields.json'), 'utf8'), fieldsText);
  });

  it('plans against production afterwards as up to date, and the sandbox too: each org has its baseline', async () => {
    for (const environment of ['production', 'sandbox']) {
      const plan = await run(['plan', '--env', environment]);
      assert.equal(plan.code, 0, `${environment}: ${plan.stdout}${plan.stderr}`);
      assert.match(
        plan.stdout,
        /Parcels: up to date/,
        (await run(['plan', '--env', environment, '--format', 'json'])).stdout,
      );
    }
    const state = JSON.parse(readFileSync(path.join(dir, '.crm-sync.json'), 'utf8'));
    assert.deepEqual(Object.keys(state.orgs).sort(), [standIn.orgs.production.id, standIn.orgs.sandbox.id].sort());
    assert.equal(state.orgs[standIn.orgs.sandbox.id].names.profiles[SANDBOX.admin], 'Administrator');
  });

  it('lint --org checks the files as production would receive them', async () => {
    const linted = await run([
      'lint',
      '--org',
      '--env',
      'production',
      'Parcels.crm-module.json',
      'Parcels.crm-fields.json',
    ]);
    assert.equal(linted.code, 0, linted.stdout + linted.stderr);
    // Without the sandbox recorded, its ids are production's unknown profiles.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'crm-promote-lint-'));
    writeFileSync(path.join(elsewhere, 'crm-environments.json'), environmentsFile());
    writeFileSync(path.join(elsewhere, 'Parcels.crm-module.json'), moduleText);
    const unknown = await run(['lint', '--org', '--env', 'production', 'Parcels.crm-module.json'], elsewhere);
    assert.equal(unknown.code, 1, unknown.stdout + unknown.stderr);
    assert.match(unknown.stdout, /has no profile 5553001000000015011/);
  });

  it('stops before any write when production lacks a profile, naming it and the file', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'crm-promote-missing-'));
    writeFileSync(path.join(other, 'crm-environments.json'), environmentsFile());
    writeFileSync(path.join(other, '.crm-sync.json'), readFileSync(path.join(dir, '.crm-sync.json')));
    const file = path.join(other, 'Crates.crm-module.json');
    writeFileSync(
      file,
      JSON.stringify({
        modules: [
          {
            plural_label: 'Crates',
            singular_label: 'Crate',
            api_name: 'Crates',
            profiles: [{ id: SANDBOX.admin }, { id: SANDBOX.testers }],
          },
        ],
      }),
    );
    // The sandbox knows the profile (its names are recorded when the folder is applied there).
    assert.equal((await run(['apply', '--env', 'sandbox', '--yes'], other)).code, 0);
    standIn.requests.length = 0;
    const applied = await run(['apply', '--env', 'production', '--yes'], other);
    assert.equal(applied.code, 1, applied.stdout + applied.stderr);
    assert.match(
      applied.stdout + applied.stderr,
      /Crates\.crm-module\.json: production \(.*\) has no profile named "Sandbox Testers"/,
    );
    assert.match(applied.stderr, /Nothing was sent/);
    assert.deepEqual(
      standIn.crmRequests().filter((request) => request.method !== 'GET'),
      [],
      'no write at all',
    );
    // A rename in the environments file maps it.
    writeFileSync(
      path.join(other, 'crm-environments.json'),
      environmentsFile({ profiles: { 'Sandbox Testers': 'Standard' } }),
    );
    const renamed = await run(['apply', '--env', 'production', '--yes'], other);
    assert.equal(renamed.code, 0, renamed.stdout + renamed.stderr);
    const created = standIn.orgs.production.modules.find((module) => module.api_name === 'Crates')!;
    assert.deepEqual(
      created.profiles!.map((profile) => profile.id),
      [PRODUCTION.admin, PRODUCTION.standard],
    );
  });

  it('create and update of one file map its ids too', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'crm-promote-one-'));
    writeFileSync(path.join(other, 'crm-environments.json'), environmentsFile());
    const file = path.join(other, 'Totes.crm-module.json');
    const module = {
      plural_label: 'Totes',
      singular_label: 'Tote',
      api_name: 'Totes',
      profiles: [{ id: SANDBOX.admin }, { id: SANDBOX.standard }],
    };
    writeFileSync(file, JSON.stringify({ modules: [module] }));
    assert.equal((await run(['create', '--env', 'sandbox', '--yes', file], other)).code, 0);
    standIn.requests.length = 0;
    const created = await run(['create', '--env', 'production', '--yes', file], other);
    assert.equal(created.code, 0, created.stdout + created.stderr);
    assert.match(created.stderr, /Ids mapped by name from sandbox .* to production/);
    const post = productionWrites()[0];
    assert.deepEqual(JSON.parse(post.body).modules[0].profiles, [
      { id: PRODUCTION.admin },
      { id: PRODUCTION.standard },
    ]);
    writeFileSync(file, JSON.stringify({ modules: [{ ...module, singular_label: 'Tote Bag' }] }));
    // diff compares as update sends: the same profiles by name are no difference, the label is.
    const diff = await run(['diff', '--env', 'production', file], other);
    assert.equal(diff.code, 1, diff.stdout + diff.stderr);
    assert.doesNotMatch(diff.stdout, /profiles/);
    assert.match(diff.stdout, /singular_label/);
    standIn.requests.length = 0;
    const updated = await run(['update', '--env', 'production', file], other);
    assert.equal(updated.code, 0, updated.stdout + updated.stderr);
    const puts = productionWrites();
    assert.deepEqual(
      puts.map((request) => request.method),
      ['PUT'],
    );
    assert.doesNotMatch(puts[0].body, /5553001/);
    assert.doesNotMatch(updated.stderr, /profiles/, 'the same profiles by name: no difference to send');
  });

  it('rewrites a file for one org only when asked, and asks first', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'crm-promote-rewrite-'));
    writeFileSync(path.join(other, 'crm-environments.json'), environmentsFile());
    writeFileSync(path.join(other, '.crm-sync.json'), readFileSync(path.join(dir, '.crm-sync.json')));
    const file = path.join(other, 'Parcels.crm-module.json');
    writeFileSync(file, moduleText);
    const unasked = await run(['map-ids', '--env', 'production', file], other);
    assert.equal(unasked.code, 2, unasked.stdout + unasked.stderr);
    assert.match(unasked.stderr, /Nothing was written\. Add --yes/);
    assert.equal(readFileSync(file, 'utf8'), moduleText);
    const rewritten = await run(['map-ids', '--env', 'production', '--yes', file], other);
    assert.equal(rewritten.code, 0, rewritten.stdout + rewritten.stderr);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).modules[0].profiles, [
      { id: PRODUCTION.admin },
      { id: PRODUCTION.standard },
    ]);
    const again = await run(['map-ids', '--env', 'production', '--yes', file], other);
    assert.match(again.stdout, /Nothing to rewrite/);
  });

  it('refuses an environments file that holds a secret, without repeating it or sending anything', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'crm-promote-secret-'));
    const leaked = env.ZOHO_PRODUCTION_REFRESH_TOKEN;
    writeFileSync(
      path.join(other, 'crm-environments.json'),
      environmentsFile({
        secrets: {
          clientId: 'ZOHO_PRODUCTION_CLIENT_ID',
          clientSecret: 'ZOHO_PRODUCTION_CLIENT_SECRET',
          refreshToken: leaked,
        },
      }),
    );
    standIn.requests.length = 0;
    const refused = await run(['plan', '--env', 'production'], other);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /holds a secret at environments\.production\.secrets\.refreshToken/);
    assert.match(refused.stderr, /Nothing was read or sent/);
    assert.ok(!(refused.stdout + refused.stderr).includes(leaked));
    assert.deepEqual(standIn.requests, [], 'not even a token refresh');
    // A variable outside ZOHO_ (another tool's secret) and a host that is not Zoho's are refused too.
    for (const [extra, problem] of [
      [
        { secrets: { clientId: 'ZOHO_X', clientSecret: 'AWS_SECRET_ACCESS_KEY', refreshToken: 'ZOHO_Y' } },
        /secrets\.clientSecret names an environment variable starting with ZOHO_/,
      ],
      [{ apiDomain: 'https://zoho.example.test' }, /apiDomain must be one of Zoho's API hosts/],
    ] as const) {
      writeFileSync(path.join(other, 'crm-environments.json'), environmentsFile(extra));
      const result = await run(['plan', '--env', 'production'], other);
      assert.equal(result.code, 2);
      assert.match(result.stderr, problem);
    }
  });

  it('leaves no secret in any output or file', async () => {
    const issued = (await (await fetch(`${standIn.url}/__standin/issued-secrets`)).json()) as Record<string, string[]>;
    const secrets = [
      ...Object.values(issued).flat(),
      env.ZOHO_SANDBOX_CLIENT_SECRET,
      env.ZOHO_PRODUCTION_CLIENT_SECRET,
    ];
    const files = readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8'));
    for (const text of [...outputs, ...files])
      for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret was written');
  });
});
