import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { analyze, LineIndex } from '../../server/languageservice';
import { CrmClient } from '../../client/zoho/crmClient';
import { ZohoError } from '../../client/zoho/errors';
import { locateError } from '../../client/zoho/locateError';
import { errorInFile, moduleFileText, planUpdate, readModuleFile } from '../../client/zoho/moduleFile';
import { OAuthClient } from '../../client/zoho/oauth';
import { fetchOrgSnapshot } from '../../client/zoho/orgSnapshot';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { TokenManager } from '../../client/zoho/tokenManager';
import { updateModule, UpdateOutcome } from '../../client/zoho/updateModule';
import { PROFILES, ZohoStandIn } from '../zohoStandIn/standIn';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

const ADMIN = PROFILES[0].id;
const STANDARD = PROFILES[1].id;
const LITE = PROFILES[2].id;

describe('the org: snapshot, pull, compare and update against the stand-in', () => {
  let standIn: ZohoStandIn;
  let log: CapturingLog;
  const signedIn = async (scopes: string[]) => {
    const answer = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, scopes),
      accountsServer: standIn.url,
    });
    return new CrmClient(standIn.url, new TokenManager({ ...answer }, new OAuthClient(), log.logger), log.logger);
  };
  let client: CrmClient;
  before(async () => {
    standIn = await startStandIn();
    log = new CapturingLog();
    client = await signedIn(['ZohoCRM.settings.modules.ALL', 'ZohoCRM.settings.profiles.READ']);
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.faults = {};
    standIn.requests.length = 0;
  });
  const shipments = () => standIn.modules.find((module) => module.api_name === 'Shipments')!;

  it('a snapshot is exactly two GETs: the profiles and the modules, with names and kinds', async () => {
    const snapshot = await fetchOrgSnapshot(client, 'Zylker Local (US)', 1000);
    assert.deepEqual(
      standIn
        .crmRequests()
        .map((request) => `${request.method} ${request.path}`)
        .sort(),
      ['GET /crm/v7/settings/modules', 'GET /crm/v7/settings/profiles'],
    );
    assert.deepEqual(
      snapshot.profiles.map((profile) => [profile.name, profile.type]),
      PROFILES.map((profile) => [profile.name, profile.type]),
    );
    assert.equal(snapshot.fetchedAt, 1000);
    assert.deepEqual(
      snapshot.modules.find((module) => module.api_name === 'Shipments'),
      {
        api_name: 'Shipments',
        id: shipments().id,
        plural_label: 'Shipments',
        singular_label: 'Shipment',
        generated_type: 'custom',
      },
    );
  });

  it('a sign-in without the profiles scope gets one message naming the scope to add', async () => {
    const narrow = await signedIn(['ZohoCRM.settings.modules.ALL']);
    await assert.rejects(fetchOrgSnapshot(narrow, 'Zylker'), (error: ZohoError) => {
      assert.match(
        error.message,
        /does not grant ZohoCRM\.settings\.profiles\.READ\. Add it to the setting zohoCrm\.oauth\.scopes and sign in again/,
      );
      return true;
    });
  });

  it('a refused or failing snapshot is an error, never a partial snapshot', async () => {
    standIn.faults = { listingFails: true };
    await assert.rejects(fetchOrgSnapshot(client, 'Zylker'), /Listing the modules failed: HTTP 500 INTERNAL_ERROR/);
  });

  it('reads one module with its profiles; an unknown API name is no module (INVALID_MODULE), case-sensitive', async () => {
    const module = await client.getModule('Shipments');
    assert.deepEqual(
      module?.profiles?.map((profile) => profile.name),
      ['Administrator', 'Standard'],
    );
    assert.equal(await client.getModule('shipments'), undefined);
    assert.equal(await client.getModule('Nothing_Here'), undefined);
  });

  it('pull: the module as a Create body that lints clean and reads back the same', async () => {
    const text = moduleFileText((await client.getModule('Shipments'))!);
    assert.deepEqual(analyze(text).findings, []);
    assert.deepEqual(JSON.parse(text), {
      modules: [
        {
          plural_label: 'Shipments',
          singular_label: 'Shipment',
          profiles: [{ id: ADMIN }, { id: STANDARD }],
          api_name: 'Shipments',
        },
      ],
    });
    assert.deepEqual(readModuleFile(text), {
      api_name: 'Shipments',
      plural_label: 'Shipments',
      singular_label: 'Shipment',
      profileIds: [ADMIN, STANDARD],
    });
  });

  it('compare: no differences for the pulled file; labels and profiles by name otherwise; api_name is only reported', async () => {
    const org = (await client.getModule('Shipments'))!;
    assert.deepEqual(planUpdate(readModuleFile(moduleFileText(org))!, org).differences, []);
    const names = (id: string) => PROFILES.find((profile) => profile.id === id)?.name;
    const plan = planUpdate(
      { api_name: 'shipments', plural_label: 'Parcels', singular_label: 'Shipment', profileIds: [ADMIN, LITE] },
      org,
      names,
    );
    assert.deepEqual(
      plan.differences.map((difference) => difference.text),
      [
        'plural_label: "Shipments" → "Parcels"',
        `profiles: + Sales Lite (${LITE}), − Standard (${STANDARD})`,
        'api_name: "Shipments" → "shipments" (Zoho changes API names only in its web UI; Update keeps "Shipments")',
      ],
    );
    assert.deepEqual(
      plan.changes.map((change) => change.key),
      ['plural_label', 'profiles'],
    );
    assert.equal(plan.apiName, 'Shipments');
  });

  it('update: exactly one PUT to the module, labels and the profiles as a change; the org then matches the file', async () => {
    const org = (await client.getModule('Shipments'))!;
    const plan = planUpdate(
      { api_name: 'Shipments', plural_label: 'Parcels', singular_label: 'Parcel', profileIds: [ADMIN, LITE] },
      org,
    );
    standIn.requests.length = 0;
    const outcome = await updateModule(client, plan);
    assert.deepEqual(outcome, { kind: 'updated', id: org.id, message: 'module updated successfully' });
    const puts = standIn.crmRequests('PUT');
    assert.equal(puts.length, 1);
    assert.equal(puts[0].path, '/crm/v7/settings/modules/Shipments');
    assert.deepEqual(JSON.parse(puts[0].body), {
      modules: [
        {
          id: org.id,
          plural_label: 'Parcels',
          singular_label: 'Parcel',
          profiles: [{ id: ADMIN }, { id: LITE }, { id: STANDARD, _delete: null }],
        },
      ],
    });
    assert.deepEqual(standIn.crmRequests().length, 1);
    const after = (await client.getModule('Shipments'))!;
    assert.deepEqual(
      [after.plural_label, after.profiles?.map((profile) => profile.id).sort()],
      ['Parcels', [ADMIN, LITE].sort()],
    );
    assert.deepEqual(planUpdate(readModuleFile(moduleFileText(after))!, after).differences, []);
    // Back as it was, for the other tests.
    await updateModule(
      client,
      planUpdate({ plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] }, after),
    );
  });

  it("a refused update names the file's own line: a label another module has, a profile the org lacks", async () => {
    const org = (await client.getModule('Shipments'))!;
    const text = JSON.stringify(
      {
        modules: [
          {
            plural_label: 'Leads',
            singular_label: 'Shipment',
            profiles: [{ id: ADMIN }, { id: STANDARD }],
            api_name: 'Shipments',
          },
        ],
      },
      null,
      2,
    );
    const plan = planUpdate(readModuleFile(text)!, org);
    const outcome = await updateModule(client, plan);
    assert.equal(outcome.kind, 'rejected');
    if (outcome.kind !== 'rejected') return;
    assert.equal(outcome.errors[0].code, 'DUPLICATE_DATA');
    assert.match(outcome.message, /^Zoho did not update the module: DUPLICATE_DATA/);
    const lines = new LineIndex(text);
    assert.equal(
      lines.position(locateError(text, errorInFile(outcome.errors[0], plan)).offset).line,
      text.split('\n').findIndex((line) => line.includes('"Leads"')) + 1,
    );

    const unknown = JSON.stringify(
      {
        modules: [
          {
            plural_label: 'Shipments',
            singular_label: 'Shipment',
            profiles: [{ id: ADMIN }, { id: '99' }],
            api_name: 'Shipments',
          },
        ],
      },
      null,
      2,
    );
    const second = planUpdate(readModuleFile(unknown)!, org);
    const refused = await updateModule(client, second);
    assert.equal(refused.kind === 'rejected' && refused.errors[0].code, 'INVALID_DATA');
    if (refused.kind !== 'rejected') return;
    const place = locateError(unknown, errorInFile(refused.errors[0], second));
    assert.equal(unknown.slice(place.offset, place.offset + place.length), '"99"');
    assert.equal(shipments().plural_label, 'Shipments');
  });

  it('a module deleted in Zoho since: INVALID_MODULE, in words, nothing else sent', async () => {
    const org = (await client.getModule('Shipments'))!;
    const plan = planUpdate(
      { ...readModuleFile(moduleFileText(org))!, api_name: 'Gone' },
      { ...org, api_name: 'Gone' },
    );
    standIn.requests.length = 0;
    const outcome = await updateModule(client, plan);
    assert.equal(outcome.kind, 'rejected');
    assert.match(outcome.message, /INVALID_MODULE.*no module of this API name/);
    assert.equal(standIn.crmRequests().length, 1);
  });

  it('a lost answer is looked up with a GET, never sent again: the change went through', async () => {
    const org = (await client.getModule('Shipments'))!;
    const plan = planUpdate(
      { plural_label: 'Consignments', singular_label: 'Consignment', profileIds: [ADMIN, STANDARD] },
      org,
    );
    standIn.faults = { dropAfterUpdate: true };
    standIn.requests.length = 0;
    const outcome = await updateModule(client, plan);
    assert.equal(outcome.kind, 'ambiguous');
    assert.equal(outcome.kind === 'ambiguous' && outcome.applied, true);
    assert.match(outcome.message, /the update went through\. It was not sent again/);
    assert.deepEqual(
      standIn.crmRequests().map((request) => request.method),
      ['PUT', 'GET'],
    );
    standIn.faults = {};
    await updateModule(
      client,
      planUpdate(
        { plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
        (await client.getModule('Shipments'))!,
      ),
    );
  });

  it('a lost answer whose lookup fails says so, and still sends nothing twice', async () => {
    const org = (await client.getModule('Shipments'))!;
    const plan = planUpdate({ plural_label: 'Consignments', singular_label: 'Consignment', profileIds: [ADMIN] }, org);
    let calls = 0;
    const flaky = Object.create(client) as CrmClient;
    flaky.getModule = async () => {
      calls++;
      throw new ZohoError('Could not reach Zoho', 'network');
    };
    standIn.faults = { dropAfterUpdate: true };
    standIn.requests.length = 0;
    const outcome = await updateModule(flaky, plan);
    assert.equal(outcome.kind === 'ambiguous' && outcome.lookupError, 'Could not reach Zoho');
    assert.match(
      outcome.message,
      /, and reading the module back failed too \(Could not reach Zoho\)\. Compare with the org before sending again\.$/,
    );
    assert.equal(calls, 1);
    assert.equal(standIn.crmRequests('PUT').length, 1);
    standIn.faults = {};
    await updateModule(
      client,
      planUpdate(
        { plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
        (await client.getModule('Shipments'))!,
      ),
    );
  });
});

