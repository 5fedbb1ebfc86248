/**
 * One check before sending, for all four ways of sending: VS Code's Create and Update, the CLI's create and
 * update. The verdicts on a table of files and orgs; the four paths call it (and nothing else decides); and
 * the CLI refuses what the editor refuses, before anything is sent.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OrgSnapshot, readSnapshot } from '../../server/languageservice';
import { checkOrg, checkRules, SendVerb } from '../../client/zoho/preflight';
import { runCli, standInEnvironment } from '../helpers/cli';
import { body } from '../helpers/modules';
import { startStandIn } from '../helpers/standIn';
import { ZohoStandIn } from '../zohoStandIn/standIn';

const ROOT = path.resolve(__dirname, '../../..');
const ORG = readSnapshot({
  org: 'Zylker',
  fetchedAt: Date.now(),
  profiles: [{ id: '2423488000000015972', name: 'Administrator', type: 'normal_profile' }],
  modules: [
    { api_name: 'Leads', plural_label: 'Leads', singular_label: 'Lead', generated_type: 'default', id: '1' },
    { api_name: 'Shipments', plural_label: 'Shipments', singular_label: 'Shipment', generated_type: 'custom', id: '2' },
  ],
})!;
const MODULES_ONLY: OrgSnapshot = { ...ORG, profiles: [] };

const file = (change: (module: Record<string, any>) => void) =>
  body((m) => {
    m.plural_label = 'Gadgets';
    m.singular_label = 'Gadget';
    m.api_name = 'Gadgets';
    change(m);
  });

function verdict(verb: SendVerb, text: string, snapshot: OrgSnapshot | undefined, production = false): string {
  const rules = checkRules(text, 'v7');
  if (rules.kind === 'invalid') return `invalid ${rules.findings.map((finding) => finding.code).join(',')}`;
  const org = checkOrg(verb, rules, snapshot, production);
  if (org.kind === 'exists') return `exists ${org.apiName}`;
  if (org.kind === 'clash') return `clash ${org.findings.map((finding) => finding.code).join(',')}`;
  return org.askFirst ? 'ready, ask first' : 'ready';
}

describe('the check before sending', () => {
  const cases: [string, string, OrgSnapshot | undefined, string, string][] = [
    ['a new module', file(() => {}), ORG, 'ready', 'ready'],
    [
      'a rule broken',
      file((m) => (m.api_name = 'Gadgets__')),
      ORG,
      'invalid INVALID_DATA,INVALID_DATA',
      'invalid INVALID_DATA,INVALID_DATA',
    ],
    [
      'the module the org has (its spelling)',
      file((m) => (m.api_name = 'shipments')),
      ORG,
      'exists Shipments',
      'ready',
    ],
    [
      'a label another module has',
      file((m) => (m.plural_label = 'Leads')),
      ORG,
      'clash DUPLICATE_DATA',
      'clash DUPLICATE_DATA',
    ],
    [
      'a profile the org lacks',
      file((m) => (m.profiles = [{ id: '2423488000000099999' }])),
      ORG,
      'clash INVALID_DATA',
      'clash INVALID_DATA',
    ],
    [
      'a profile, when the profiles could not be read',
      file((m) => (m.profiles = [{ id: '2423488000000099999' }])),
      MODULES_ONLY,
      'ready',
      'ready',
    ],
    [
      'the module, when only the modules could be read',
      file((m) => (m.api_name = 'Shipments')),
      MODULES_ONLY,
      'exists Shipments',
      'ready',
    ],
    [
      "another module's API name: a new one for create; for update, the module to change",
      file((m) => (m.api_name = 'Leads')),
      ORG,
      'clash DUPLICATE_DATA',
      'ready',
    ],
    ['anything, when the org is not known', file((m) => (m.plural_label = 'Leads')), undefined, 'ready', 'ready'],
  ];
  for (const [name, text, snapshot, create, update] of cases) {
    it(`${name}: create ${create}; update ${update}`, () => {
      assert.equal(verdict('create', text, snapshot), create);
      assert.equal(verdict('update', text, snapshot), update);
    });
  }

  it('a create in production asks first; an update never does here (the editor shows its differences, the CLI documents it sends)', () => {
    assert.equal(
      verdict(
        'create',
        file(() => {}),
        ORG,
        true,
      ),
      'ready, ask first',
    );
    assert.equal(
      verdict(
        'update',
        file(() => {}),
        ORG,
        true,
      ),
      'ready',
    );
  });

  it('all four ways of sending decide through it, and none checks on its own', () => {
    // The send paths: each whole command file, and of the CLI's org verbs the update (lint --org only reports).
    const paths: [string, string?][] = [
      ['client/vscode/commands/createModule.ts'],
      ['client/vscode/commands/updateModule.ts'],
      ['client/cli/create.ts'],
      ['client/cli/org.ts', 'export function updateCommand'],
    ];
    for (const [source, from] of paths) {
      let text = readFileSync(path.join(ROOT, source), 'utf8');
      if (from) text = text.slice(text.indexOf(from), text.indexOf('\nexport ', text.indexOf(from) + 1));
      assert.ok(/checkRules\(/.test(text) && /checkOrg\('(create|update)'/.test(text), `${source} calls the preflight`);
      assert.ok(!/checkAgainstOrg\(|\banalyze\(/.test(text), `${source} decides through the preflight only`);
    }
    // The editor's commands that send a fields file check it through the same module.
    for (const source of [
      'client/vscode/commands/createModule.ts',
      'client/vscode/commands/createFields.ts',
      'client/vscode/commands/updateFields.ts',
    ]) {
      const text = readFileSync(path.join(ROOT, source), 'utf8');
      assert.ok(
        /checkFieldsRules\(/.test(text) && !/\banalyze\(/.test(text),
        `${source} checks fields through the preflight`,
      );
    }
  });
});

describe('the CLI refuses what the editor refuses, before sending', () => {
  let standIn: ZohoStandIn;
  let env: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-preflight-'));
  before(async () => {
    standIn = await startStandIn();
    env = await standInEnvironment(standIn, [
      'ZohoCRM.settings.modules.ALL',
      'ZohoCRM.settings.fields.ALL',
      'ZohoCRM.settings.profiles.READ',
      'ZohoCRM.org.READ',
    ]);
  });
  after(() => standIn.stop());

  it('create: a label the org uses, or a profile it lacks, is refused at its line with nothing sent', async () => {
    for (const [name, text, code] of [
      ['clash', file((m) => (m.plural_label = 'Contacts')), 'DUPLICATE_DATA'],
      ['profile', file((m) => (m.profiles = [{ id: '2423488000000099999' }])), 'INVALID_DATA'],
    ]) {
      const target = path.join(dir, `${name}.crm-module.json`);
      writeFileSync(target, text);
      standIn.requests.length = 0;
      const result = await runCli(['create', '--yes', target], env);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, new RegExp(`${name}\\.crm-module\\.json:\\d+:\\d+ error ${code} `));
      assert.match(result.stdout, /problem with the org's data that Zoho would refuse; nothing was sent\./);
      assert.equal(standIn.crmRequests('POST').length, 0);
    }
  });

  it('update: a profile the org lacks is refused with nothing sent', async () => {
    const target = path.join(dir, 'Shipments.crm-module.json');
    assert.equal((await runCli(['pull', '--force', '-o', target, 'Shipments'], env)).code, 0);
    writeFileSync(target, readFileSync(target, 'utf8').replace(/"id": "\d+"/, '"id": "2423488000000099999"'));
    standIn.requests.length = 0;
    const result = await runCli(['update', target], env);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /Shipments\.crm-module\.json:\d+:\d+ error INVALID_DATA .*has no profile 2423488000000099999/,
    );
    assert.equal(standIn.crmRequests('PUT').length, 0);
  });
});
