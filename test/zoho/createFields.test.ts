/** Create Fields against the local Zoho: calls of 5, a 207 read field by field, re-runs, a lost answer. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CrmClient } from '../../client/zoho/crmClient';
import { createFields } from '../../client/zoho/createFields';
import { createHttp } from '../../client/zoho/http';
import { OAuthClient } from '../../client/zoho/oauth';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { TokenManager } from '../../client/zoho/tokenManager';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

describe('Create Fields against the stand-in', () => {
  let standIn: ZohoStandIn;
  let client: CrmClient;
  before(async () => {
    standIn = await startStandIn();
    const signIn = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.fields.ALL']),
      accountsServer: standIn.url,
    });
    const log = new CapturingLog();
    client = new CrmClient(
      standIn.url,
      new TokenManager({ ...signIn }, new OAuthClient(), log.logger),
      log.logger,
      createHttp({ timeoutMs: 3000 }),
    );
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.faults = {};
    standIn.requests.length = 0;
  });
  const posts = () => standIn.crmRequests('POST');
  const texts = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, index) => ({ field_label: `${prefix} ${index + 1}`, data_type: 'text' }));

  it('sends seven fields in two calls of at most five, after one read of the module; a re-run sends nothing', async () => {
    const fields = texts(7, 'Seven');
    const seen: [number, number][] = [];
    const run = await createFields(client, 'Shipments', fields, (done, total) => seen.push([done, total]));
    assert.deepEqual(
      run.outcomes.map((outcome) => outcome.kind),
      Array(7).fill('created'),
    );
    assert.deepEqual(
      posts().map((request) => JSON.parse(request.body).fields.length),
      [5, 2],
    );
    assert.deepEqual(seen, [
      [5, 7],
      [7, 7],
    ]);
    assert.equal(run.message, '7 of 7 fields created in Shipments.');
    standIn.requests.length = 0;
    const again = await createFields(client, 'Shipments', fields);
    assert.equal(again.calls, 0);
    assert.deepEqual(posts(), []);
    assert.equal(again.message, '0 of 7 fields created in Shipments; 7 already there (not sent).');
  });

  it('a 207 is read field by field, each refusal at its place in the file (not in its call); a re-run sends only the rest', async () => {
    const fields = [
      ...texts(5, 'Mixed'),
      { field_label: 'Mixed 6', data_type: 'text', length: 300 },
      ...texts(1, 'Tail'),
    ];
    const run = await createFields(client, 'Leads', fields);
    const refused = run.outcomes.filter((outcome) => outcome.kind === 'refused');
    assert.equal(refused.length, 1);
    assert.equal(refused[0].index, 5);
    assert.equal(refused[0].kind === 'refused' && refused[0].error.details?.json_path, '$.fields[5].length');
    assert.equal(run.message, '6 of 7 fields created in Leads; 1 refused.');
    standIn.requests.length = 0;
    fields[5] = { field_label: 'Mixed 6', data_type: 'text', length: 200 };
    const again = await createFields(client, 'Leads', fields);
    assert.deepEqual(
      posts().map((request) =>
        JSON.parse(request.body).fields.map((field: { field_label: string }) => field.field_label),
      ),
      [['Mixed 6']],
    );
    assert.equal(again.outcomes[5].kind, 'created');
  });

  it('a lost answer is looked up, never sent again; the run stops there', async () => {
    standIn.faults = { dropAfterFieldsCreate: true };
    const fields = texts(7, 'Lost');
    const run = await createFields(client, 'Shipments', fields);
    assert.equal(posts().length, 1);
    assert.deepEqual(
      run.outcomes.map((outcome) => outcome.kind),
      ['created', 'created', 'created', 'created', 'created', 'not sent', 'not sent'],
    );
    assert.match(run.message, /^5 of 7 fields created in Shipments; 2 not sent\. .*nothing was sent twice\.$/);
  });

  it('a module deleted during the run: the call refused whole stops it, the fields made before are said, nothing more is sent', async () => {
    standIn.modules.push({
      ...standIn.modules.find((module) => module.api_name === 'Shipments')!,
      api_name: 'Crates',
      id: '2423488000000834999',
    });
    const run = await createFields(client, 'Crates', texts(12, 'Crate'), (done) => {
      if (done === 5) standIn.deleteModule('Crates');
    });
    assert.equal(posts().length, 2, 'the second call is refused; the third is never sent');
    assert.deepEqual(
      run.outcomes.map((outcome) => outcome.kind),
      [...Array(5).fill('created'), ...Array(7).fill('not sent')],
    );
    assert.equal(
      run.message,
      '5 of 12 fields created in Crates; 7 not sent. The call of 5 more was refused whole, and the run stopped: Creating fields in Crates failed: the org has no module Crates (deleted or renamed in Zoho CRM?).',
    );
  });

  it('a module the org does not have: refused before anything is sent, in words', async () => {
    await assert.rejects(createFields(client, 'Nowhere', texts(2, 'X')), {
      message: 'Reading the fields of Nowhere failed: the org has no module Nowhere (deleted or renamed in Zoho CRM?).',
    });
    assert.deepEqual(posts(), []);
  });

  it('a call whose every field is refused (HTTP 400 with an entry each): each refusal at its line, nothing created', async () => {
    const run = await createFields(client, 'Shipments', [
      { field_label: 'Bad One', data_type: 'text', length: 999 },
      { field_label: 'Bad Two', data_type: 'decimal' },
    ]);
    assert.deepEqual(
      run.outcomes.map((outcome) => [outcome.kind, outcome.kind === 'refused' && outcome.error.details?.json_path]),
      [
        ['refused', '$.fields[0].length'],
        ['refused', '$.fields[1].data_type'],
      ],
    );
    assert.equal(run.message, '0 of 2 fields created in Shipments; 2 refused.');
  });
});
