import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { body, SAMPLE_TEXT } from '../helpers/modules';
import { runCli, standInEnvironment } from '../helpers/cli';
import { DEMO_CLIENT, startStandIn } from '../helpers/standIn';

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, env);

describe('crm-module CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-cli-'));
  const file = (name: string, text: string) => {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return full;
  };
  const good = file('good.crm-module.json', SAMPLE_TEXT);
  const bad = file(
    'bad.crm-module.json',
    body((m) => {
      m.api_name = 'Stock__';
      m.profiles = [];
    }),
  );
  let standIn: ZohoStandIn;
  let env: Record<string, string>;
  before(async () => {
    standIn = await startStandIn();
    env = await standInEnvironment(standIn);
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
    assert.match(
      lines[0],
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error MINIMUM_DATA_NOT_FOUND `),
    );
    assert.ok(lines.some((line) => / error INVALID_DATA api_name must not end with an underscore/.test(line)));
  });

  it('lint: a fields file is checked by the fields rules (told by its name); diff of one whose module the org lacks sends nothing', async () => {
    const fields = file(
      'stocks.crm-fields.json',
      JSON.stringify({ fields: [{ field_label: 'Region', data_type: 'decimal' }] }, null, 2),
    );
    const result = await run(['lint', good, fields]);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /stocks\.crm-fields\.json:5:20 error INVALID_DATA "decimal" is not a valid data_type: did you mean "double"\?\n/,
    );
    assert.match(result.stdout, /2 files checked: 1 error, 0 warnings/);
    standIn.requests.length = 0;
    const diff = await run(['diff', fields], env);
    assert.equal(diff.code, 2);
    assert.match(
      diff.stderr,
      /has no module stocks \(the module of .*stocks\.crm-fields\.json: its sibling module file's api_name, else its name\)/,
    );
    assert.deepEqual(
      standIn.crmRequests().map((request) => request.method),
      ['GET'],
      'one look for the module, nothing else',
    );
  });

  it("create: a fields file adds its fields to its module (the file's name), each refusal at its line; a re-run sends only the rest", async () => {
    const fieldsEnv = await standInEnvironment(standIn, ['ZohoCRM.settings.fields.ALL', 'ZohoCRM.org.READ']);
    const text = JSON.stringify(
      {
        fields: [
          { field_label: 'Carrier', data_type: 'text' },
          { field_label: 'Weight', data_type: 'double' },
          { field_label: 'Name', data_type: 'text' },
        ],
      },
      null,
      2,
    );
    const fields = file('Shipments.crm-fields.json', text);
    const first = await run(['create', '--yes', fields], fieldsEnv);
    assert.equal(first.code, 1, first.stdout + first.stderr);
    assert.match(
      first.stdout,
      /Shipments\.crm-fields\.json:12:22 error DUPLICATE_DATA Field label duplicate \(field_label\)\.\n/,
    );
    assert.match(first.stdout, /2 of 3 fields created in Shipments; 1 refused\.\n$/);
    writeFileSync(fields, text.replace('"Name"', '"Consignee"'));
    standIn.requests.length = 0;
    const again = await run(['create', '--yes', '--format', 'json', fields], fieldsEnv);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    const posted = standIn.crmRequests('POST').map((request) => JSON.parse(request.body).fields);
    assert.deepEqual(posted, [[{ field_label: 'Consignee', data_type: 'text' }]]);
    assert.equal(JSON.parse(again.stdout).message, '1 of 3 fields created in Shipments; 2 already there (not sent).');
  });

  it('lint --format json', async () => {
    const result = await run(['lint', '--format', 'json', bad]);
    const reports = JSON.parse(result.stdout);
    assert.equal(reports[0].file, bad);
    assert.deepEqual(reports[0].problems.map((problem: { code: string }) => problem.code).sort(), [
      'INVALID_DATA',
      'INVALID_DATA',
      'MINIMUM_DATA_NOT_FOUND',
    ]);
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
    for (const command of ['lint', 'create', 'profiles', 'pull', 'diff', 'update', 'snapshot']) {
      const result = await run([command, '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`^Usage: crm-module ${command} `));
    }
    assert.match((await run(['create', '--help'])).stdout, /ZOHO_REFRESH_TOKEN/);
    assert.match((await run(['help', 'lint'])).stdout, /offline/);
    const version = await run(['--version']);
    assert.equal(version.code, 0);
    assert.equal(
      version.stdout.trim(),
      JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version,
    );
  });

  it('--api-version (or ZOHO_API_VERSION) chooses the rules and the path; anything but v7 or v8 is a usage error', async () => {
    const team = file(
      'team.crm-module.json',
      '{"modules": [{"plural_label": "Crews", "singular_label": "Crew", "api_name": "Crews", "access_type": "team_based"}]}',
    );
    assert.equal((await run(['lint', team])).code, 1);
    assert.equal((await run(['lint', '--api-version', 'v8', team])).code, 0);
    assert.equal((await run(['lint', team], { ZOHO_API_VERSION: 'v8' })).code, 0);
    const bad = await run(['lint', '--api-version', 'v9', team]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /takes v7 or v8, not v9/);
    const created = await run(['create', '--yes', '--api-version', 'v8', team], env);
    assert.equal(created.code, 0, created.stderr);
    assert.ok(standIn.crmRequests('POST').some((request) => request.path === '/crm/v8/settings/modules'));
  });

  it('create: prints the module id', async () => {
    const before = standIn.crmRequests('POST').length;
    const result = await run(
      [
        'create',
        '--yes',
        file(
          'create.crm-module.json',
          body((m) => {
            m.plural_label = 'Gadgets';
            m.singular_label = 'Gadget';
            m.api_name = 'Gadgets';
          }),
        ),
      ],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Created module from .*: id \d{19}/);
    assert.equal(standIn.crmRequests('POST').length, before + 1);
  });

  it("create: Zoho's errors mapped to lines, exit 1", async () => {
    const text = body((m) => {
      m.plural_label = 'Leads';
      m.singular_label = 'Lead Item';
      m.api_name = 'Lead_Items';
    });
    const result = await run(['create', '--yes', file('dup.crm-module.json', text)], env);
    assert.equal(result.code, 1);
    const line = text.split('\n').findIndex((l) => l.includes('"plural_label"')) + 1;
    assert.match(result.stdout, new RegExp(`dup\\.crm-module\\.json:${line}:\\d+ error DUPLICATE_DATA`));
  });

  it('create in a production org without --yes: nothing sent, exit 2, saying how', async () => {
    const before = standIn.crmRequests('POST').length;
    const result = await run(
      [
        'create',
        file(
          'prod.crm-module.json',
          body((m) => {
            m.plural_label = 'Gizmos';
            m.singular_label = 'Gizmo';
            m.api_name = 'Gizmos';
          }),
        ),
      ],
      env,
    );
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /Zylker Local \(127\.0\.0\.1:\d+\) is a production org: nothing was sent\. Add --yes to create "Gizmos" there\./,
    );
    assert.equal(standIn.crmRequests('POST').length, before);
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
    const result = await run(['create', good], {
      ...env,
      ZOHO_REFRESH_TOKEN: '1000.deadbeefdeadbeef.deadbeefdeadbeef',
      ZOHO_VERBOSE: '1',
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Sign in again/);
    for (const secret of [DEMO_CLIENT.clientSecret, 'deadbeefdeadbeef'])
      assert.ok(!(result.stdout + result.stderr).includes(secret), secret);
  });

  it('create --format json, verbose log without secrets', async () => {
    const text = body((m) => {
      m.plural_label = 'Sprockets';
      m.singular_label = 'Sprocket';
      m.api_name = 'Sprockets';
    });
    const result = await run(['create', '--yes', '--format', 'json', file('json.crm-module.json', text)], {
      ...env,
      ZOHO_VERBOSE: '1',
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).status, 'created');
    assert.match(result.stderr, /→ POST .*\/crm\/v7\/settings\/modules/);
    for (const secret of [DEMO_CLIENT.clientSecret, env.ZOHO_REFRESH_TOKEN]) assert.ok(!result.stderr.includes(secret));
    assert.doesNotMatch(result.stderr, /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/, 'no access token in the log');
  });

  describe('the org verbs', () => {
    let orgEnv: Record<string, string>;
    before(async () => {
      const signIn = await selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, [
          'ZohoCRM.settings.modules.ALL',
          'ZohoCRM.settings.fields.ALL',
          'ZohoCRM.settings.profiles.READ',
        ]),
        accountsServer: standIn.url,
      });
      orgEnv = { ...env, ZOHO_REFRESH_TOKEN: signIn.refreshToken };
    });
    const requests = () => standIn.crmRequests().map((request) => `${request.method} ${request.path}`);

    it('profiles: each id, name and type; JSON too', async () => {
      const text = await run(['profiles'], orgEnv);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^2423488000000015972 {2}Administrator {2}\(normal profile\)$/m);
      assert.match(text.stdout, /^2423488000000015981 {2}Customer Portal {2}\(portal profile\)$/m);
      const json = await run(['profiles', '--format', 'json'], orgEnv);
      assert.deepEqual(JSON.parse(json.stdout)[2], {
        id: '2423488000000015978',
        name: 'Sales Lite',
        type: 'lite_profile',
      });
    });

    it('profiles without the scope: one message naming the scope, exit 1', async () => {
      const result = await run(['profiles'], env);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /does not grant ZohoCRM\.settings\.profiles\.READ/);
    });

    it('lint stays offline; lint --org adds the org rules (three GETs) at file:line:col', async () => {
      const text = body((m) => {
        m.plural_label = 'Deals';
        m.singular_label = 'Deal Item';
        m.api_name = 'Deal_Items';
        m.profiles = [{ id: '2423488000000099999' }];
      });
      const lintMe = file('org.crm-module.json', text);
      standIn.requests.length = 0;
      const offline = await run(['lint', lintMe], orgEnv);
      assert.equal(offline.code, 0, offline.stdout);
      assert.deepEqual(standIn.requests, []);
      const online = await run(['lint', '--org', lintMe], orgEnv);
      assert.equal(online.code, 1, online.stderr);
      const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
      assert.match(
        online.stdout,
        new RegExp(
          `org\\.crm-module\\.json:${line('"Deals"')}:\\d+ error DUPLICATE_DATA Standard module "Deals" of Zylker Local \\(127\\.0\\.0\\.1:\\d+\\) already has this label`,
        ),
      );
      assert.match(
        online.stdout,
        new RegExp(
          `org\\.crm-module\\.json:${line('2423488000000099999')}:\\d+ error INVALID_DATA Zylker Local \\(127\\.0\\.0\\.1:\\d+\\) has no profile 2423488000000099999`,
        ),
      );
      assert.deepEqual(requests().sort(), [
        'GET /crm/v7/org',
        'GET /crm/v7/settings/modules',
        'GET /crm/v7/settings/profiles',
      ]);
    });

    it('pull writes the module file (default name, or -o) and its fields file beside it; an unknown module exits 1', async () => {
      const out = path.join(dir, 'pulled.crm-module.json');
      const result = await run(['pull', '-o', out, 'Shipments'], orgEnv);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /Wrote .*pulled\.crm-fields\.json from the custom fields of Shipments/);
      const fields = path.join(dir, 'pulled.crm-fields.json');
      assert.deepEqual(
        JSON.parse(readFileSync(fields, 'utf8')).fields.map((field: { api_name: string }) => field.api_name),
        ['Carrier', 'Weight', 'Consignee'],
      );
      assert.equal((await run(['lint', fields])).code, 0);
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).modules[0], {
        plural_label: 'Shipments',
        singular_label: 'Shipment',
        profiles: [{ id: '2423488000000015972' }, { id: '2423488000000015975' }],
        api_name: 'Shipments',
      });
      const lint = await run(['lint', out]);
      assert.equal(lint.code, 0, lint.stdout);
      const missing = await run(['pull', 'No_Such_Module'], orgEnv);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /has no module No_Such_Module/);
    });

    it('diff: 0 without differences, 1 with (printed), 2 for a module the org lacks', async () => {
      const out = path.join(dir, 'Shipments.crm-module.json');
      await run(['pull', '-o', out, 'Shipments'], orgEnv);
      assert.equal((await run(['diff', out], orgEnv)).code, 0);
      writeFileSync(out, readFileSync(out, 'utf8').replace('"plural_label": "Shipments"', '"plural_label": "Cargo"'));
      const changed = await run(['diff', out], orgEnv);
      assert.equal(changed.code, 1);
      assert.match(changed.stdout, /plural_label: "Shipments" → "Cargo"/);
      const json = await run(['diff', '--format', 'json', out], orgEnv);
      assert.deepEqual(JSON.parse(json.stdout).differences, ['plural_label: "Shipments" → "Cargo"']);
      const none = await run(
        [
          'diff',
          file(
            'none.crm-module.json',
            body((m) => {
              m.api_name = 'Not_There';
            }),
          ),
        ],
        orgEnv,
      );
      assert.equal(none.code, 2);
      assert.equal((await run(['diff', path.join(dir, 'missing.crm-module.json')], orgEnv)).code, 2);
    });

    it("update: one PUT without asking; then nothing to send; Zoho's refusal at the file's line", async () => {
      const out = path.join(dir, 'Shipments.crm-module.json');
      await run(['pull', '--force', '-o', out, 'Shipments'], orgEnv);
      writeFileSync(out, readFileSync(out, 'utf8').replace('"plural_label": "Shipments"', '"plural_label": "Freight"'));
      standIn.requests.length = 0;
      const result = await run(['update', out], orgEnv);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Updated Shipments in 127\.0\.0\.1:\d+ from/);
      assert.equal(standIn.crmRequests('PUT').length, 1);
      assert.equal(standIn.modules.find((module) => module.api_name === 'Shipments')?.plural_label, 'Freight');
      const again = await run(['update', out], orgEnv);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /already matches/);
      assert.equal(standIn.crmRequests('PUT').length, 1);
      const clash = readFileSync(out, 'utf8').replace('"plural_label": "Freight"', '"plural_label": "Contacts"');
      writeFileSync(out, clash);
      const refused = await run(['update', out], orgEnv);
      assert.equal(refused.code, 1);
      assert.match(
        refused.stdout,
        new RegExp(
          `Shipments\\.crm-module\\.json:${clash.split('\n').findIndex((l) => l.includes('"Contacts"')) + 1}:\\d+ error DUPLICATE_DATA`,
        ),
      );
      writeFileSync(
        out,
        readFileSync(out, 'utf8').replace('"plural_label": "Contacts"', '"plural_label": "Shipments"'),
      );
      assert.equal((await run(['update', out], orgEnv)).code, 0);
    });

    it('pull of a standard module writes only its fields file; --fields-only does so for a custom one', async () => {
      const fieldsDir = mkdtempSync(path.join(tmpdir(), 'crm-fields-'));
      const leads = path.join(fieldsDir, 'Leads.crm-fields.json');
      const standard = await run(['pull', '-o', leads, 'Leads'], orgEnv);
      assert.equal(standard.code, 0, standard.stderr);
      assert.match(standard.stderr, /Leads is one of Zoho's standard modules: only its fields are pulled/);
      assert.match(standard.stderr, /Leads has no custom fields: no fields file was written/, 'system fields are not');
      assert.ok(!existsSync(leads));
      const only = path.join(fieldsDir, 'Shipments.crm-fields.json');
      const custom = await run(['pull', '--fields-only', '-o', only, 'Shipments'], orgEnv);
      assert.equal(custom.code, 0, custom.stderr);
      assert.ok(!existsSync(path.join(fieldsDir, 'Shipments.crm-module.json')));
    });

    it('diff and update of a fields file: field by field; POST and PATCH; deletions only with --allow-delete', async () => {
      const fieldsDir = mkdtempSync(path.join(tmpdir(), 'crm-fields-'));
      const fields = path.join(fieldsDir, 'Shipments.crm-fields.json');
      await run(['pull', '--fields-only', '-o', fields, 'Shipments'], orgEnv);
      assert.equal((await run(['diff', fields], orgEnv)).code, 0);
      const body = JSON.parse(readFileSync(fields, 'utf8'));
      const carrier = body.fields.find((field: { api_name: string }) => field.api_name === 'Carrier');
      carrier.field_label = 'Courier';
      body.fields = body.fields.filter((field: { api_name: string }) => field.api_name !== 'Weight');
      body.fields.push({ field_label: 'Fragile', data_type: 'boolean' });
      writeFileSync(fields, JSON.stringify(body, null, 2));
      const diff = await run(['diff', '--format', 'json', fields], orgEnv);
      assert.equal(diff.code, 1);
      assert.deepEqual(JSON.parse(diff.stdout).differences, [
        '~ Carrier: field_label: "Carrier" → "Courier"',
        '+ "Fragile": new boolean field',
        '− Weight: in Shipments, not in the file',
      ]);
      standIn.requests.length = 0;
      const update = await run(['update', fields], orgEnv);
      assert.equal(update.code, 0, update.stdout + update.stderr);
      assert.match(update.stderr, /Left alone: Weight \(--allow-delete deletes them\)/);
      assert.match(update.stdout, /Fields of Shipments: 1 created, 1 updated\.\n$/);
      assert.deepEqual(
        standIn
          .crmRequests()
          .filter((request) => request.method !== 'GET')
          .map((request) => request.method),
        ['POST', 'PATCH'],
      );
      const again = await run(['update', fields], orgEnv);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /already match .* nothing was sent/);
      standIn.requests.length = 0;
      const deleting = await run(['update', '--allow-delete', fields], orgEnv);
      assert.equal(deleting.code, 0, deleting.stdout + deleting.stderr);
      assert.match(deleting.stdout, /Fields of Shipments: 1 deleted\.\n$/);
      assert.deepEqual(
        standIn
          .crmRequests()
          .filter((request) => request.method !== 'GET')
          .map((request) => request.method),
        ['DELETE'],
      );
      assert.equal((await run(['diff', fields], orgEnv)).code, 0);
      // A change Zoho never makes is printed, not sent; the rest goes.
      writeFileSync(fields, readFileSync(fields, 'utf8').replace('"data_type": "boolean"', '"data_type": "text"'));
      standIn.requests.length = 0;
      const fixed = await run(['update', fields], orgEnv);
      assert.equal(fixed.code, 0);
      assert.match(fixed.stderr, /data_type: "boolean" → "text" \(Zoho cannot change a field's data_type; not sent\)/);
      assert.equal(standIn.crmRequests('PATCH').length, 0);
    });

    it('create on a module file with a fields file beside it: both checked first, then the module, then its fields', async () => {
      const pairDir = mkdtempSync(path.join(tmpdir(), 'crm-pair-'));
      const moduleFile = path.join(pairDir, 'Parcels.crm-module.json');
      const fieldsFile = path.join(pairDir, 'Parcels.crm-fields.json');
      writeFileSync(
        moduleFile,
        body((m) => {
          m.plural_label = 'Parcels';
          m.singular_label = 'Parcel';
          delete m.api_name;
        }),
      );
      writeFileSync(fieldsFile, JSON.stringify({ fields: [{ field_label: 'Weight', data_type: 'decimal' }] }));
      standIn.requests.length = 0;
      const broken = await run(['create', '--yes', moduleFile], orgEnv);
      assert.equal(broken.code, 1);
      assert.match(
        broken.stdout,
        /Parcels\.crm-fields\.json:1:\d+ error INVALID_DATA "decimal" is not a valid data_type/,
      );
      assert.deepEqual(
        standIn.crmRequests().filter((request) => request.method !== 'GET'),
        [],
        'nothing sent while either file has errors',
      );
      writeFileSync(
        fieldsFile,
        JSON.stringify({
          fields: [
            { field_label: 'Weight', data_type: 'double' },
            { field_label: 'Fragile', data_type: 'boolean' },
          ],
        }),
      );
      const created = await run(['create', '--yes', moduleFile], orgEnv);
      assert.equal(created.code, 0, created.stdout + created.stderr);
      assert.match(
        created.stdout,
        /^Created module from .*Parcels\.crm-module\.json: id \d+\n2 of 2 fields created in Parcels\.\n$/,
      );
      assert.deepEqual(
        standIn.fields
          .list('Parcels')
          .filter((field) => field.custom_field)
          .map((field) => field.api_name),
        ['Weight', 'Fragile'],
      );
    });

    it("lint --org checks a fields file against its module's fields: a label the module has is DUPLICATE_DATA", async () => {
      const fieldsDir = mkdtempSync(path.join(tmpdir(), 'crm-fields-'));
      const fields = path.join(fieldsDir, 'Leads.crm-fields.json');
      writeFileSync(
        fields,
        JSON.stringify(
          {
            fields: [
              { field_label: 'Tier', data_type: 'text' },
              { field_label: 'Lead Source', data_type: 'text' },
            ],
          },
          null,
          2,
        ),
      );
      standIn.requests.length = 0;
      const result = await run(['lint', '--org', fields], orgEnv);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /Leads\.crm-fields\.json:8:\d+ error DUPLICATE_DATA Zoho's system field "Lead Source" \(Lead_Source\) of Leads in Zylker Local/,
      );
      assert.ok(requests().includes('GET /crm/v7/settings/fields'), requests().join());
    });

    it('create for a module the org already has: no POST, exit 1 naming update', async () => {
      const out = path.join(dir, 'Shipments.crm-module.json');
      await run(['pull', '--force', '-o', out, 'Shipments'], orgEnv);
      standIn.requests.length = 0;
      const result = await run(['create', out], orgEnv);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /already has the module Shipments; nothing was sent\. Use crm-module update/);
      assert.equal(standIn.crmRequests('POST').length, 0);
    });

    it('snapshot -o writes what a language server reads; no secret in any output, verbosely', async () => {
      const out = path.join(dir, 'org-snapshot.json');
      const result = await run(['snapshot', '-o', out], { ...orgEnv, ZOHO_VERBOSE: '1' });
      assert.equal(result.code, 0, result.stderr);
      const snapshot = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(snapshot.profiles.length, 4);
      assert.ok(snapshot.modules.some((module: { api_name: string }) => module.api_name === 'Shipments'));
      for (const secret of [DEMO_CLIENT.clientSecret, orgEnv.ZOHO_REFRESH_TOKEN])
        assert.ok(!(result.stderr + readFileSync(out, 'utf8')).includes(secret));
      assert.doesNotMatch(
        result.stderr + readFileSync(out, 'utf8'),
        /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/,
        'no access token',
      );
    });

    it('faults: a 500 on the listing or no answer at all is one clear line, exit 2 for diff', async () => {
      const out = path.join(dir, 'Shipments.crm-module.json');
      standIn.faults = { serverError: true };
      const failing = await run(['diff', out], orgEnv);
      assert.equal(failing.code, 2);
      assert.match(failing.stderr, /HTTP 500 INTERNAL_ERROR/);
      standIn.faults = {};
      const offline = await run(['profiles'], { ...orgEnv, ZOHO_API_DOMAIN: 'http://127.0.0.1:9' });
      assert.equal(offline.code, 1);
      assert.match(offline.stderr, /Could not reach Zoho|ECONNREFUSED|refused/i);
    });
  });
});
