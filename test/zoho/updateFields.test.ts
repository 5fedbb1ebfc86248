/**
 * Pull, Compare and Update of a module's fields against the local Zoho: the pulled file lints clean and comes
 * back the same after a create; Update sends exactly the POSTs, PATCHes and DELETEs the plan says, only what
 * Zoho lets change, deletions only when named; lost answers are looked up, never re-sent.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { analyze } from '../../server/languageservice/analyze';
import { CrmClient } from '../../client/zoho/crmClient';
import { createFields } from '../../client/zoho/createFields';
import { listFields } from '../../client/zoho/fieldsApi';
import { fieldsFileText, planFieldsUpdate } from '../../client/zoho/fieldsFile';
import { createHttp } from '../../client/zoho/http';
import { OAuthClient } from '../../client/zoho/oauth';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { TokenManager } from '../../client/zoho/tokenManager';
import { updateFields } from '../../client/zoho/updateFields';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

const FIELDS = [
  { field_label: 'Tracking Code', data_type: 'text', api_name: 'Tracking_Code', length: 40 },
  {
    field_label: 'Speed',
    data_type: 'picklist',
    api_name: 'Speed',
    pick_list_values: [
      { display_value: 'Slow', actual_value: 'Slow' },
      { display_value: 'Fast', actual_value: 'Fast' },
    ],
  },
  { field_label: 'Weight', data_type: 'double', api_name: 'Weight', decimal_place: 2 },
  { field_label: 'Notes', data_type: 'textarea', api_name: 'Notes', textarea: { type: 'large' } },
];

describe('Pull, Compare and Update Fields against the stand-in', () => {
  let standIn: ZohoStandIn;
  let client: CrmClient;
  let log: CapturingLog;
  before(async () => {
    standIn = await startStandIn();
    const signIn = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.fields.ALL']),
      accountsServer: standIn.url,
    });
    log = new CapturingLog();
    client = new CrmClient(
      standIn.url,
      new TokenManager({ ...signIn }, new OAuthClient(), log.logger),
      log.logger,
      createHttp({ timeoutMs: 3000 }),
    );
    await createFields(client, 'Shipments', FIELDS);
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.faults = {};
    standIn.requests.length = 0;
  });
  const writes = () => standIn.requests.filter((request) => request.method !== 'GET' && request.path.includes('/crm/'));
  const pulled = async (module = 'Shipments') => fieldsFileText(await listFields(client, module), 'v7');

  it('pulls the custom fields in the create body’s shape: Zoho’s read-only keys and null type keys gone, lint clean', async () => {
    const text = await pulled();
    const body = JSON.parse(text);
    assert.deepEqual(body.fields, FIELDS);
    const findings = analyze(text, 'v7', 'fields').findings;
    assert.deepEqual(findings, []);
    assert.ok(!text.includes('column_name') && !text.includes('"id"'), text);
    assert.ok(text.endsWith('}\n'));
  });

  it('pulls only custom fields: none of a standard module’s system fields', async () => {
    await createFields(client, 'Leads', [{ field_label: 'Budget', data_type: 'currency' }]);
    assert.deepEqual(JSON.parse(await pulled('Leads')).fields, [
      { field_label: 'Budget', data_type: 'currency', api_name: 'Budget' },
    ]);
  });

  it('a file equal to the org plans nothing', async () => {
    const plan = planFieldsUpdate('Shipments', FIELDS, await listFields(client, 'Shipments'), 'v7');
    assert.deepEqual(plan.differences, []);
    assert.deepEqual([plan.creates, plan.changes, plan.orgOnly], [[], [], []]);
  });

  it('plans field by field: new, changed (only what a PATCH takes), never-changing keys shown, the org’s others listed', async () => {
    const file = structuredClone(FIELDS) as Record<string, any>[];
    file[0].field_label = 'Tracking Number';
    file[0].length = 60;
    file[1].pick_list_values = [
      { display_value: 'Express', actual_value: 'Fast' },
      { display_value: 'Same Day', actual_value: 'Same Day' },
    ];
    file[2].data_type = 'currency';
    file.splice(3, 1);
    file.push({ field_label: 'Insured', data_type: 'boolean', api_name: 'Insured' });
    const plan = planFieldsUpdate('Shipments', file, await listFields(client, 'Shipments'), 'v7');
    assert.deepEqual(plan.differences, [
      '~ Tracking_Code: field_label: "Tracking Code" → "Tracking Number"; length: 40 → 60',
      '~ Speed: pick_list_values "Fast" → "Express"; pick_list_values + "Same Day"; pick_list_values − "Slow"',
      `~ Weight: data_type: "double" → "currency" (Zoho cannot change a field's data_type; not sent)`,
      '+ Insured: new boolean field',
      '− Notes: in Shipments, not in the file',
    ]);
    assert.deepEqual(plan.creates, [3]);
    assert.deepEqual(
      plan.changes.map((change) => [change.apiName, Object.keys(change.patch ?? {}), change.optionRemovals.length]),
      [
        ['Tracking_Code', ['id', 'field_label', 'length'], 0],
        ['Speed', ['id', 'pick_list_values'], 1],
      ],
    );
    assert.deepEqual(
      plan.orgOnly.map((field) => field.apiName),
      ['Notes'],
    );
  });

  it('updates: one POST, one PATCH of exactly the changes, option removal and the deletion only when chosen; then nothing differs', async () => {
    const file = structuredClone(FIELDS) as Record<string, any>[];
    file[0].field_label = 'Tracking Number';
    file[1].pick_list_values = [{ display_value: 'Express', actual_value: 'Fast' }];
    file.splice(3, 1);
    file.push({ field_label: 'Insured', data_type: 'boolean', api_name: 'Insured' });
    const org = await listFields(client, 'Shipments');
    const plan = planFieldsUpdate('Shipments', file, org, 'v7');
    const kept = await updateFields(client, plan, file, org, 'v7', { deleteIds: [], removeOptions: false });
    assert.deepEqual(
      writes().map((request) => request.method),
      ['POST', 'PATCH'],
    );
    const patch = JSON.parse(writes()[1].body).fields;
    assert.deepEqual(
      patch.map((item: Record<string, unknown>) => Object.keys(item)),
      [
        ['id', 'field_label'],
        ['id', 'pick_list_values'],
      ],
    );
    assert.deepEqual(patch[1].pick_list_values, [
      { id: patch[1].pick_list_values[0].id, display_value: 'Express', actual_value: 'Fast' },
    ]);
    assert.equal(kept.message, 'Fields of Shipments: 1 created, 2 updated.');
    const after = planFieldsUpdate('Shipments', file, await listFields(client, 'Shipments'), 'v7');
    assert.deepEqual(after.differences, [
      '~ Speed: pick_list_values − "Slow"',
      '− Notes: in Shipments, not in the file',
    ]);

    standIn.requests.length = 0;
    const notes = after.orgOnly[0].id;
    const removed = await updateFields(client, after, file, await listFields(client, 'Shipments'), 'v7', {
      deleteIds: [notes],
      removeOptions: true,
    });
    assert.deepEqual(
      writes().map((request) => `${request.method} ${request.path.replace(/^.*\/settings/, '')}`),
      ['PATCH /fields', `DELETE /fields/${notes}`],
    );
    assert.equal(JSON.parse(writes()[0].body).fields[0].pick_list_values[0]._delete, null);
    assert.equal(removed.message, 'Fields of Shipments: 1 updated, 1 deleted.');
    assert.deepEqual(planFieldsUpdate('Shipments', file, await listFields(client, 'Shipments'), 'v7').differences, []);
  });

  it('a PATCH whose answer is lost is looked up, not re-sent, and the run stops before the deletions', async () => {
    const org = await listFields(client, 'Shipments');
    const file = JSON.parse(fieldsFileText(org, 'v7')).fields as Record<string, any>[];
    file[0].field_label = 'Parcel Number';
    const extra = await createFields(client, 'Shipments', [{ field_label: 'Scratch', data_type: 'date' }]);
    standIn.requests.length = 0;
    const now = await listFields(client, 'Shipments');
    const plan = planFieldsUpdate('Shipments', file, now, 'v7');
    standIn.faults = { dropAfterFieldsUpdate: true };
    const run = await updateFields(client, plan, file, now, 'v7', {
      deleteIds: [extra.outcomes[0].kind === 'created' ? extra.outcomes[0].id : ''],
      removeOptions: false,
    });
    assert.deepEqual(
      writes().map((request) => request.method),
      ['PATCH'],
    );
    assert.deepEqual(
      run.steps.map((step) => [step.kind, step.name]),
      [
        ['updated', 'Tracking_Code'],
        ['not sent', 'Scratch'],
      ],
    );
    assert.match(run.message, /1 updated, 1 not sent\. .*read again, and nothing was sent twice\.$/);
  });

  it('a refused PATCH lands on the file’s key; a deletion Zoho refuses (a field in use) is said, and the rest goes on', async () => {
    const org = await listFields(client, 'Shipments');
    const file = JSON.parse(fieldsFileText(org, 'v7')).fields as Record<string, any>[];
    const scratch = file.findIndex((field) => field.api_name === 'Scratch');
    file.splice(scratch, 1);
    file[0].length = 300;
    standIn.fields.inUse.add('Scratch');
    const plan = planFieldsUpdate('Shipments', file, org, 'v7');
    const run = await updateFields(client, plan, file, org, 'v7', {
      deleteIds: [plan.orgOnly[0].id],
      removeOptions: false,
    });
    standIn.fields.inUse.delete('Scratch');
    const refused = run.steps.filter((step) => step.kind === 'refused');
    assert.deepEqual(
      refused.map((step) => [step.name, step.index, step.kind === 'refused' && step.error.details?.json_path]),
      [
        ['Tracking_Code', 0, '$.fields[0].length'],
        ['Scratch', undefined, undefined],
      ],
    );
    assert.equal(run.message, 'Fields of Shipments: 2 refused.');
    const secret = [...standIn.refreshTokens.keys()][0];
    assert.ok(secret && !log.lines.join('\n').includes(secret));
  });
});
