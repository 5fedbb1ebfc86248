/** The planner alone: every state of a module and its fields, the baseline's part in each, the order of apply. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldSummary } from '../../client/zoho/fieldsApi';
import { applyOrder, planModule } from '../../client/zoho/syncPlan';
import { baselineFromOrg } from '../../client/zoho/syncState';
import { ModuleDetails } from '../../client/zoho/crmClient';

const MODULE: ModuleDetails = {
  id: '1',
  api_name: 'Parcels',
  plural_label: 'Parcels',
  singular_label: 'Parcel',
  generated_type: 'custom',
  profiles: [{ id: '111' }],
};
const field = (api_name: string, extra: Record<string, unknown> = {}): FieldSummary => {
  const definition = {
    id: `9${api_name.length}`,
    api_name,
    field_label: api_name,
    data_type: 'text',
    custom_field: true,
    ...extra,
  };
  return {
    id: definition.id,
    api_name,
    field_label: String(definition.field_label),
    data_type: String(definition.data_type),
    custom_field: true,
    definition,
  };
};
const moduleFile = (plural = 'Parcels') => ({
  path: 'Parcels.crm-module.json',
  text: JSON.stringify({
    modules: [{ plural_label: plural, singular_label: 'Parcel', profiles: [{ id: '111' }], api_name: 'Parcels' }],
  }),
});
const fieldsFile = (fields: unknown[]) => ({ path: 'Parcels.crm-fields.json', text: JSON.stringify({ fields }) });

describe('the plan of a module', () => {
  const orgFields = [field('Code', { length: 20 }), field('Old')];
  const org = { module: MODULE, fields: orgFields };
  const baseline = baselineFromOrg(MODULE, orgFields, 'v7');

  it('every state: up to date, update with its differences, create, only in the org, cannot change', () => {
    const plan = planModule(
      {
        name: 'Parcels',
        moduleFile: moduleFile('Boxes'),
        fieldsFile: fieldsFile([
          { field_label: 'Code', data_type: 'text', api_name: 'Code', length: 30 },
          { field_label: 'Weight', data_type: 'double' },
        ]),
      },
      org,
      baseline,
      'v7',
    );
    assert.equal(plan.state, 'update');
    assert.deepEqual(plan.differences, ['plural_label: "Parcels" → "Boxes"']);
    assert.deepEqual(plan.fields, [
      { apiName: 'Code', state: 'update', differences: ['length: 20 → 30'] },
      { apiName: 'Weight', state: 'create', differences: [] },
      { apiName: 'Old', state: 'only in the org', differences: [] },
    ]);
    const fixed = planModule(
      {
        name: 'Parcels',
        fieldsFile: fieldsFile([
          { field_label: 'Code', data_type: 'email', api_name: 'Code' },
          { field_label: 'Old', data_type: 'text', api_name: 'Old' },
        ]),
      },
      org,
      baseline,
      'v7',
    );
    assert.equal(fixed.state, 'cannot change', 'a data_type Zoho never changes is no change to make');
    const same = planModule({ name: 'Parcels', moduleFile: moduleFile() }, org, baseline, 'v7');
    assert.equal(same.state, 'up to date');
  });

  it('a conflict only where the org moved since the baseline and the file differs; none without a baseline', () => {
    const moved = {
      module: { ...MODULE, plural_label: 'Crates' },
      fields: [field('Code', { length: 25 }), field('Old')],
    };
    const local = {
      name: 'Parcels',
      moduleFile: moduleFile('Boxes'),
      fieldsFile: fieldsFile([{ field_label: 'Code', data_type: 'text', api_name: 'Code', length: 30 }]),
    };
    const plan = planModule(local, moved, baseline, 'v7');
    assert.equal(plan.state, 'conflict');
    assert.equal(plan.fields[0].state, 'conflict');
    assert.equal(planModule(local, moved, undefined, 'v7').state, 'update');
    // The file already says what the org now has: no conflict, nothing to do.
    const agreeing = planModule(
      {
        name: 'Parcels',
        moduleFile: moduleFile('Crates'),
        fieldsFile: fieldsFile([
          { field_label: 'Code', data_type: 'text', api_name: 'Code', length: 25 },
          { field_label: 'Old', data_type: 'text', api_name: 'Old' },
        ]),
      },
      moved,
      baseline,
      'v7',
    );
    assert.equal(agreeing.state, 'up to date');
  });

  it('a module the org lacks is created with all its fields; apply takes a lookup’s target first', () => {
    const alpha = planModule(
      {
        name: 'Alpha',
        moduleFile: moduleFile(),
        fieldsFile: fieldsFile([
          { field_label: 'Link', data_type: 'lookup', lookup: { module: { api_name: 'Zeta' } } },
        ]),
      },
      undefined,
      undefined,
      'v7',
    );
    const zeta = planModule({ name: 'Zeta', moduleFile: moduleFile() }, undefined, undefined, 'v7');
    assert.deepEqual([alpha.state, alpha.fields[0].state, alpha.needs], ['create', 'create', ['Zeta']]);
    assert.deepEqual(
      applyOrder([alpha, zeta]).map((plan) => plan.name),
      ['Zeta', 'Alpha'],
    );
  });

  it('a module deleted in the org since the baseline is a conflict, not a silent re-create', () => {
    const plan = planModule({ name: 'Parcels', moduleFile: moduleFile() }, undefined, baseline, 'v7');
    assert.deepEqual(
      [plan.state, plan.differences],
      ['conflict', ['deleted in the org since it was last pulled or sent']],
    );
  });
});