describe('Update Custom Module: every answer Zoho can give, and a lost one', () => {
  let standIn: ZohoStandIn;
  let client: CrmClient;
  before(async () => {
    standIn = await startStandIn();
    const log = new CapturingLog();
    const answer = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, [
        'ZohoCRM.settings.modules.ALL',
        'ZohoCRM.settings.profiles.READ',
      ]),
      accountsServer: standIn.url,
    });
    client = new CrmClient(standIn.url, new TokenManager({ ...answer }, new OAuthClient(), log.logger), log.logger);
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.faults = {};
    standIn.requests.length = 0;
  });
  const org = async () => (await client.getModule('Shipments'))!;
  const puts = () => standIn.crmRequests('PUT').length;

  it("success names the module id and Zoho's message", async () => {
    const outcome = await updateModule(
      client,
      planUpdate({ plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] }, await org()),
    );
    assert.deepEqual(outcome, { kind: 'updated', id: '2423488000000834001', message: 'module updated successfully' });
  });

  it('an HTML page (a proxy) is a refusal without errors, in words, and nothing is retried', async () => {
    const plan = planUpdate(
      { plural_label: 'Freight', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
      await org(),
    );
    standIn.faults = { htmlAnswer: true };
    const outcome = await updateModule(client, plan);
    assert.deepEqual(outcome, {
      kind: 'rejected',
      status: 502,
      errors: [],
      message:
        'Zoho answered HTTP 502 with an HTML page, not a JSON answer. Check the module in Zoho CRM before sending again.',
    });
    assert.equal(puts(), 1);
  });

  it('429 and 500 are refusals that say nothing changed or Zoho failed; 5xx without errors gets INTERNAL_ERROR', async () => {
    const plan = planUpdate(
      { plural_label: 'Freight', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
      await org(),
    );
    standIn.faults = { rateLimited: true };
    const limited = await updateModule(client, plan);
    assert.equal(limited.kind === 'rejected' && limited.status, 429);
    assert.match(
      limited.kind === 'rejected' ? limited.message : '',
      /Nothing was changed, and nothing is retried on its own\./,
    );
    standIn.faults = { serverError: true };
    const failed = await updateModule(client, plan);
    assert.deepEqual(failed.kind === 'rejected' && failed.errors.map((error) => error.code), ['INTERNAL_ERROR']);
    assert.match(failed.kind === 'rejected' ? failed.message : '', /^Zoho failed \(HTTP 500 INTERNAL_ERROR\)/);
    assert.equal(puts(), 2);
    standIn.faults = {};
    assert.equal((await org()).plural_label, 'Shipments');
  });

  it('a lost answer before anything changed: looked up, said not applied, not sent again', async () => {
    const plan = planUpdate(
      { plural_label: 'Freight', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
      await org(),
    );
    standIn.faults = { dropBeforeUpdate: true };
    const outcome = await updateModule(client, plan);
    assert.equal(outcome.kind === 'ambiguous' && outcome.applied, false);
    assert.match(
      outcome.message,
      /does not have the changes: the update did not go through, and it was not sent again\. You can send it again\.$/,
    );
    assert.equal(puts(), 1);
  });

  it('the lookup compares every part: same labels but profiles not changed is "not applied"; a removal must be gone', async () => {
    const onlyProfiles = planUpdate(
      { plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, LITE] },
      await org(),
    );
    standIn.faults = { dropBeforeUpdate: true };
    const outcome = await updateModule(client, onlyProfiles);
    assert.equal(outcome.kind === 'ambiguous' && outcome.applied, false, 'labels equal, profiles not: not applied');
    const singular = planUpdate(
      { plural_label: 'Shipments', singular_label: 'Parcel', profileIds: [ADMIN, STANDARD] },
      await org(),
    );
    standIn.faults = { dropBeforeUpdate: true };
    const singularOutcome = await updateModule(client, singular);
    assert.equal(
      singularOutcome.kind === 'ambiguous' && singularOutcome.applied,
      false,
      'plural label equal, singular not: not applied',
    );
    standIn.faults = { dropAfterUpdate: true };
    const applied = await updateModule(client, onlyProfiles);
    assert.equal(applied.kind === 'ambiguous' && applied.applied, true, 'added and removed as planned: applied');
    standIn.faults = {};
    await updateModule(
      client,
      planUpdate({ plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] }, await org()),
    );
  });

  it('no connection at all (nothing was sent) is an error of its own, not a lookup', async () => {
    const plan = planUpdate(
      { plural_label: 'Freight', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
      await org(),
    );
    const log = new CapturingLog();
    const offline = new CrmClient(
      'http://127.0.0.1:9',
      { accessToken: async () => 'token', invalidate: () => {} } as unknown as TokenManager,
      log.logger,
    );
    let looked = 0;
    offline.getModule = async () => {
      looked++;
      return undefined;
    };
    await assert.rejects(updateModule(offline, plan), (error: ZohoError) => error.kind === 'network');
    assert.equal(looked, 0);
  });

  it('a lost answer for a module deleted meanwhile says so', async () => {
    const plan = planUpdate(
      { plural_label: 'Freight', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
      await org(),
    );
    const gone = Object.create(client) as CrmClient;
    gone.getModule = async () => undefined;
    standIn.faults = { dropBeforeUpdate: true };
    const outcome = await updateModule(gone, plan);
    assert.deepEqual(outcome.kind === 'ambiguous' && [outcome.applied, outcome.message.replace(/^.*?\. /, '')], [
      false,
      'Zoho no longer has the module Shipments; it was not sent again.',
    ]);
  });

  // Answers no Zoho document shows (a proxy, a changed API): never "refused" when the change may have been made,
  // never a second PUT.
  const strange: [string, { status: number; body: string; changed: boolean }, (outcome: UpdateOutcome) => void][] = [
    [
      "a success without id or message: the module's own id and Zoho's usual words",
      { status: 200, body: '{"modules":[{"status":"success"}]}', changed: true },
      (outcome) => {
        assert.deepEqual(outcome, {
          kind: 'updated',
          id: '2423488000000834001',
          message: 'module updated successfully',
        });
      },
    ],
    [
      'a 200 with nothing in it, after the change: read back, applied',
      { status: 200, body: '{}', changed: true },
      (outcome) => {
        assert.deepEqual(outcome, {
          kind: 'ambiguous',
          applied: true,
          message:
            "Zoho answered HTTP 200 without saying whether it worked. Zoho's module Shipments has the changes: the update went through. It was not sent again.",
        });
      },
    ],
    [
      'a 202 with an empty list, before the change: read back, not applied',
      { status: 202, body: '{"modules":[]}', changed: false },
      (outcome) => {
        assert.equal(outcome.kind === 'ambiguous' && outcome.applied, false);
      },
    ],
    [
      'a 400 whose entry says success is still a refusal',
      { status: 400, body: '{"modules":[{"status":"success"}]}', changed: false },
      (outcome) => {
        assert.deepEqual(outcome.kind === 'rejected' && outcome.errors, []);
      },
    ],
    [
      "a bare 500 is Zoho's INTERNAL_ERROR",
      { status: 500, body: '{}', changed: false },
      (outcome) => {
        assert.deepEqual(outcome.kind === 'rejected' && outcome.errors, [
          { code: 'INTERNAL_ERROR', message: 'Internal Server Error' },
        ]);
      },
    ],
    [
      'a bare 404 has no errors to show',
      { status: 404, body: '{}', changed: false },
      (outcome) => {
        assert.deepEqual(outcome.kind === 'rejected' && outcome.errors, []);
      },
    ],
    [
      'plain text is "not JSON"',
      { status: 502, body: 'upstream connect error', changed: false },
      (outcome) => {
        assert.equal(
          outcome.message,
          'Zoho answered HTTP 502 with something that is not JSON, not a JSON answer. Check the module in Zoho CRM before sending again.',
        );
      },
    ],
  ];
  for (const [name, answer, check] of strange) {
    it(`an answer no document shows: ${name}`, async () => {
      const plan = planUpdate(
        { plural_label: 'Freight', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
        await org(),
      );
      standIn.faults = { strangeAnswer: answer };
      check(await updateModule(client, plan));
      assert.equal(puts(), 1);
      standIn.faults = {};
      if ((await org()).plural_label !== 'Shipments')
        await updateModule(
          client,
          planUpdate(
            { plural_label: 'Shipments', singular_label: 'Shipment', profileIds: [ADMIN, STANDARD] },
            await org(),
          ),
        );
    });
  }
});

describe("the module as a file, and where the PUT body's errors point", () => {
  const org = {
    id: '7',
    api_name: 'Shipments',
    plural_label: 'Shipments',
    singular_label: 'Shipment',
    profiles: [{ id: 'A' }, { id: 'B' }],
  };
  it('reads what Update can send, and nothing from what is not a module body', () => {
    assert.equal(readModuleFile('not json'), undefined);
    assert.equal(readModuleFile('{"modules": []}'), undefined);
    assert.equal(readModuleFile('{}'), undefined);
    assert.equal(readModuleFile('{"modules": ["x"]}'), undefined);
    assert.deepEqual(
      readModuleFile(
        '{"modules": [{"plural_label": 1, "profiles": [{"id": 5}, {"id": "6"}, {"name": "x"}, null, {"id": true}]}]}',
      ),
      { api_name: undefined, plural_label: undefined, singular_label: undefined, profileIds: ['5', '6'] },
    );
    assert.deepEqual(readModuleFile('{"modules": [{"profiles": {"id": "1"}}]}')?.profileIds, []);
  });
  it('writes a module without profiles or labels as a body that still names it', () => {
    assert.deepEqual(JSON.parse(moduleFileText({ id: '1', api_name: 'Crews' })).modules[0], {
      plural_label: 'Crews',
      singular_label: 'Crews',
      profiles: [],
      api_name: 'Crews',
    });
    assert.ok(moduleFileText({ id: '1', api_name: 'Crews' }).endsWith('}\n'));
  });
  it('plans only what the file says: a label the file leaves out is kept, and only additions or only removals show', () => {
    assert.deepEqual(planUpdate({ profileIds: ['A', 'B'] }, org).differences, []);
    assert.deepEqual(JSON.parse(planUpdate({ profileIds: ['A', 'B'] }, org).body).modules[0], {
      id: '7',
      plural_label: 'Shipments',
      singular_label: 'Shipment',
      profiles: [{ id: 'A' }, { id: 'B' }],
    });
    assert.deepEqual(
      planUpdate({ profileIds: ['A', 'B', 'C'] }, org).differences.map((difference) => difference.text),
      ['profiles: + C'],
    );
    assert.deepEqual(
      planUpdate({ profileIds: ['A'] }, org).differences.map((difference) => difference.text),
      ['profiles: − B'],
    );
    assert.deepEqual(
      planUpdate(
        { profileIds: ['A', 'B'], singular_label: 'Parcel' },
        { ...org, singular_label: undefined },
      ).differences.map((difference) => difference.text),
      ['singular_label: "" → "Parcel"'],
    );
    assert.deepEqual(planUpdate({ profileIds: ['A', 'B'] }, { ...org, profiles: undefined }).added, ['A', 'B']);
    assert.deepEqual(
      planUpdate({ profileIds: [] }, { ...org, profiles: undefined }).removed,
      [],
      'a module without profiles (team-based) has none to remove',
    );
    const renamed = planUpdate({ api_name: 'Cargo', profileIds: ['A', 'B'] }, org);
    assert.deepEqual(
      renamed.differences.map((difference) => difference.key),
      ['api_name'],
    );
    assert.deepEqual(renamed.changes, []);
  });
  it('points an error about the body\'s profiles at the file\'s own entry; a removal at "profiles"; the module id at api_name', () => {
    const plan = planUpdate({ profileIds: ['C', 'A', 'C'] }, org);
    // The body: C, A (the file's first C and its A), then B removed.
    assert.deepEqual(JSON.parse(plan.body).modules[0].profiles, [{ id: 'C' }, { id: 'A' }, { id: 'B', _delete: null }]);
    const at = (json_path?: string) =>
      errorInFile({ code: 'INVALID_DATA', message: 'x', details: json_path === undefined ? {} : { json_path } }, plan)
        .details?.json_path;
    assert.equal(at('$.modules[0].profiles[1].id'), '$.modules[0].profiles[1].id');
    assert.equal(at('$.modules[0].profiles[0]'), '$.modules[0].profiles[0]');
    assert.equal(at('$.modules[0].profiles[1].permissions[0].name'), '$.modules[0].profiles[1].permissions[0].name');
    assert.equal(at('$.modules[0].fields[1]'), '$.modules[0].fields[1]', 'another list of the body keeps its path');
    assert.equal(at('$.modules[0].profiles[2].id'), '$.modules[0].profiles');
    assert.equal(at('$.modules[0].id'), '$.modules[0].api_name');
    assert.equal(at('$.modules[0].plural_label'), '$.modules[0].plural_label');
    assert.equal(at(undefined), undefined);
    const reordered = planUpdate({ profileIds: ['B', 'X', 'A'] }, org);
    assert.equal(
      errorInFile(
        { code: 'INVALID_DATA', message: 'x', details: { json_path: '$.modules[0].profiles[1].id' } },
        reordered,
      ).details?.json_path,
      '$.modules[0].profiles[1].id',
    );
    const shifted = planUpdate({ profileIds: ['A', 'A', 'X'] }, org);
    assert.equal(
      errorInFile(
        { code: 'INVALID_DATA', message: 'x', details: { json_path: '$.modules[0].profiles[1].id' } },
        shifted,
      ).details?.json_path,
      '$.modules[0].profiles[2].id',
    );
    const untouched = { code: 'INVALID_DATA', message: 'x' };
    assert.equal(errorInFile(untouched, plan), untouched);
  });
});
