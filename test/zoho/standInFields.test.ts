/**
 * The local Zoho's fields endpoints behave as Zoho documents them (zoho-fields.md): what later tests of
 * Create, Pull and Update Fields lean on, checked here against the documentation, over HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { DEMO_CLIENT, startStandIn } from '../helpers/standIn';

describe("the local Zoho's fields endpoints", () => {
  let standIn: ZohoStandIn;
  let token = '';
  let readOnly = '';
  const signIn = async (scopes: string[]) =>
    (
      await selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, scopes),
        accountsServer: standIn.url,
      })
    ).accessToken;
  before(async () => {
    standIn = await startStandIn();
    token = await signIn(['ZohoCRM.settings.fields.ALL']);
    readOnly = await signIn(['ZohoCRM.settings.fields.READ']);
  });
  after(() => standIn.stop());

  const call = async (method: string, route: string, body?: unknown, as = token) => {
    const response = await fetch(`${standIn.url}/crm/v7/settings/fields${route}`, {
      method,
      headers: { Authorization: `Zoho-oauthtoken ${as}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('lists a module’s fields, system ones included; the module parameter is required and must exist', async () => {
    const leads = await call('GET', '?module=Leads');
    assert.equal(leads.status, 200);
    const names = leads.body.fields.map((field: { api_name: string }) => field.api_name);
    assert.ok(names.includes('Last_Name') && names.includes('Lead_Source'), names.join());
    assert.ok(leads.body.fields.every((field: { custom_field: boolean }) => field.custom_field === false));
    assert.deepEqual((await call('GET', '')).body, {
      code: 'REQUIRED_PARAM_MISSING',
      details: { param_name: 'module' },
      message: 'One of the expected parameter is missing',
      status: 'error',
    });
    assert.equal((await call('GET', '?module=Nowhere')).body.code, 'INVALID_MODULE');
  });

  it('creates fields: 201 when all are, each result in order with its id, the API name derived from the label', async () => {
    const created = await call('POST', '?module=Shipments', {
      fields: [
        { field_label: 'Delivery Notes', data_type: 'textarea', textarea: { type: 'large' } },
        {
          field_label: 'Region',
          data_type: 'picklist',
          pick_list_values: [{ display_value: 'North', actual_value: 'North' }],
        },
      ],
    });
    assert.equal(created.status, 201);
    assert.deepEqual(
      created.body.fields.map((result: { code: string; message: string }) => [result.code, result.message]),
      [
        ['SUCCESS', 'field created'],
        ['SUCCESS', 'field created'],
      ],
    );
    const [first] = created.body.fields;
    const one = await call('GET', `/${first.details.id}?module=Shipments`);
    assert.equal(one.body.fields[0].api_name, 'Delivery_Notes');
    assert.equal(one.body.fields[0].custom_field, true);
  });

  it('a mixed call is 207, each refusal with its code, the key and its json_path; a call of refusals only is 400', async () => {
    const mixed = await call('POST', '?module=Shipments', {
      fields: [
        { field_label: 'Weight', data_type: 'double' },
        { data_type: 'text' },
        { field_label: 'Delivery Notes', data_type: 'text' },
        { field_label: 'Code', data_type: 'text', length: 300 },
        { field_label: 'Kind', data_type: 'picklist' },
      ],
    });
    assert.equal(mixed.status, 207);
    assert.deepEqual(
      mixed.body.fields.map((result: { code: string; details: { json_path?: string } }) => [
        result.code,
        result.details.json_path,
      ]),
      [
        ['SUCCESS', undefined],
        ['MANDATORY_NOT_FOUND', '$.fields[1].field_label'],
        ['DUPLICATE_DATA', '$.fields[2].field_label'],
        ['DEPENDENT_MISMATCH', '$.fields[3].length'],
        ['EXPECTED_DEPENDENT_FIELD_MISSING', '$.fields[4].pick_list_values'],
      ],
    );
    assert.deepEqual(mixed.body.fields[3].details.range, { minimum: 1, maximum: 255 });
    const refused = await call('POST', '?module=Shipments', { fields: [{ field_label: 'X', data_type: 'decimal' }] });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.fields[0].code, 'INVALID_DATA');
  });

  it('takes at most 5 fields per call, and the module’s limits: one autonumber, two unique fields, the edition’s count', async () => {
    const postsBefore = standIn.crmRequests('POST').length;
    const six = Array.from({ length: 6 }, (_, index) => ({ field_label: `Six ${index}`, data_type: 'text' }));
    const tooMany = await call('POST', '?module=Leads', { fields: six });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.code, 'LIMIT_EXCEEDED');
    const auto = { data_type: 'autonumber', auto_number: { start_number: 1 } };
    const limits = await call('POST', '?module=Leads', {
      fields: [
        { field_label: 'No A', ...auto },
        { field_label: 'No B', ...auto },
        { field_label: 'U1', data_type: 'text', unique: { case_sensitive: false } },
        { field_label: 'U2', data_type: 'text', unique: { case_sensitive: false } },
        { field_label: 'U3', data_type: 'text', unique: { case_sensitive: false } },
      ],
    });
    assert.deepEqual(
      limits.body.fields.map((result: { code: string }) => result.code),
      ['SUCCESS', 'NOT_ALLOWED', 'SUCCESS', 'SUCCESS', 'NOT_ALLOWED'],
    );
    standIn.fields.editionLimit = 3;
    const full = await call('POST', '?module=Leads', { fields: [{ field_label: 'One More', data_type: 'text' }] });
    assert.equal(full.body.fields[0].code, 'LIMIT_EXCEEDED');
    standIn.fields.editionLimit = 300;
    assert.equal(standIn.crmRequests('POST').length, postsBefore + 3);
  });

  it('deletes a custom field, never a system one; scopes are checked per operation', async () => {
    const created = await call('POST', '?module=Leads', { fields: [{ field_label: 'Temporary', data_type: 'date' }] });
    const id = created.body.fields[0].details.id;
    assert.deepEqual((await call('DELETE', `/${id}?module=Leads`)).body.fields[0].message, 'field deleted');
    const lastName = (await call('GET', '?module=Leads')).body.fields.find(
      (field: { api_name: string }) => field.api_name === 'Last_Name',
    );
    const refused = await call('DELETE', `/${lastName.id}?module=Leads`);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.fields[0].message, 'Only the custom fields can be deleted');
    assert.equal(
      (await call('POST', '?module=Leads', { fields: [{ field_label: 'R', data_type: 'text' }] }, readOnly)).body.code,
      'OAUTH_SCOPE_MISMATCH',
    );
    assert.equal((await call('GET', '?module=Leads', undefined, readOnly)).status, 200);
  });

  it('answers a GET with the keys Zoho adds to every field: column, JSON type, flags, null and empty type keys', async () => {
    const created = await call('POST', '?module=Shipments', {
      fields: [{ field_label: 'Carrier', data_type: 'text', length: 40 }],
    });
    const one = (await call('GET', `/${created.body.fields[0].details.id}?module=Shipments`)).body.fields[0];
    assert.equal(one.display_label, 'Carrier');
    assert.equal(one.length, 40, 'the stored length, not the default');
    assert.equal(one.crypt, null);
    assert.deepEqual(one.lookup, {});
    assert.equal(typeof one.column_name, 'string');
  });

  it('updates fields by id (PATCH many and one): label, length, options added, renamed and removed', async () => {
    const created = await call('POST', '?module=Shipments', {
      fields: [
        { field_label: 'Size', data_type: 'text', length: 20 },
        {
          field_label: 'Speed',
          data_type: 'picklist',
          pick_list_values: [
            { display_value: 'Slow', actual_value: 'Slow' },
            { display_value: 'Fast', actual_value: 'Fast' },
          ],
        },
      ],
    });
    const [size, speed] = created.body.fields.map((result: { details: { id: string } }) => result.details.id);
    const options = (await call('GET', `/${speed}?module=Shipments`)).body.fields[0].pick_list_values;
    assert.deepEqual(
      options.map((option: { type: string; sequence_number: number }) => [option.type, option.sequence_number]),
      [
        ['used', 1],
        ['used', 2],
      ],
    );
    const many = await call('PATCH', '?module=Shipments', {
      fields: [
        { id: size, field_label: 'Box Size', length: 60 },
        {
          id: speed,
          pick_list_values: [
            { id: options[1].id, display_value: 'Express', actual_value: 'Fast' },
            { display_value: 'Same Day', actual_value: 'Same Day' },
            { id: options[0].id, actual_value: 'Slow', display_value: 'Slow', _delete: null },
          ],
        },
      ],
    });
    assert.equal(many.status, 200);
    assert.deepEqual(
      many.body.fields.map((result: { message: string }) => result.message),
      ['field updated', 'field updated'],
    );
    const after = (await call('GET', '?module=Shipments')).body.fields;
    const byId = (id: string) => after.find((field: { id: string }) => field.id === id);
    assert.equal(byId(size).field_label, 'Box Size');
    assert.equal(byId(size).length, 60);
    assert.deepEqual(
      byId(speed).pick_list_values.map((option: { display_value: string; actual_value: string }) => [
        option.display_value,
        option.actual_value,
      ]),
      [
        ['Express', 'Fast'],
        ['Same Day', 'Same Day'],
      ],
    );
    const one = await call('PATCH', `/${size}?module=Shipments`, { fields: [{ field_label: 'Parcel Size' }] });
    assert.equal(one.status, 200);
    assert.equal((await call('GET', `/${size}?module=Shipments`)).body.fields[0].field_label, 'Parcel Size');
  });

  it('refuses what Zoho says never changes, each on its key, and keeps the field whole when one key is refused', async () => {
    const created = await call('POST', '?module=Shipments', {
      fields: [
        { field_label: 'Total', data_type: 'formula', formula: { expression: '1+1', return_type: 'double' } },
        { field_label: 'Notes Long', data_type: 'textarea', textarea: { type: 'small' } },
      ],
    });
    const [total, notes] = created.body.fields.map((result: { details: { id: string } }) => result.details.id);
    const lastName = (await call('GET', '?module=Leads')).body.fields.find(
      (field: { api_name: string }) => field.api_name === 'Last_Name',
    );
    const refused = await call('PATCH', '?module=Shipments', {
      fields: [
        { id: total, field_label: 'Sum', formula: { expression: '2+2', return_type: 'text' } },
        { id: notes, data_type: 'text' },
        { id: notes, length: 32000 },
        { field_label: 'No Id' },
        { id: notes, field_label: 'Carrier' },
      ],
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(
      refused.body.fields.map((result: { code: string; details: { json_path: string } }) => [
        result.code,
        result.details.json_path,
      ]),
      [
        ['NOT_ALLOWED', '$.fields[0].formula.return_type'],
        ['NOT_ALLOWED', '$.fields[1].data_type'],
        ['NOT_ALLOWED', '$.fields[2].length'],
        ['MANDATORY_NOT_FOUND', '$.fields[3].id'],
        ['DUPLICATE_DATA', '$.fields[4].field_label'],
      ],
    );
    assert.equal((await call('GET', `/${total}?module=Shipments`)).body.fields[0].field_label, 'Total');
    const system = await call('PATCH', '?module=Leads', { fields: [{ id: lastName.id, field_label: 'Surname' }] });
    assert.equal(system.body.fields[0].code, 'NOT_ALLOWED');
    const mixed = await call('PATCH', '?module=Shipments', {
      fields: [{ id: total, field_label: 'Grand Total' }, { id: '1' }],
    });
    assert.equal(mixed.status, 207);
  });

  it('refuses to delete a custom field another part of the org uses', async () => {
    const created = await call('POST', '?module=Shipments', {
      fields: [{ field_label: 'Scored', data_type: 'integer' }],
    });
    standIn.fields.inUse.add('Scored');
    const id = created.body.fields[0].details.id;
    const refused = await call('DELETE', `/${id}?module=Shipments`);
    assert.equal(refused.body.fields[0].message, 'The custom field has already used in other places');
    standIn.fields.inUse.delete('Scored');
    assert.equal((await call('DELETE', `/${id}?module=Shipments`)).status, 200);
  });
});
