/**
 * The files carry a module whole: pulled from one org, created in an empty one, pulled again, they are the same
 * two files (the module and its custom fields), through the CLI as a pipeline runs it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { runCli, standInEnvironment } from '../helpers/cli';
import { startStandIn } from '../helpers/standIn';

const SCOPES = [
  'ZohoCRM.settings.modules.ALL',
  'ZohoCRM.settings.fields.ALL',
  'ZohoCRM.settings.profiles.READ',
  'ZohoCRM.org.READ',
];

describe('pull, create elsewhere, pull again', () => {
  let source: ZohoStandIn;
  let target: ZohoStandIn;
  before(async () => {
    [source, target] = await Promise.all([startStandIn(), startStandIn()]);
    // The target org has no Shipments yet; the source's Shipments has fields of several kinds.
    target.deleteModule('Shipments');
    source.fields.create('Shipments', [
      { field_label: 'Tracking Code', data_type: 'text', length: 40, unique: { case_sensitive: false } },
      {
        field_label: 'Speed',
        data_type: 'picklist',
        pick_list_values: [
          { display_value: 'Slow', actual_value: 'Slow' },
          { display_value: 'Express', actual_value: 'Fast' },
        ],
      },
      { field_label: 'Weight', data_type: 'double', decimal_place: 3 },
      { field_label: 'Notes', data_type: 'textarea', textarea: { type: 'large' } },
      {
        field_label: 'Customer',
        data_type: 'lookup',
        lookup: { module: { api_name: 'Contacts', id: '2423488000000002179' }, display_label: 'Shipments' },
      },
    ]);
  });
  after(() => Promise.all([source.stop(), target.stop()]));

  it('gives the same module file and fields file, each lint clean', async () => {
    const first = mkdtempSync(path.join(tmpdir(), 'crm-first-'));
    const second = mkdtempSync(path.join(tmpdir(), 'crm-second-'));
    const fromSource = await standInEnvironment(source, SCOPES);
    const toTarget = await standInEnvironment(target, SCOPES);
    const pulled = await runCli(['pull', '-o', path.join(first, 'Shipments.crm-module.json'), 'Shipments'], fromSource);
    assert.equal(pulled.code, 0, pulled.stderr);
    for (const file of ['Shipments.crm-module.json', 'Shipments.crm-fields.json'])
      assert.equal((await runCli(['lint', path.join(first, file)])).code, 0, `${file} lints clean`);
    const created = await runCli(['create', '--yes', path.join(first, 'Shipments.crm-module.json')], toTarget);
    assert.equal(created.code, 0, created.stdout + created.stderr);
    assert.match(created.stdout, /5 of 5 fields created in Shipments\./);
    const again = await runCli(['pull', '-o', path.join(second, 'Shipments.crm-module.json'), 'Shipments'], toTarget);
    assert.equal(again.code, 0, again.stderr);
    for (const file of ['Shipments.crm-module.json', 'Shipments.crm-fields.json'])
      assert.equal(readFileSync(path.join(second, file), 'utf8'), readFileSync(path.join(first, file), 'utf8'), file);
    const fields = JSON.parse(readFileSync(path.join(first, 'Shipments.crm-fields.json'), 'utf8')).fields;
    assert.deepEqual(fields[4].lookup.module, { api_name: 'Contacts' }, "another org's module id is not carried");
  });
});
