/** No false conflicts: fifty updates of our own in a row, each recorded, and the plan after them is up to date. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CrmClient } from '../../client/zoho/crmClient';
import { createHttp } from '../../client/zoho/http';
import { OAuthClient } from '../../client/zoho/oauth';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { TokenManager } from '../../client/zoho/tokenManager';
import { applyPlan } from '../../client/zoho/syncApply';
import { groupFiles, planFolder } from '../../client/zoho/syncFolder';
import { emptySyncState, SyncState, withReading } from '../../client/zoho/syncState';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

describe('fifty updates of our own', () => {
  let standIn: ZohoStandIn;
  let client: CrmClient;
  before(async () => {
    standIn = await startStandIn();
    const signIn = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, [
        'ZohoCRM.settings.modules.ALL',
        'ZohoCRM.settings.fields.ALL',
      ]),
      accountsServer: standIn.url,
    });
    const log = new CapturingLog();
    client = new CrmClient(
      standIn.url,
      new TokenManager({ ...signIn }, new OAuthClient(), log.logger),
      log.logger,
      createHttp({ timeoutMs: 5000 }),
    );
  });
  after(() => standIn.stop());

  it('raise no conflict: each moves the baseline, and the plan after them is up to date', async () => {
    let state: SyncState = emptySyncState();
    const files = (round: number) => [
      {
        path: '/w/Shipments.crm-module.json',
        text: JSON.stringify({
          modules: [
            {
              plural_label: `Shipments ${round}`,
              singular_label: 'Shipment',
              profiles: [{ id: '2423488000000015972' }, { id: '2423488000000015975' }],
              api_name: 'Shipments',
            },
          ],
        }),
      },
      {
        path: '/w/Shipments.crm-fields.json',
        text: JSON.stringify({ fields: [{ field_label: 'Tracking', data_type: 'text', length: 10 + round }] }),
      },
    ];
    for (let round = 1; round <= 50; round++) {
      const plans = (
        await planFolder(client, groupFiles(files(round)).modules, state, { org: 'org', label: 'the org' }, 'v7')
      ).plans;
      assert.notEqual(plans[0].state, 'conflict', `round ${round}`);
      const run = await applyPlan(
        client,
        plans,
        { version: 'v7', force: [], allowDelete: false },
        async (module, baseline) => {
          state = withReading(state, { id: 'org', label: 'the org' }, module, baseline);
        },
      );
      assert.equal(run.stopped, undefined, `round ${round}: ${run.stopped}`);
    }
    const final = (
      await planFolder(client, groupFiles(files(50)).modules, state, { org: 'org', label: 'the org' }, 'v7')
    ).plans;
    assert.equal(final[0].state, 'up to date');
    assert.equal(standIn.crmRequests('PUT').length, 50);
  });
});
