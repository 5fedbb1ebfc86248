import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { LineIndex } from '../../server/languageservice';
import { AmbiguousRequestError, CrmClient } from '../../client/zoho/crmClient';
import { createModule, CreateOutcome, moduleIdentity } from '../../client/zoho/createModule';
import { ZohoError } from '../../client/zoho/errors';
import { createHttp } from '../../client/zoho/http';
import { locateError } from '../../client/zoho/locateError';
import { OAuthClient } from '../../client/zoho/oauth';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { TokenManager } from '../../client/zoho/tokenManager';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { body, SAMPLE_AUTONUMBER } from '../helpers/modules';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

describe('Create Module against the stand-in', () => {
  let standIn: ZohoStandIn;
  let tokens: TokenManager;
  let log: CapturingLog;
  let counter = 0;
  before(async () => {
    standIn = await startStandIn();
    const signIn = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.modules.ALL']),
      accountsServer: standIn.url,
    });
    log = new CapturingLog();
    tokens = new TokenManager({ ...signIn }, new OAuthClient(), log.logger);
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.faults = {};
    standIn.requests.length = 0;
  });

  const client = (timeoutMs?: number) =>
    new CrmClient(standIn.url, tokens, log.logger, timeoutMs ? createHttp({ timeoutMs }) : undefined);
  /** A valid body with labels no other test uses, so duplicates never collide by accident. */
  const fresh = (change: (m: Record<string, any>) => void = () => {}) => {
    counter++;
    const letters = String.fromCharCode(65 + (counter % 26)) + String.fromCharCode(65 + Math.floor(counter / 26));
    return body((m) => {
      m.plural_label = `Widgets ${letters}`;
      m.singular_label = `Widget ${letters}`;
      m.api_name = `Widgets_${letters}`;
      change(m);
    });
  };
  const posts = () => standIn.crmRequests('POST', '/crm/v7/settings/modules');
  const lineOf = (text: string, outcome: CreateOutcome) => {
    assert.equal(outcome.kind, 'rejected');
    if (outcome.kind !== 'rejected') throw new Error();
    return new LineIndex(text).position(locateError(text, outcome.errors[0]).offset).line;
  };

  it("sends exactly the file's body once, with the Zoho-oauthtoken header, and returns the id", async () => {
    const text = `${fresh()}\n`;
    const outcome = await createModule(client(), text);
    assert.equal(outcome.kind, 'created');
    assert.match(outcome.kind === 'created' ? outcome.id : '', /^\d{19}$/);
    assert.equal(posts().length, 1);
    assert.equal(posts()[0].body, text);
    assert.match(String(posts()[0].headers.authorization), /^Zoho-oauthtoken 1000\./);
  });

  it('API v8: every request goes to /crm/v8/, and a team-based module (no profiles) is created', async () => {
    const v8 = new CrmClient(standIn.url, tokens, log.logger, undefined, 'v8');
    const text =
      '{"modules": [{"plural_label": "Squads", "singular_label": "Squad", "api_name": "Squads", "access_type": "team_based"}]}';
    const outcome = await createModule(v8, text);
    assert.equal(outcome.kind, 'created');
    assert.deepEqual(
      standIn.crmRequests().map((request) => `${request.method} ${request.path}`),
      ['POST /crm/v8/settings/modules'],
    );
    assert.deepEqual(standIn.modules.find((module) => module.api_name === 'Squads')?.profiles, []);
    // The same body under v7 lacks its profiles: Zoho v7 does not know team-based modules.
    const v7 = await createModule(client(), text.replace(/Squad/g, 'Crew'));
    assert.equal(v7.kind === 'rejected' && v7.errors[0].code, 'MANDATORY_NOT_FOUND');
  });

  it('the page\'s own sample creates "Stocks"', async () => {
    assert.equal((await createModule(client(), SAMPLE_AUTONUMBER)).kind, 'created');
  });

  it('an expired access token (401 INVALID_TOKEN) is refreshed once and the request retried once', async () => {
    await tokens.accessToken();
    standIn.expireAccessTokens();
    const before = tokens.refreshCount;
    const outcome = await createModule(client(), fresh());
    assert.equal(outcome.kind, 'created');
    assert.equal(tokens.refreshCount - before, 1);
    assert.deepEqual(
      posts().map((request) => request.headers.authorization === posts()[0].headers.authorization),
      [true, false],
    );
  });

  it('a duplicate label is DUPLICATE_DATA on the plural_label line', async () => {
    const text = fresh();
    await createModule(client(), text);
    const again = await createModule(client(), text.replace(/"api_name": "[^"]+"/, '"api_name": "Another_Name"'));
    assert.equal(again.kind === 'rejected' && again.errors[0].code, 'DUPLICATE_DATA');
    assert.equal(lineOf(text, again), new LineIndex(text).position(text.indexOf('"plural_label"')).line);
    assert.match(again.kind === 'rejected' ? again.message : '', /already has a module/);
  });

  it('a duplicate api_name is DUPLICATE_DATA on the api_name line', async () => {
    const first = fresh();
    await createModule(client(), first);
    const apiName = JSON.parse(first).modules[0].api_name;
    const text = fresh((m) => (m.api_name = apiName));
    const outcome = await createModule(client(), text);
    assert.equal(lineOf(text, outcome), new LineIndex(text).position(text.indexOf('"api_name"')).line);
  });

  it('a profile id the org does not have is INVALID_DATA on the id line', async () => {
    const text = fresh((m) => (m.profiles = [{ id: '111' }]));
    const outcome = await createModule(client(), text);
    assert.equal(outcome.kind === 'rejected' && outcome.errors[0].code, 'INVALID_DATA');
    assert.equal(lineOf(text, outcome), new LineIndex(text).position(text.indexOf('"111"')).line);
  });

  it('a reserved api_name is 403 RESERVED_KEYWORD_NOT_ALLOWED', async () => {
    const text = fresh((m) => (m.api_name = 'Notes'));
    const outcome = await createModule(client(), text);
    assert.equal(outcome.kind === 'rejected' && outcome.status, 403);
    assert.equal(lineOf(text, outcome), new LineIndex(text).position(text.indexOf('"Notes"')).line);
  });

  const failures: [string, Record<string, unknown>, RegExp][] = [
    [
      'NO_PERMISSION (403): the profile, not the edition',
      { noPermission: true },
      /No permission \(HTTP 403\).*administrator/,
    ],
    ['NOT_SUPPORTED: the edition', { editionWithoutModules: true }, /Enterprise edition/],
    ['LIMIT_EXCEEDED', { moduleLimitReached: true }, /LIMIT_EXCEEDED.*Upgrade/],
    ['429: says to wait, retries nothing', { rateLimited: true }, /HTTP 429.*Wait a minute.*nothing is retried/],
    ['500', { serverError: true }, /HTTP 500.*Try again later/],
    ['an HTML page', { htmlAnswer: true }, /HTTP 502 with an HTML page/],
  ];
  for (const [name, faults, message] of failures) {
    it(`${name} gets a message a person understands`, async () => {
      standIn.faults = faults;
      const outcome = await createModule(client(), fresh());
      assert.equal(outcome.kind, 'rejected');
      assert.match(outcome.message, message);
      assert.equal(posts().length, 1);
      // A page that is not Zoho's JSON carries no errors to show on the file's lines.
      if (faults.htmlAnswer && outcome.kind === 'rejected') assert.deepEqual(outcome.errors, []);
    });
  }

  it('a wrong API domain (404) is explained', async () => {
    const wrong = new CrmClient(`${standIn.url}/wrong/`, tokens, log.logger);
    const outcome = await createModule(wrong, fresh());
    assert.match(outcome.message, /HTTP 404.*API domain/);
  });

  it('a dropped connection after creating: no second POST; the lookup says it exists', async () => {
    standIn.faults = { dropAfterCreate: true };
    const text = fresh();
    const outcome = await createModule(client(), text);
    assert.equal(outcome.kind, 'ambiguous');
    assert.ok(outcome.kind === 'ambiguous' && outcome.existing);
    assert.match(outcome.message, /it was created\. It was not sent again/);
    assert.equal(posts().length, 1);
    assert.equal(standIn.crmRequests('GET', '/crm/v7/settings/modules').length, 1);
  });

  it("a success answered with HTTP 200 (older copies of Zoho's spec) is a success too", async () => {
    standIn.faults = { createdWith200: true };
    const outcome = await createModule(client(), fresh());
    assert.equal(outcome.kind, 'created');
    assert.equal(outcome.kind === 'created' && outcome.message, 'module created successfully');
  });

  it('the lookup after a lost answer finds the module by its api_name or by its plural label alone, in any letter case', async () => {
    const text = body((m) => {
      m.plural_label = 'Gears Lost';
      m.singular_label = 'Gear Lost';
      m.api_name = 'Gears_Lost';
    });
    const lookup = (modules: { id: string; api_name: string; plural_label?: string }[]) => {
      const lost = Object.create(client()) as CrmClient;
      lost.request = async () => {
        throw new AmbiguousRequestError('The request was sent but no answer came back.');
      };
      lost.listModules = async () => modules;
      return createModule(lost, text);
    };
    const byApiName = await lookup([{ id: '1', api_name: 'GEARS_LOST', plural_label: 'Renamed Since' }]);
    assert.equal(byApiName.kind === 'ambiguous' && byApiName.existing?.id, '1');
    assert.match(byApiName.message, /Zoho has the module "Renamed Since" \(id 1\): it was created/);
    const byLabel = await lookup([{ id: '2', api_name: 'Other_Name', plural_label: 'gears lost' }]);
    assert.equal(byLabel.kind === 'ambiguous' && byLabel.existing?.id, '2');
    const byApiNameWithoutLabel = await lookup([{ id: '3', api_name: 'Gears_Lost' }]);
    assert.match(byApiNameWithoutLabel.message, /Zoho has the module "Gears_Lost" \(id 3\)/);
    // Some of Zoho's own modules come without a plural label: passed over, not a crash.
    const afterUnlabelled = await lookup([
      { id: '5', api_name: 'Linking_Module' },
      { id: '6', api_name: 'X', plural_label: 'Gears Lost' },
    ]);
    assert.equal(afterUnlabelled.kind === 'ambiguous' && afterUnlabelled.existing?.id, '6');
    const neither = await lookup([{ id: '4', api_name: 'Gears', plural_label: 'Gears' }]);
    assert.equal(neither.kind === 'ambiguous' && neither.existing, undefined);
    assert.match(neither.message, /Zoho has no module "Gears Lost": it was not created/);
    const unnamed = await createModule(
      Object.assign(Object.create(client()) as CrmClient, {
        request: async () => {
          throw new AmbiguousRequestError('lost.');
        },
        listModules: async () => [],
      }),
      body((m) => {
        delete m.plural_label;
        m.api_name = 'Only_Api';
      }),
    );
    assert.match(unnamed.message, /Zoho has no module "Only_Api"/);
  });

  it('a dropped connection and a failing lookup: no second POST; says it cannot tell, and where to look', async () => {
    standIn.faults = { dropAfterCreate: true, listingFails: true };
    const outcome = await createModule(client(), fresh());
    assert.equal(outcome.kind, 'ambiguous');
    assert.ok(
      outcome.kind === 'ambiguous' && !outcome.existing && outcome.lookupError?.includes('HTTP 500 INTERNAL_ERROR'),
    );
    assert.match(
      outcome.message,
      /^The request was sent but no answer came back: the connection was dropped, and looking the module up failed too \(Listing the modules failed: HTTP 500 INTERNAL_ERROR: Internal Server Error\.\)\. The module may or may not exist: check Zoho CRM \(Setup › Modules\) before sending again\.$/,
    );
    assert.equal(posts().length, 1);
  });

  it('a timeout before Zoho answered: no second POST; the lookup says it does not exist', async () => {
    standIn.faults = { slowMs: 400 };
    const outcome = await createModule(client(100), fresh());
    assert.equal(outcome.kind, 'ambiguous');
    assert.match(outcome.message, /no answer in time.*it was not created, and it was not sent again/);
    assert.equal(posts().length, 1);
  });

  it('a server that cannot be reached is a network error before anything is sent', async () => {
    await assert.rejects(
      createModule(new CrmClient('http://127.0.0.1:9', tokens, log.logger), fresh()),
      (error: ZohoError) => error.kind === 'network',
    );
  });

  // Answers no Zoho document shows (a proxy, a changed API): never "created" without an id, never "refused"
  // when the module may exist, never a second POST.
  const strange: [
    string,
    { status: number; body: string; changed: boolean },
    (outcome: CreateOutcome, label: string) => void,
  ][] = [
    [
      'a success without an id is looked up: the module is there',
      {
        status: 201,
        body: '{"modules":[{"code":"SUCCESS","details":{},"message":"module created successfully","status":"success"}]}',
        changed: true,
      },
      (outcome, label) => {
        assert.equal(outcome.kind === 'ambiguous' && outcome.existing?.plural_label, label);
        assert.match(
          outcome.message,
          new RegExp(
            `^Zoho said the module was created but not its id\\. Zoho has the module "${label}" \\(id \\d{19}\\): it was created\\. It was not sent again\\.$`,
          ),
        );
      },
    ],
    [
      "a success without a message says Zoho's usual words; a numeric id is a string",
      { status: 201, body: '{"modules":[{"details":{"id":42},"status":"success"}]}', changed: true },
      (outcome) => {
        assert.deepEqual(outcome, { kind: 'created', id: '42', message: 'module created successfully' });
      },
    ],
    [
      'a 200 that says neither success nor error is looked up: the module is not there',
      { status: 200, body: '{}', changed: false },
      (outcome, label) => {
        assert.equal(
          outcome.message,
          `Zoho answered HTTP 200 without saying whether it worked. Zoho has no module "${label}": it was not created, and it was not sent again. You can send it again.`,
        );
      },
    ],
    [
      'a 200 that says neither, after creating it, is looked up: the module is there',
      { status: 200, body: '{"modules":[]}', changed: true },
      (outcome, label) => {
        assert.equal(outcome.kind === 'ambiguous' && outcome.existing?.plural_label, label);
      },
    ],
    [
      'a 200 carrying an error entry is a refusal with that error',
      {
        status: 200,
        body: '{"modules":[{"code":"INVALID_DATA","details":{"api_name":"plural_label"},"message":"invalid data","status":"error"}]}',
        changed: false,
      },
      (outcome) => {
        assert.equal(outcome.kind === 'rejected' && outcome.errors.map((error) => error.code).join(), 'INVALID_DATA');
      },
    ],
    [
      'a 400 whose entry says success is still a refusal',
      { status: 400, body: '{"modules":[{"details":{"id":"42"},"status":"success"}]}', changed: false },
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
        assert.match(outcome.message, /HTTP 500.*Try again later/);
      },
    ],
    [
      'a bare 404 has no errors to show, and says check the API domain',
      { status: 404, body: '{}', changed: false },
      (outcome) => {
        assert.deepEqual(outcome.kind === 'rejected' && outcome.errors, []);
        assert.match(outcome.message, /HTTP 404.*API domain/);
      },
    ],
    [
      'plain text is "not JSON", not an HTML page',
      { status: 502, body: 'upstream connect error', changed: false },
      (outcome) => {
        assert.equal(
          outcome.message,
          'Zoho answered HTTP 502 with something that is not JSON, not a JSON answer. The module was probably not created; check the API domain (zohoCrm.apiDomain) or your proxy, then look in Zoho CRM before sending again.',
        );
      },
    ],
  ];
  for (const [name, answer, check] of strange) {
    it(`an answer no document shows: ${name}`, async () => {
      standIn.faults = { strangeAnswer: answer };
      const text = fresh();
      const outcome = await createModule(client(), text);
      check(outcome, JSON.parse(text).modules[0].plural_label);
      assert.equal(posts().length, 1);
    });
  }
});

