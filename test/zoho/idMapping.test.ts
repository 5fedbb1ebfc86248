/** Ids named through the org they came from and sent as the target's: the pure mapping, case by case. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeMapping, mapFileIds, mapOrgIds } from '../../client/zoho/idMapping';
import type { OrgDirectory } from '../../client/zoho/orgDirectory';
import { readSyncState, recordedDirectories, syncStateText, withNames } from '../../client/zoho/syncState';

const sandbox: OrgDirectory = {
  org: '555',
  label: 'Sandbox',
  profiles: { '5001': 'Administrator', '5002': 'Standard', '5003': 'Testers' },
  modules: { '5100': 'Contacts' },
  globalPicklists: { '5200': 'Regions' },
};
const production: OrgDirectory = {
  org: '242',
  label: 'Production',
  profiles: { '2001': 'Administrator', '2002': 'standard' },
  modules: { '2100': 'Contacts' },
  globalPicklists: { '2200': 'Regions' },
};
const moduleFile = (ids: string[]) => ({
  path: 'Parcels.crm-module.json',
  text: `{\n  "modules": [\n    {\n      "plural_label": "Parcels",\n      "profiles": [${ids.map((id) => `{ "id": "${id}" }`).join(', ')}]\n    }\n  ]\n}\n`,
});

describe('mapping org ids by name', () => {
  it('rewrites only the ids, keeping the layout, and names each mapping once', () => {
    const { file, mapping, unmapped } = mapFileIds(moduleFile(['5001', '5002']), [sandbox], production);
    assert.deepEqual(unmapped, []);
    assert.equal(file.text, moduleFile(['2001', '2002']).text, 'Standard matches standard ignoring case');
    assert.deepEqual(
      mapping.map((row) => [row.name, row.from, row.to, row.source]),
      [
        ['Administrator', '5001', '2001', 'Sandbox'],
        ['Standard', '5002', '2002', 'Sandbox'],
      ],
    );
    assert.deepEqual(describeMapping(mapping, 'Production'), [
      'Ids mapped by name from Sandbox to Production:',
      '  profile Administrator  5001 → 2001',
      '  profile Standard       5002 → 2002',
    ]);
  });

  it('keeps ids the target already has, and says nothing of them', () => {
    const { file, mapping, unmapped } = mapFileIds(moduleFile(['2001']), [sandbox], production);
    assert.equal(file.text, moduleFile(['2001']).text);
    assert.deepEqual([mapping, unmapped], [[], []]);
    assert.deepEqual(describeMapping(mapping, 'Production'), []);
  });

  it('names a profile the target lacks, and one no org knows, with the file', () => {
    const { unmapped } = mapFileIds(moduleFile(['5003', '9999']), [sandbox], production);
    assert.equal(unmapped.length, 2);
    assert.match(unmapped[0].message, /^Parcels\.crm-module\.json: Production has no profile named "Testers"/);
    assert.match(
      unmapped[1].message,
      /profile id 9999 is not one of Production's, and no org it could come from names it/,
    );
  });

  it('follows a rename from the environments file', () => {
    const { file, mapping } = mapFileIds(moduleFile(['5003']), [sandbox], production, { Testers: 'Administrator' });
    assert.equal(file.text, moduleFile(['2001']).text);
    assert.equal(mapping[0].targetName, 'Administrator');
  });

  it('stops on a profile named elsewhere when the target cannot list its profiles, and keeps the others', () => {
    const unread = { ...production, profiles: {}, profilesUnread: true as const };
    const named = mapFileIds(moduleFile(['5001']), [sandbox], unread);
    assert.match(
      named.unmapped[0].message,
      /profiles could not be read \(the sign-in needs ZohoCRM\.settings\.profiles\.READ\)/,
    );
    const own = mapFileIds(moduleFile(['2001']), [sandbox], unread);
    assert.deepEqual(own.unmapped, []);
  });

  it("maps a fields file's profiles, lookup module and global picklist; a lookup to a module this run creates loses its id", () => {
    const fields = {
      path: 'Parcels.crm-fields.json',
      text: JSON.stringify({
        fields: [
          { field_label: 'A', data_type: 'text', profiles: [{ id: '5001', permission_type: 'read_write' }] },
          { field_label: 'B', data_type: 'lookup', lookup: { module: { api_name: 'Contacts', id: '5100' } } },
          { field_label: 'C', data_type: 'lookup', lookup: { module: { api_name: 'Crates', id: '5101' } } },
          { field_label: 'D', data_type: 'picklist', global_picklist: { id: '5200' } },
        ],
      }),
    };
    const crates = { path: 'Crates.crm-module.json', text: '{"modules":[{"api_name":"Crates","profiles":[]}]}' };
    const result = mapOrgIds(
      [
        { name: 'Parcels', fieldsFile: fields },
        { name: 'Crates', moduleFile: crates },
      ],
      [sandbox],
      production,
    );
    assert.deepEqual(result.unmapped, []);
    const mapped = JSON.parse(result.modules[0].fieldsFile!.text).fields;
    assert.equal(mapped[0].profiles[0].id, '2001');
    assert.deepEqual(mapped[1].lookup.module, { api_name: 'Contacts', id: '2100' });
    assert.deepEqual(mapped[2].lookup.module, { api_name: 'Crates' });
    assert.deepEqual(mapped[3].global_picklist, { id: '2200' }, 'named through the sandbox: Regions');
    assert.equal(result.modules[1].moduleFile, crates, 'a file with nothing to map is the same file');
    // Without the module in this run, the lookup has nowhere to point.
    const alone = mapOrgIds([{ name: 'Parcels', fieldsFile: fields }], [sandbox], production);
    assert.match(alone.unmapped[0].message, /Production has no module "Crates" for a lookup to point to/);
  });

  it('leaves a file that is not JSON alone (its own errors are said elsewhere)', () => {
    const broken = { path: 'Broken.crm-module.json', text: '{"modules": [ {"profiles": [{"id": "5001"' };
    const { unmapped } = mapFileIds(broken, [sandbox], production);
    assert.deepEqual(unmapped, []);
  });

  it("keeps each org's names in the baseline, read back as untrusted", () => {
    let state = readSyncState(undefined);
    if ('error' in state) throw new Error(state.error);
    state = withNames(state, sandbox);
    state = withNames(state, { ...sandbox, profiles: { '5004': 'Later' }, globalPicklists: undefined });
    const text = syncStateText(state);
    const back = readSyncState(text);
    if ('error' in back) throw new Error(back.error);
    assert.deepEqual({ ...recordedDirectories(back)[0].profiles }, { ...sandbox.profiles, '5004': 'Later' });
    const hostile = readSyncState(
      JSON.stringify({
        version: 1,
        orgs: {
          '1': {
            modules: {},
            names: { label: 'x', profiles: { abc: 'Not an id', '7': 'Two\nlines', '8': 'Fine' }, modules: [] },
          },
        },
      }),
    );
    if ('error' in hostile) throw new Error(hostile.error);
    assert.deepEqual({ ...recordedDirectories(hostile)[0].profiles }, { '8': 'Fine' });
  });
});