describe('locating Zoho errors in the file', () => {
  const text = body();
  const at = (details: Record<string, unknown>) => {
    const place = locateError(text, { code: 'X', message: 'x', details });
    return text.substr(place.offset, place.length);
  };
  it('by json_path', () =>
    assert.equal(at({ json_path: '$.modules[0].display_field.auto_number.prefix' }), '"ZOHOCRM"'));
  it('by api_name', () => assert.equal(at({ api_name: 'start_number' }), '"1003"'));
  it('an object by its key', () => assert.equal(at({ api_name: 'display_field' }), '"display_field"'));
  it('nothing named: the modules key', () => assert.equal(at({}), '"modules"'));
  it('a json_path the file does not have: then its api_name', () =>
    assert.equal(at({ json_path: '$.modules[0].nothing', api_name: 'prefix' }), '"ZOHOCRM"'));
  it("a key at the module's level before a nested one of the same name", () => {
    const nested = '{"modules": [{"display_field": {"api_name": "inner"}, "api_name": "outer"}]}';
    const place = locateError(nested, { code: 'X', message: 'x', details: { api_name: 'api_name' } });
    assert.equal(nested.substr(place.offset, place.length), '"outer"');
  });
  it('a list by its key; an entry of a list (it has no key) whole; a value by a bracketed json_path', () => {
    assert.equal(at({ api_name: 'profiles' }), '"profiles"');
    assert.equal(at({ json_path: '$.modules[0].profiles[0]' }), '{\n          "id": "2423488000000015972"\n        }');
    assert.equal(at({ json_path: "$['modules'][0]['profiles'][0]['id']" }), '"2423488000000015972"');
  });
  it("a key the module lacks: the module's opening brace, as no fallback", () => {
    const place = locateError(text, {
      code: 'MANDATORY_NOT_FOUND',
      message: 'x',
      details: { api_name: 'missing_key' },
    });
    assert.deepEqual([text.substr(place.offset, place.length), place.fallback], ['{', false]);
    assert.equal(place.offset, text.indexOf('{', text.indexOf('"modules"')));
  });
  it('the module Zoho names by its index', () => {
    const two = JSON.stringify({ modules: [{ plural_label: 'A' }, { plural_label: 'B' }] });
    const place = locateError(two, {
      code: 'X',
      message: 'x',
      details: { api_name: 'plural_label', resource_path_index: 1 },
    });
    assert.equal(two.substr(place.offset, place.length), '"B"');
  });
  it('what an error names is found, and not as a fallback; a list entry by its index, past nine too', () => {
    assert.deepEqual(locateError(text, { code: 'X', message: 'x', details: { api_name: 'prefix' } }).fallback, false);
    assert.deepEqual(
      locateError(text, { code: 'X', message: 'x', details: { json_path: '$.modules[0].api_name' } }).fallback,
      false,
    );
    assert.deepEqual(
      locateError(text, { code: 'X', message: 'x', details: { api_name: 'display_field' } }).fallback,
      false,
    );
    assert.deepEqual(locateError('{"modules": []}', { code: 'X', message: 'x', details: { json_path: '$' } }), {
      offset: 0,
      length: 15,
      fallback: false,
    });
    assert.equal(at({ api_name: 'id' }), '"2423488000000015972"');
    const many = body(
      (m) => (m.profiles = Array.from({ length: 12 }, (_, index) => ({ id: `24234880000000${10000 + index}` }))),
    );
    const place = locateError(many, {
      code: 'X',
      message: 'x',
      details: { json_path: '$.modules[0].profiles[11].id' },
    });
    assert.equal(many.substr(place.offset, place.length), '"2423488000000010011"');
    const entry = locateError(many, { code: 'X', message: 'x', details: { json_path: '$.modules[0].profiles[1]' } });
    assert.equal(many.substr(entry.offset, entry.length).replace(/\s/g, ''), '{"id":"2423488000000010001"}');
  });
  it('an error without details, or with details of the wrong type, falls back to the modules key', () => {
    for (const details of [undefined, { json_path: 5 }, { api_name: 7 }, { resource_path_index: 'x' }]) {
      const place = locateError(text, {
        code: 'X',
        message: 'x',
        details: details as Record<string, unknown> | undefined,
      });
      assert.deepEqual(
        [text.substr(place.offset, place.length), place.fallback],
        ['"modules"', true],
        JSON.stringify(details),
      );
    }
  });
  it('a body without modules: the whole body, as a fallback, whatever key the error names', () => {
    assert.deepEqual(locateError('{}', { code: 'X', message: 'x', details: { api_name: 'plural_label' } }), {
      offset: 0,
      length: 2,
      fallback: true,
    });
  });
  it('a file that is not JSON: its first character, as a fallback; an empty file: nothing', () => {
    assert.deepEqual(locateError('oops', { code: 'X', message: 'x', details: { api_name: 'plural_label' } }), {
      offset: 0,
      length: 1,
      fallback: true,
    });
    assert.deepEqual(locateError('', { code: 'X', message: 'x' }), { offset: 0, length: 0, fallback: true });
  });
});

describe('what a body says its module is', () => {
  it('the api_name and plural_label when they are strings', () => {
    assert.deepEqual(moduleIdentity(SAMPLE_AUTONUMBER), { apiName: 'stock', pluralLabel: 'Stocks' });
    assert.deepEqual(moduleIdentity('{"modules": [{"api_name": 5, "plural_label": ["x"]}]}'), {
      apiName: undefined,
      pluralLabel: undefined,
    });
  });
  it('nothing, and no crash, for a body without modules or that is not JSON', () => {
    for (const text of ['{}', '{"modules": null}', '{"modules": []}', 'null', 'not json']) {
      const identity = moduleIdentity(text);
      assert.equal(identity.apiName, undefined, text);
      assert.equal(identity.pluralLabel, undefined, text);
    }
  });
});
