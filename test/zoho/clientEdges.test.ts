/**
 * The CRM client, OAuth and sign-in at their edges, in process against the hostile Zoho scripted to answer
 * exactly one way: what each request carries, what each log line and message says, which answers are
 * refused and with which words. Quick on purpose: the mutation run of these files starts here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AmbiguousRequestError, CrmClient, errorsOf, unexpected } from '../../client/zoho/crmClient';
import { ZohoError } from '../../client/zoho/errors';
import { createHttp } from '../../client/zoho/http';
import { authorizeUrl, DEFAULT_SCOPES, expiresInMs, OAuthClient, pkceChallenge } from '../../client/zoho/oauth';
import { browserSignIn, selfClientSignIn, trustedAccountsServer } from '../../client/zoho/signIn';
import { TokenManager } from '../../client/zoho/tokenManager';
import { CapturingLog } from '../helpers/standIn';
import { ACCESS_TOKEN, HostileZoho, json } from '../hostileZoho/hostileZoho';

const SECRET = 'edge-client-secret-000';
const REFRESH = 'edge-refresh-token-000';

/** A client of `zoho` at `apiDomain`, with a log of its own; the server's script and record emptied. */
function freshClient(zoho: HostileZoho, apiDomain: string): { log: CapturingLog; client: CrmClient } {
  zoho.routes = [];
  zoho.received.length = 0;
  const log = new CapturingLog();
  const tokens = new TokenManager(
    { clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH, accountsServer: zoho.url },
    new OAuthClient(createHttp(), log.logger),
    log.logger,
  );
  return { log, client: new CrmClient(apiDomain, tokens, log.logger, createHttp({ timeoutMs: 5000 })) };
}

describe('the CRM client at its edges', () => {
  let zoho: HostileZoho;
  let log: CapturingLog;
  let client: CrmClient;
  before(async () => {
    zoho = await new HostileZoho().start();
  });
  after(() => zoho.stop());
  beforeEach(() => ({ log, client } = freshClient(zoho, `${zoho.url}/`)));
  const crm = () => zoho.crmRequests();

  it('keeps the API domain without its trailing slash and refuses plain http elsewhere', () => {
    assert.equal(client.apiDomain, zoho.url);
    const tokens = new TokenManager(
      { clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH, accountsServer: zoho.url },
      new OAuthClient(),
      log.logger,
    );
    assert.throws(
      () => new CrmClient('http://crm.example.test', tokens, log.logger),
      /^ZohoError: The API domain is plain http to crm\.example\.test/,
    );
  });

  it('builds module paths for plain API names only, with the version', () => {
    assert.equal(client.modulePath('Sales_Orders'), '/crm/v7/settings/modules/Sales_Orders');
    assert.equal(client.modulePath('My Module 2'), '/crm/v7/settings/modules/My%20Module%202');
    for (const name of ['..', '.', '', 'a/b', ' lead', 'lead ', 'x'.repeat(101), 'a?b']) {
      assert.throws(
        () => client.modulePath(name),
        (error: ZohoError) =>
          error.kind === 'config' &&
          /is not a module API name \(letters, digits, underscores, spaces\); nothing was sent\.$/.test(error.message),
        name,
      );
    }
  });

  it('sends the token and JSON body, logs each request and answer (long bodies cut), and returns status, body, text and Retry-After', async () => {
    zoho.on(
      /settings\/modules$/,
      json(
        429,
        { code: 'TOO_MANY_REQUESTS', message: 'x'.repeat(5000), status: 'error', details: {} },
        { 'Retry-After': '30' },
      ),
    );
    const answer = await client.request('POST', client.path('/settings/modules'), '{"modules":[]}');
    assert.equal(answer.status, 429);
    assert.equal(answer.retryAfter, '30');
    assert.equal((answer.body as { code: string }).code, 'TOO_MANY_REQUESTS');
    assert.equal(answer.text.length > 5000, true);
    const [request] = crm();
    assert.equal(request.headers.authorization, `Zoho-oauthtoken ${ACCESS_TOKEN}`);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.body, '{"modules":[]}');
    const lines = log.lines.filter((line) => line.startsWith('info →') || line.startsWith('info ←'));
    // The log line says the status, what came (counts, short values) and its size; the bodies are at trace.
    assert.equal(lines[lines.length - 2], `info → POST ${zoho.url}/crm/v7/settings/modules (14 bytes)`);
    assert.match(
      lines[lines.length - 1],
      /^info ← 429 code: TOO_MANY_REQUESTS, message: x{59}…, status: error, details \(\d{4} bytes\)$/,
    );
    const traced = log.lines.filter((line) => line.startsWith('trace '));
    assert.equal(traced[traced.length - 2], 'trace → {"modules":[]}');
    assert.match(
      traced[traced.length - 1],
      /^trace ← \{"code":"TOO_MANY_REQUESTS","message":"x+… \(\d{4} characters\)$/,
    );
    assert.equal(traced[traced.length - 1].length, 'trace ← '.length + 4000 + '… (5074 characters)'.length);
  });

  it('answers are summed up in the log: lists counted, the first entry code of a create or update named', async () => {
    const created =
      '{"modules":[{"code":"SUCCESS","details":{"id":"2423488000000834001"},"message":"module created successfully","status":"success"}]}';
    const raw = (status: number, text: string) => (response: ServerResponse) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(text);
    };
    zoho.on(/settings\/modules$/, raw(201, created));
    await client.request('POST', '/crm/v7/settings/modules', '{"modules":[]}');
    assert.equal(
      log.lines.filter((line) => line.startsWith('info ←')).pop(),
      `info ← 201 modules: 1; first SUCCESS: module created successfully (${created.length} bytes)`,
    );
    zoho.routes = [];
    zoho.on(/settings\/modules$/, raw(200, '<html>busy</html>'));
    await client.request('GET', '/crm/v7/settings/modules');
    assert.equal(log.lines.filter((line) => line.startsWith('info ←')).pop(), 'info ← 200 (not JSON, 17 bytes)');
  });

  it('a GET sends no Content-Type; an empty answer is logged as such', async () => {
    zoho.on(/settings\/profiles/, (response) => {
      response.writeHead(204);
      response.end();
    });
    assert.deepEqual(await client.listProfiles(), []);
    assert.equal(crm()[0].headers['content-type'], undefined);
    assert.ok(log.lines.includes('info ← 204 (empty)'));
  });

  it('a 401 INVALID_TOKEN refreshes once and retries once; any other 401 is not retried', async () => {
    let calls = 0;
    zoho.on(/settings\/profiles/, (response, received, server) =>
      (++calls === 1
        ? json(401, { code: 'INVALID_TOKEN', message: 'invalid oauth token', status: 'error', details: {} })
        : json(200, { profiles: [] }))(response, received, server),
    );
    assert.deepEqual(await client.listProfiles(), []);
    assert.equal(calls, 2);
    assert.ok(log.lines.includes('info Zoho refused the access token; refreshing it and trying once more'));
    assert.equal(zoho.received.filter((request) => request.path.endsWith('/oauth/v2/token')).length, 2);
    calls = 0;
    zoho.routes = [];
    zoho.on(/settings\/profiles/, (response, received, server) => {
      calls++;
      json(401, { code: 'AUTHENTICATION_FAILURE', message: 'no', status: 'error', details: {} })(
        response,
        received,
        server,
      );
    });
    await assert.rejects(
      client.listProfiles(),
      (error: ZohoError) =>
        error.kind === 'auth' && error.message === 'Reading the profiles failed: HTTP 401 AUTHENTICATION_FAILURE: no.',
    );
    assert.equal(calls, 1);
  });

  it('no answer: a GET is a network error naming the host; a POST may have arrived, so it is ambiguous', async () => {
    zoho.on(/^\/crm\//, (response) => {
      response.socket?.destroy();
    });
    await assert.rejects(
      client.listModules(),
      (error: ZohoError) =>
        error.kind === 'network' &&
        error.message === `No complete answer from Zoho at ${zoho.url}: the connection was dropped.`,
    );
    await assert.rejects(
      client.request('POST', client.path('/settings/modules'), '{}'),
      (error: Error) =>
        error instanceof AmbiguousRequestError &&
        error.message === 'The request was sent but no answer came back: the connection was dropped.',
    );
    assert.ok(
      log.lines.some((line) => line === `warn ✗ POST ${zoho.url}/crm/v7/settings/modules: the connection was dropped.`),
    );
    const closed = new CrmClient(
      'http://127.0.0.1:9',
      new TokenManager(
        { clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH, accountsServer: zoho.url },
        new OAuthClient(),
        log.logger,
      ),
      log.logger,
    );
    await assert.rejects(
      closed.request('POST', '/x', '{}'),
      (error: ZohoError) => error instanceof ZohoError && error.kind === 'network' && /refused/.test(error.message),
    );
  });

  it('module listings: ids as strings, absent and null labels undefined, and each odd field named', async () => {
    zoho.on(
      /settings\/modules$/,
      json(200, {
        modules: [{ id: 42, api_name: 'Leads', plural_label: null, module_name: 'Leads', generated_type: 'default' }],
      }),
    );
    assert.deepEqual(await client.listModules(), [
      {
        id: '42',
        api_name: 'Leads',
        plural_label: undefined,
        singular_label: undefined,
        module_name: 'Leads',
        generated_type: 'default',
      },
    ]);
    for (const [modules, message] of [
      [[{ api_name: 'Leads' }], 'nothing for modules[0].id, where its documentation shows an id of digits'],
      [[{ id: '1x', api_name: 'Leads' }], '"1x" for modules[0].id'],
      [[{ id: -1, api_name: 'Leads' }], 'a number (-1) for modules[0].id'],
      [[{ id: 1.5, api_name: 'Leads' }], 'a number (1.5) for modules[0].id'],
      [[{ id: '1', api_name: 'Leads' }, 'text'], '"text" for modules[1], where its documentation shows an object'],
      [[null], 'null for modules[0], where its documentation shows an object'],
      [[['a']], 'a list for modules[0], where its documentation shows an object'],
      [
        [{ id: '1', api_name: 'Leads', singular_label: { a: 1 } }],
        'an object for modules[0].singular_label, where its documentation shows a string',
      ],
      [[{ id: '1', api_name: 7 }], 'a number (7) for modules[0].api_name, where its documentation shows a string'],
      [
        [
          { id: '1', api_name: 'Leads', plural_label: 'x'.repeat(41) },
          { id: '2', api_name: 'A', plural_label: false },
        ],
        'a boolean (false) for modules[1].plural_label',
      ],
      [[{ id: '1', api_name: 'Leads', generated_type: true }], 'a boolean (true) for modules[0].generated_type'],
    ] as const) {
      zoho.routes = [];
      zoho.on(/settings\/modules$/, json(200, { modules }));
      await assert.rejects(client.listModules(), (error: ZohoError) => {
        assert.equal(error.kind, 'answer');
        assert.ok(
          error.message.startsWith(`Listing the modules: Zoho's answer has ${message}`),
          `${error.message} for ${JSON.stringify(modules).slice(0, 60)}`,
        );
        return true;
      });
    }
  });

  it('profiles: the name falls back to the display label, then the id', async () => {
    zoho.on(
      /settings\/profiles/,
      json(200, {
        profiles: [
          { id: '1', display_label: 'Shown', type: 'normal_profile' },
          { id: 2 },
          { id: '3', name: 'Named', display_label: 'Shown' },
        ],
      }),
    );
    assert.deepEqual(await client.listProfiles(), [
      { id: '1', name: 'Shown', display_label: 'Shown', type: 'normal_profile' },
      { id: '2', name: '2', display_label: undefined, type: undefined },
      { id: '3', name: 'Named', display_label: 'Shown', type: undefined },
    ]);
    zoho.routes = [];
    zoho.on(/settings\/profiles/, json(200, { profiles: {} }));
    await assert.rejects(
      client.listProfiles(),
      (error: ZohoError) => error.message === 'Reading the profiles failed: HTTP 200.' && error.kind === 'request',
    );
  });

  it('one module: its profiles and access type read; none, INVALID_MODULE and 204 are "no module"; another name is refused', async () => {
    const module = {
      id: '7',
      api_name: 'Shipments',
      plural_label: 'Shipments',
      profiles: [{ id: 5, name: 'Administrator' }, { id: '6' }],
      access_type: 'org_based',
    };
    zoho.on(/settings\/modules\/Shipments/, json(200, { modules: [module] }));
    assert.deepEqual(await client.getModule('Shipments'), {
      id: '7',
      api_name: 'Shipments',
      plural_label: 'Shipments',
      singular_label: undefined,
      module_name: undefined,
      generated_type: undefined,
      profiles: [
        { id: '5', name: 'Administrator' },
        { id: '6', name: undefined },
      ],
      access_type: 'org_based',
    });
    assert.equal(crm()[0].path, '/crm/v7/settings/modules/Shipments');
    zoho.routes = [];
    zoho.on(/settings\/modules\/Shipments/, json(200, { modules: [{ ...module, profiles: null, access_type: null }] }));
    const bare = await client.getModule('Shipments');
    assert.equal(bare?.profiles, undefined);
    assert.equal(bare?.access_type, undefined);
    zoho.routes = [];
    zoho.on(/settings\/modules\/Shipments/, json(200, { modules: [{ ...module, profiles: 'all' }] }));
    await assert.rejects(
      client.getModule('Shipments'),
      /"all" for modules\[0\]\.profiles, where its documentation shows a list/,
    );
    zoho.routes = [];
    zoho.on(/settings\/modules\/Shipments/, json(200, { modules: [{ ...module, profiles: [{ name: 'x' }] }] }));
    await assert.rejects(client.getModule('Shipments'), /nothing for modules\[0\]\.profiles\[0\]\.id/);
    zoho.routes = [];
    zoho.on(/settings\/modules\/Shipments/, json(200, { modules: [{ ...module, api_name: 'shipments' }] }));
    await assert.rejects(
      client.getModule('Shipments'),
      /^ZohoError: Reading the module Shipments: Zoho's answer has "shipments" for modules\[0\]\.api_name, where its documentation shows the module asked for \("Shipments"\)/,
    );
    zoho.routes = [];
    zoho.on(
      /settings\/modules\/Shipments/,
      json(400, {
        code: 'INVALID_MODULE',
        message: 'the module name given seems to be invalid',
        status: 'error',
        details: {},
      }),
    );
    assert.equal(await client.getModule('Shipments'), undefined);
    zoho.routes = [];
    zoho.on(/settings\/modules\/Shipments/, (response) => {
      response.writeHead(204);
      response.end();
    });
    assert.equal(await client.getModule('Shipments'), undefined);
    zoho.routes = [];
    zoho.on(/settings\/modules\/Shipments/, json(200, { modules: [] }));
    await assert.rejects(
      client.getModule('Shipments'),
      (error: ZohoError) => error.message === 'Reading the module Shipments failed: HTTP 200.',
    );
  });

  it('the org: its fields, an absent id, and odd types named', async () => {
    zoho.on(/\/org$/, json(200, { org: [{ id: 9, company_name: 'Zylker', type: 'sandbox', domain_name: 'zylker' }] }));
    assert.deepEqual(await client.org(), { id: '9', company_name: 'Zylker', type: 'sandbox', domain_name: 'zylker' });
    zoho.routes = [];
    zoho.on(/\/org$/, json(200, { org: [{ id: null, company_name: null }] }));
    assert.deepEqual(await client.org(), {
      id: undefined,
      company_name: undefined,
      type: undefined,
      domain_name: undefined,
    });
    zoho.routes = [];
    zoho.on(/\/org$/, json(200, { org: [{ company_name: ['a'] }] }));
    await assert.rejects(
      client.org(),
      /^ZohoError: Reading the org: Zoho's answer has a list for org\[0\]\.company_name/,
    );
    zoho.routes = [];
    zoho.on(/\/org$/, json(200, { org: ['x'] }));
    await assert.rejects(client.org(), /"x" for org\[0\], where its documentation shows an object/);
    zoho.routes = [];
    zoho.on(/\/org$/, json(200, { org: [] }));
    await assert.rejects(client.org(), (error: ZohoError) => error.message === 'Reading the org failed: HTTP 200.');
  });
});

describe('Zoho errors read from an answer', () => {
  it('from the top level unless it says success; from modules or data entries that say error', () => {
    assert.deepEqual(
      errorsOf({ code: 'INVALID_DATA', message: 'bad', status: 'error', details: { json_path: '$.x' } }),
      [{ code: 'INVALID_DATA', message: 'bad', status: 'error', details: { json_path: '$.x' } }],
    );
    assert.deepEqual(errorsOf({ code: 'X' }), [{ code: 'X', message: '', status: 'error', details: undefined }]);
    assert.deepEqual(errorsOf({ code: 'SUCCESS', status: 'success' }), []);
    assert.deepEqual(errorsOf({ code: 5, status: 'error' }), []);
    assert.deepEqual(
      errorsOf({
        data: [
          { status: 'error', code: 'A', message: 'm', details: ['no'] },
          { status: 'success', code: 'B' },
          null,
          'x',
        ],
      }),
      [{ code: 'A', message: 'm', status: 'error', details: undefined }],
    );
    assert.deepEqual(errorsOf({ modules: [{ status: 'error' }] }), [
      { code: 'UNKNOWN', message: '', status: 'error', details: undefined },
    ]);
    assert.deepEqual(errorsOf({ modules: 'x', data: [{ status: 'error', code: 'D' }] }), [
      { code: 'D', message: '', status: 'error', details: undefined },
    ]);
    assert.deepEqual(errorsOf('text'), []);
    assert.deepEqual(errorsOf(null), []);
  });

  it('an unexpected answer in one sentence, with its kind', () => {
    const answer = (status: number, body: unknown, text = JSON.stringify(body)) => ({ status, body, text });
    const scope = unexpected(
      answer(401, { code: 'OAUTH_SCOPE_MISMATCH', message: 'm', status: 'error' }),
      'Listing',
      'ZohoCRM.settings.modules.READ',
    );
    assert.equal(
      scope.message,
      'Listing failed: the sign-in does not grant ZohoCRM.settings.modules.READ. Add it to the setting zohoCrm.oauth.scopes and sign in again.',
    );
    assert.equal(scope.kind, 'request');
    assert.equal(scope.code, 'OAUTH_SCOPE_MISMATCH');
    assert.equal(
      unexpected(answer(401, { code: 'OAUTH_SCOPE_MISMATCH', message: 'm', status: 'error' }), 'Listing').message,
      'Listing failed: HTTP 401 OAUTH_SCOPE_MISMATCH: m.',
    );
    const html = unexpected(answer(502, undefined, '<HTML><body>bad gateway'), 'Listing');
    assert.equal(
      html.message,
      'Listing failed: Zoho answered HTTP 502 with something that is not JSON (an HTML page: a proxy or a wrong API domain?).',
    );
    assert.equal(html.kind, 'server');
    assert.equal(
      unexpected(answer(200, undefined, 'plain'), 'Listing').message,
      'Listing failed: Zoho answered HTTP 200 with something that is not JSON.',
    );
    assert.deepEqual(
      [401, 429, 500, 503, 400, 404].map((status) => unexpected(answer(status, {}), 'L').kind),
      ['auth', 'throttled', 'server', 'server', 'request', 'request'],
    );
    assert.equal(unexpected(answer(499, {}), 'L').kind, 'request');
    assert.equal(unexpected(answer(500, {}), 'L').status, 500);
  });
});

describe('OAuth requests at their edges', () => {
  let zoho: HostileZoho;
  let log: CapturingLog;
  let oauth: OAuthClient;
  before(async () => {
    zoho = await new HostileZoho().start();
  });
  after(() => zoho.stop());
  beforeEach(() => {
    zoho.routes = [];
    zoho.received.length = 0;
    log = new CapturingLog();
    oauth = new OAuthClient(createHttp(), log.logger);
  });
  const form = () => Object.fromEntries(new URLSearchParams(zoho.received[0].body));

  it('the authorize URL keeps a proxy path and asks for offline access with PKCE S256', () => {
    const url = new URL(
      authorizeUrl({
        accountsUrl: 'https://proxy.example/zoho/',
        clientId: 'cid',
        redirectUri: 'http://127.0.0.1:1/callback',
        scopes: ['A', 'B'],
        state: 'st',
        codeChallenge: pkceChallenge('v'),
      }),
    );
    assert.equal(`${url.origin}${url.pathname}`, 'https://proxy.example/zoho/oauth/v2/auth');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      client_id: 'cid',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:1/callback',
      scope: 'A,B',
      access_type: 'offline',
      prompt: 'consent',
      state: 'st',
      code_challenge: pkceChallenge('v'),
      code_challenge_method: 'S256',
    });
    assert.throws(
      () =>
        authorizeUrl({
          accountsUrl: 'http://accounts.example.test',
          clientId: 'c',
          redirectUri: 'r',
          scopes: [],
          state: 's',
          codeChallenge: 'c',
        }),
      /plain http/,
    );
  });

  it('exchanging a code sends its form (the redirect and verifier when given) and logs only the grant type', async () => {
    zoho.on(
      /token$/,
      json(200, {
        access_token: ACCESS_TOKEN,
        refresh_token: 'r',
        api_domain: 'https://www.zohoapis.eu',
        scope: 'A',
        expires_in: 3600,
      }),
    );
    const answer = await oauth.exchangeCode({
      accountsServer: `${zoho.url}/p`,
      clientId: 'cid',
      clientSecret: SECRET,
      code: 'the-code',
      redirectUri: 'http://127.0.0.1:1/callback',
      codeVerifier: 'ver',
    });
    assert.equal(zoho.received[0].path, '/p/oauth/v2/token');
    assert.equal(zoho.received[0].headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(form(), {
      grant_type: 'authorization_code',
      client_id: 'cid',
      client_secret: SECRET,
      code: 'the-code',
      redirect_uri: 'http://127.0.0.1:1/callback',
      code_verifier: 'ver',
    });
    assert.deepEqual(
      { ...answer, expiresAt: undefined },
      { accessToken: ACCESS_TOKEN, refreshToken: 'r', apiDomain: 'https://www.zohoapis.eu', expiresAt: undefined },
    );
    assert.ok(Math.abs(answer.expiresAt - (Date.now() + 3600_000)) < 5000);
    assert.deepEqual(log.lines, [
      `info → POST ${zoho.url}/p/oauth/v2/token (grant_type=authorization_code, client_id=cid)`,
      'info ← 200 an access token, a refresh token, api_domain https://www.zohoapis.eu, scope A, expires in 3600 s',
    ]);
    zoho.received.length = 0;
    await oauth.exchangeCode({ accountsServer: zoho.url, clientId: 'cid', clientSecret: SECRET, code: 'c2' });
    assert.deepEqual(form(), { grant_type: 'authorization_code', client_id: 'cid', client_secret: SECRET, code: 'c2' });
  });

  it('a refresh sends its form; an answer without refresh token or api_domain leaves them out', async () => {
    zoho.on(/token$/, json(200, { access_token: 'a', api_domain: 5, expires_in_sec: 100 }));
    const answer = await oauth.refresh({
      accountsServer: zoho.url,
      clientId: 'cid',
      clientSecret: SECRET,
      refreshToken: REFRESH,
    });
    assert.deepEqual(form(), {
      grant_type: 'refresh_token',
      client_id: 'cid',
      client_secret: SECRET,
      refresh_token: REFRESH,
    });
    assert.equal(answer.refreshToken, undefined);
    assert.equal(answer.apiDomain, undefined);
    assert.equal(log.lines[1], 'info ← 200 an access token, expires in 100 s');
  });

  it('token answers that are not tokens: each in its words and kind', async () => {
    const cases: [unknown, number, string, string][] = [
      [{ error: 'invalid_code' }, 200, 'auth', 'Zoho did not accept the code or token'],
      [
        { error: 'odd_error', error_description: 'because' },
        400,
        'auth',
        'Zoho\'s accounts server answered "odd_error": because.',
      ],
      [{ error: 'odd_error', error_description: 7 }, 400, 'auth', 'Zoho\'s accounts server answered "odd_error".'],
      [{ token_type: 'Bearer' }, 200, 'auth', 'Refreshing the access token failed: HTTP 200 without an access token.'],
      [{ access_token: 'a' }, 400, 'auth', 'Refreshing the access token failed: HTTP 400 without an access token.'],
      [{ access_token: 5 }, 503, 'server', 'Refreshing the access token failed: HTTP 503 without an access token.'],
      [{ access_token: 'a' }, 500, 'server', 'Refreshing the access token failed: HTTP 500 without an access token.'],
    ];
    for (const [body, status, kind, message] of cases) {
      zoho.routes = [];
      zoho.on(/token$/, json(status, body));
      await assert.rejects(
        oauth.refresh({ accountsServer: zoho.url, clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH }),
        (error: ZohoError) => {
          assert.equal(error.kind, kind, JSON.stringify(body));
          assert.ok(error.message.startsWith(message), error.message);
          assert.equal(error.status, status);
          return true;
        },
      );
    }
    zoho.routes = [];
    zoho.on(/token$/, (response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html>');
    });
    await assert.rejects(
      oauth.refresh({ accountsServer: zoho.url, clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH }),
      (error: ZohoError) =>
        error.message ===
          "Refreshing the access token failed: Zoho's accounts server answered HTTP 200 with something that is not JSON." &&
        error.kind === 'server',
    );
    assert.equal(log.lines[log.lines.length - 1], 'info ← 200 (not JSON)');
    zoho.routes = [];
    zoho.on(/token$/, json(200, { error: 'invalid_code' }));
    await assert.rejects(
      oauth.refresh({ accountsServer: zoho.url, clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH }),
    );
    assert.equal(log.lines[log.lines.length - 1], 'info ← 200 error invalid_code');
    await assert.rejects(
      oauth.refresh({
        accountsServer: 'http://127.0.0.1:9',
        clientId: 'c',
        clientSecret: SECRET,
        refreshToken: REFRESH,
      }),
      (error: ZohoError) =>
        error.kind === 'network' &&
        error.message ===
          'Refreshing the access token failed: the connection was refused. Is the URL right, and is the server up?',
    );
    assert.equal(
      log.lines[log.lines.length - 1],
      'warn ✗ POST http://127.0.0.1:9/oauth/v2/token: the connection was refused. Is the URL right, and is the server up?',
    );
  });

  it('a token lifetime is kept between a minute and a day', () => {
    assert.equal(expiresInMs({ expires_in: -5 }), 60_000);
    assert.equal(expiresInMs({ expires_in: 10 }), 60_000);
    assert.equal(expiresInMs({ expires_in: 1e12 }), 24 * 3600_000);
    assert.equal(expiresInMs({ expires_in_sec: Number.NaN }), 3600_000);
    assert.equal(expiresInMs({ expires_in: '3600' }), 3600_000);
    assert.equal(expiresInMs({ expires_in: 100_000 }), 24 * 3600_000, 'seconds up to 100,000');
    assert.equal(expiresInMs({ expires_in: 100_001 }), 100_001, 'above: milliseconds');
  });

  it('revoking sends the token in the query, never in the log; a refusal and no answer are said', async () => {
    zoho.on(/revoke/, json(200, { status: 'success' }));
    await oauth.revoke({ accountsServer: `${zoho.url}/p/`, refreshToken: REFRESH });
    assert.equal(zoho.received[0].path, `/p/oauth/v2/token/revoke?token=${REFRESH}`);
    assert.equal(zoho.received[0].method, 'POST');
    assert.deepEqual(log.lines, [`info → POST ${zoho.url}/p/oauth/v2/token/revoke (token=…)`, 'info ← 200 success']);
    for (const [status, body, message] of [
      [200, { error: 'invalid_token' }, 'Zoho did not revoke the token (HTTP 200, invalid_token).'],
      [400, { status: 'success' }, 'Zoho did not revoke the token (HTTP 400).'],
      [200, { status: 'failure' }, 'Zoho did not revoke the token (HTTP 200).'],
    ] as const) {
      zoho.routes = [];
      zoho.on(/revoke/, json(status, body));
      await assert.rejects(
        oauth.revoke({ accountsServer: zoho.url, refreshToken: REFRESH }),
        (error: ZohoError) => error.message === message && error.kind === 'auth' && error.status === status,
      );
    }
    assert.equal(log.lines[log.lines.length - 1], 'info ← 200 failure');
    zoho.routes = [];
    zoho.on(/revoke/, (response) => {
      response.writeHead(200);
      response.end('nope');
    });
    await assert.rejects(oauth.revoke({ accountsServer: zoho.url, refreshToken: REFRESH }), /HTTP 200/);
    assert.equal(log.lines[log.lines.length - 1], 'info ← 200 (not JSON)');
    await assert.rejects(
      oauth.revoke({ accountsServer: 'http://127.0.0.1:9', refreshToken: REFRESH }),
      (error: ZohoError) =>
        error.kind === 'network' &&
        error.message ===
          'Revoking the token at Zoho failed: the connection was refused. Is the URL right, and is the server up?',
    );
    assert.equal(
      log.lines[log.lines.length - 1],
      'warn ✗ POST http://127.0.0.1:9/oauth/v2/token/revoke: the connection was refused. Is the URL right, and is the server up?',
    );
    assert.ok(log.lines.every((line) => !line.includes(REFRESH)));
  });
});

describe('sign-in at its edges', () => {
  it('a Self Client code loses the quotes and spaces a paste brings; anything but letters, digits, dots, dashes and underscores is refused before sending', async () => {
    const zoho = await new HostileZoho().start();
    try {
      zoho.on(
        /token$/,
        json(200, { access_token: 'a', refresh_token: 'r', api_domain: 'https://www.zohoapis.com', expires_in: 3600 }),
      );
      const result = await selfClientSignIn({
        clientId: 'c',
        clientSecret: SECRET,
        code: ' "1000.ab-c_d"\n ',
        accountsServer: zoho.url,
        oauth: new OAuthClient(createHttp()),
      });
      assert.equal(new URLSearchParams(zoho.received[0].body).get('code'), '1000.ab-c_d');
      assert.deepEqual(result, {
        clientId: 'c',
        clientSecret: SECRET,
        refreshToken: 'r',
        accessToken: 'a',
        expiresAt: result.expiresAt,
        accountsServer: zoho.url,
        apiDomain: 'https://www.zohoapis.com',
        location: undefined,
      });
      for (const [code, message] of [
        ['"1000.a"b"', 'A grant code has only letters, digits, dots, dashes and underscores (it starts with "1000.").'],
        ['a/b', 'A grant code has only letters, digits, dots, dashes and underscores (it starts with "1000.").'],
        ['', 'Paste the code the API console showed for your Self Client.'],
        [' "" ', 'Paste the code the API console showed for your Self Client.'],
      ]) {
        await assert.rejects(
          selfClientSignIn({ clientId: 'c', clientSecret: SECRET, code, accountsServer: zoho.url }),
          (error: ZohoError) => error.kind === 'auth' && error.message === message,
        );
      }
      assert.equal(zoho.received.length, 1);
      zoho.routes = [];
      zoho.on(/token$/, json(200, { access_token: 'a', expires_in: 3600 }));
      await assert.rejects(
        selfClientSignIn({
          clientId: 'c',
          clientSecret: SECRET,
          code: 'x',
          accountsServer: zoho.url,
          oauth: new OAuthClient(createHttp()),
        }),
        (error: ZohoError) =>
          error.kind === 'auth' &&
          error.message ===
            'Zoho sent no refresh token, so the sign-in could not be kept. Sign in again (the request asks for offline access; a Self Client code must be new).',
      );
    } finally {
      await zoho.stop();
    }
  });

  it("the accounts server a callback names: the configured one, one of Zoho's, or loopback beside a loopback one; else refused", () => {
    assert.equal(trustedAccountsServer(undefined, 'https://accounts.zoho.com'), 'https://accounts.zoho.com');
    assert.equal(
      trustedAccountsServer('https://accounts.zoho.eu/oauth?x=1', 'https://accounts.zoho.com'),
      'https://accounts.zoho.eu',
    );
    assert.equal(
      trustedAccountsServer('https://proxy.example:8443/a', 'https://proxy.example:8443/zoho'),
      'https://proxy.example:8443',
    );
    assert.equal(trustedAccountsServer('http://127.0.0.1:5000', 'http://127.0.0.1:4000'), 'http://127.0.0.1:5000');
    assert.throws(
      () => trustedAccountsServer('http://127.0.0.1:5000', 'https://accounts.zoho.com'),
      /is not Zoho's \(http:\/\/127\.0\.0\.1:5000\); the sign-in was stopped\./,
    );
    assert.throws(
      () => trustedAccountsServer('https://accounts.zoho.com.evil.example', 'https://accounts.zoho.com'),
      (error: ZohoError) =>
        error.kind === 'auth' && /not Zoho's \(https:\/\/accounts\.zoho\.com\.evil\.example\)/.test(error.message),
    );
    assert.throws(
      () => trustedAccountsServer('not a url', 'https://accounts.zoho.com'),
      (error: ZohoError) =>
        error.kind === 'auth' && error.message === 'Zoho named an accounts server that is not a URL: not a url',
    );
  });
});

describe('the CRM client, each field and path named', () => {
  let zoho: HostileZoho;
  let log: CapturingLog;
  let client: CrmClient;
  before(async () => {
    zoho = await new HostileZoho().start();
  });
  after(() => zoho.stop());
  beforeEach(() => ({ log, client } = freshClient(zoho, zoho.url)));
  const answer = (route: RegExp, status: number, body: unknown) => {
    zoho.routes = [];
    zoho.on(
      route,
      typeof body === 'string'
        ? (response) => {
            response.writeHead(status);
            response.end(body);
          }
        : json(status, body),
    );
  };
  const rejects = (promise: Promise<unknown>, message: string) =>
    assert.rejects(promise, (error: Error) => {
      assert.ok(error instanceof ZohoError, `${error.name}: ${error.message}`);
      assert.ok(error.message.startsWith(message), `${error.message}\n  expected: ${message}`);
      return true;
    });

  it('each GET goes to its path and says so in the log', async () => {
    answer(/^\/crm\//, 204, '');
    await client.listModules();
    await client.listProfiles();
    await client.getModule('Shipments');
    answer(/\/org$/, 200, { org: [{ id: '1' }] });
    await client.org();
    assert.deepEqual(
      zoho.crmRequests().map((request) => `${request.method} ${request.path}`),
      [
        'GET /crm/v7/settings/modules',
        'GET /crm/v7/settings/profiles',
        'GET /crm/v7/settings/modules/Shipments',
        'GET /crm/v7/org',
      ],
    );
    assert.deepEqual(
      log.lines.filter((line) => line.startsWith('info → GET')),
      [
        `info → GET ${zoho.url}/crm/v7/settings/modules`,
        `info → GET ${zoho.url}/crm/v7/settings/profiles`,
        `info → GET ${zoho.url}/crm/v7/settings/modules/Shipments`,
        `info → GET ${zoho.url}/crm/v7/org`,
      ],
    );
  });

  it('a 401 with INVALID_OAUTHTOKEN retries too; a 401 without errors and a 400 INVALID_TOKEN do not', async () => {
    let calls = 0;
    zoho.on(/profiles/, (response, received, server) =>
      (++calls === 1
        ? json(401, { code: 'INVALID_OAUTHTOKEN', message: 'm', status: 'error' })
        : json(200, { profiles: [] }))(response, received, server),
    );
    await client.listProfiles();
    assert.equal(calls, 2);
    for (const [status, body] of [
      [401, {}],
      [400, { code: 'INVALID_TOKEN', message: 'm', status: 'error' }],
      [401, 'not json'],
    ] as const) {
      calls = 0;
      zoho.routes = [];
      zoho.on(/profiles/, (response, received, server) => {
        calls++;
        (typeof body === 'string'
          ? (r: typeof response) => {
              r.writeHead(status);
              r.end(body);
            }
          : json(status, body))(response, received, server);
      });
      await assert.rejects(client.listProfiles(), ZohoError);
      assert.equal(calls, 1, JSON.stringify(body));
    }
  });

  it('an AmbiguousRequestError says its name', () => {
    assert.equal(new AmbiguousRequestError('m').name, 'AmbiguousRequestError');
  });

  it('a body of exactly 4,000 characters is traced whole', async () => {
    const body = JSON.stringify({ profiles: [], pad: 'x'.repeat(3976) });
    assert.equal(body.length, 4000);
    answer(/profiles/, 200, body);
    await client.listProfiles();
    assert.ok(log.lines.includes(`trace ← ${body}`));
  });

  it('listings: 204 is none; another status, a body that is not JSON or has no list is refused in words', async () => {
    answer(/modules$/, 204, '');
    assert.deepEqual(await client.listModules(), []);
    for (const [route, what, list] of [
      [/modules$/, 'Listing the modules', () => client.listModules()],
      [/profiles$/, 'Reading the profiles', () => client.listProfiles()],
    ] as const) {
      answer(route, 201, { modules: [], profiles: [] });
      await rejects(list(), `${what} failed: HTTP 201.`);
      answer(route, 200, 'plain');
      await rejects(list(), `${what} failed: Zoho answered HTTP 200 with something that is not JSON.`);
      answer(route, 200, 'null');
      await rejects(list(), `${what} failed: HTTP 200.`);
    }
  });

  it('profiles: each odd field named with its index', async () => {
    const fine = { id: '1', name: 'A', display_label: 'A', type: 'normal_profile' };
    for (const [odd, message] of [
      [{ ...fine, display_label: 3 }, 'a number (3) for profiles[1].display_label'],
      [{ ...fine, id: 'x' }, '"x" for profiles[1].id'],
      [{ ...fine, name: 4 }, 'a number (4) for profiles[1].name'],
      [{ ...fine, type: false }, 'a boolean (false) for profiles[1].type'],
      ['p', '"p" for profiles[1], where its documentation shows an object'],
    ] as const) {
      answer(/profiles/, 200, { profiles: [fine, odd] });
      await rejects(client.listProfiles(), `Reading the profiles: Zoho's answer has ${message}`);
    }
  });

  it('one module: each odd field named; no profiles key is no profiles; a refusal, a body without modules and a 500 are said', async () => {
    const fine = { id: '7', api_name: 'Shipments' };
    answer(/Shipments/, 200, { modules: [fine] });
    assert.equal((await client.getModule('Shipments'))?.profiles, undefined);
    for (const [odd, message] of [
      [{ ...fine, id: 'x' }, '"x" for modules[0].id'],
      [{ ...fine, module_name: 1 }, 'a number (1) for modules[0].module_name'],
      [{ ...fine, access_type: 2 }, 'a number (2) for modules[0].access_type'],
      [
        { ...fine, profiles: [{ id: '1' }, 'x'] },
        '"x" for modules[0].profiles[1], where its documentation shows an object',
      ],
      [{ ...fine, profiles: [{ id: '1' }, { id: '2', name: 5 }] }, 'a number (5) for modules[0].profiles[1].name'],
      [{ ...fine, profiles: [{ id: '1' }, { id: 'y' }] }, '"y" for modules[0].profiles[1].id'],
    ] as const) {
      answer(/Shipments/, 200, { modules: [odd] });
      await rejects(client.getModule('Shipments'), `Reading the module Shipments: Zoho's answer has ${message}`);
    }
    answer(/Shipments/, 500, { modules: [fine] });
    await rejects(client.getModule('Shipments'), 'Reading the module Shipments failed: HTTP 500.');
    answer(/Shipments/, 200, {});
    await rejects(client.getModule('Shipments'), 'Reading the module Shipments failed: HTTP 200.');
    answer(/Shipments/, 200, 'null');
    await rejects(client.getModule('Shipments'), 'Reading the module Shipments failed: HTTP 200.');
    answer(/Shipments/, 200, 'text');
    await rejects(
      client.getModule('Shipments'),
      'Reading the module Shipments failed: Zoho answered HTTP 200 with something that is not JSON.',
    );
    answer(/Shipments/, 403, { code: 'OAUTH_SCOPE_MISMATCH', message: 'm', status: 'error' });
    await rejects(
      client.getModule('Shipments'),
      'Reading the module Shipments failed: the sign-in does not grant ZohoCRM.settings.modules.READ.',
    );
  });

  it('the org: each odd field named; a 500, a body without org, or not JSON, is said', async () => {
    for (const [odd, message] of [
      [{ id: 'x' }, '"x" for org[0].id'],
      [{ type: 1 }, 'a number (1) for org[0].type'],
      [{ domain_name: true }, 'a boolean (true) for org[0].domain_name'],
      [{ company_name: 2 }, 'a number (2) for org[0].company_name'],
    ] as const) {
      answer(/org$/, 200, { org: [odd] });
      await rejects(client.org(), `Reading the org: Zoho's answer has ${message}`);
    }
    answer(/org$/, 500, { org: [{ id: '1' }] });
    await rejects(client.org(), 'Reading the org failed: HTTP 500.');
    answer(/org$/, 200, {});
    await rejects(client.org(), 'Reading the org failed: HTTP 200.');
    answer(/org$/, 200, 'null');
    await rejects(client.org(), 'Reading the org failed: HTTP 200.');
  });

  it('details that are not an object are left out', () => {
    assert.equal(errorsOf({ code: 'X', status: 'error', details: 'text' })[0].details, undefined);
    assert.equal(errorsOf({ code: 'X', status: 'error', details: 0 })[0].details, undefined);
    assert.deepEqual(errorsOf({ code: 'X', status: 'error', details: { a: 1 } })[0].details, { a: 1 });
  });
});

describe('OAuth, the rest of its words', () => {
  let zoho: HostileZoho;
  let log: CapturingLog;
  before(async () => {
    zoho = await new HostileZoho().start();
  });
  after(() => zoho.stop());
  beforeEach(() => {
    zoho.routes = [];
    zoho.received.length = 0;
    log = new CapturingLog();
  });
  const refresh = (oauth = new OAuthClient(createHttp(), log.logger)) =>
    oauth.refresh({ accountsServer: zoho.url, clientId: 'c', clientSecret: SECRET, refreshToken: REFRESH });

  it("the default scopes are the manifest's", () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    assert.deepEqual(DEFAULT_SCOPES, manifest.contributes.configuration.properties['zohoCrm.oauth.scopes'].default);
    assert.deepEqual(DEFAULT_SCOPES, [
      'ZohoCRM.settings.modules.ALL',
      'ZohoCRM.settings.fields.ALL',
      'ZohoCRM.settings.profiles.READ',
      'ZohoCRM.org.READ',
    ]);
  });

  it('each request names the accounts server when its URL is unsafe', async () => {
    const oauth = new OAuthClient(createHttp(), log.logger);
    for (const attempt of [
      () =>
        oauth.refresh({
          accountsServer: 'http://accounts.example.test',
          clientId: 'c',
          clientSecret: SECRET,
          refreshToken: REFRESH,
        }),
      () => oauth.revoke({ accountsServer: 'http://accounts.example.test', refreshToken: REFRESH }),
      async () =>
        authorizeUrl({
          accountsUrl: 'http://accounts.example.test',
          clientId: 'c',
          redirectUri: 'r',
          scopes: [],
          state: 's',
          codeChallenge: 'c',
        }),
    ])
      await assert.rejects(attempt(), /^ZohoError: The accounts server is plain http to accounts\.example\.test/);
  });

  it('a failed exchange says it was the grant code; the log says what came, tokens or not', async () => {
    zoho.on(/token$/, json(200, { token_type: 'Bearer', expires_in: 60 }));
    await assert.rejects(
      new OAuthClient(createHttp(), log.logger).exchangeCode({
        accountsServer: zoho.url,
        clientId: 'c',
        clientSecret: SECRET,
        code: 'x',
      }),
      (error: ZohoError) => error.message === 'Exchanging the grant code failed: HTTP 200 without an access token.',
    );
    assert.equal(log.lines[1], 'info ← 200 no access token, expires in 60 s');
  });

  it('a JSON answer that is not an object is not JSON to us; a refresh token that is not a string is none', async () => {
    for (const body of ['"text"', 'null', '7']) {
      zoho.routes = [];
      zoho.on(/token$/, (response) => {
        response.writeHead(200);
        response.end(body);
      });
      await assert.rejects(
        refresh(),
        (error: ZohoError) =>
          error.message ===
          "Refreshing the access token failed: Zoho's accounts server answered HTTP 200 with something that is not JSON.",
        body,
      );
      assert.equal(log.lines[log.lines.length - 1], 'info ← 200 (not JSON)', body);
    }
    zoho.routes = [];
    zoho.on(/token$/, json(200, { access_token: 'a', refresh_token: 5 }));
    assert.equal((await refresh()).refreshToken, undefined);
    assert.equal(expiresInMs({ expires_in: '7200' }), 3600_000, 'a lifetime as text is not read');
  });

  it('without a log, a failed revoke still says why', async () => {
    await assert.rejects(
      new OAuthClient(createHttp()).revoke({ accountsServer: 'http://127.0.0.1:9', refreshToken: REFRESH }),
      (error: ZohoError) => error instanceof ZohoError && error.kind === 'network',
    );
    await assert.rejects(
      new OAuthClient(createHttp()).refresh({
        accountsServer: 'http://127.0.0.1:9',
        clientId: 'c',
        clientSecret: SECRET,
        refreshToken: REFRESH,
      }),
      (error: ZohoError) => error instanceof ZohoError && error.kind === 'network',
    );
  });
});

describe('browser sign-in at its edges', () => {
  it('a browser that does not open ends the sign-in in words, and frees the port', async () => {
    const port = 47000 + Math.floor(Math.random() * 900);
    const attempt = () =>
      browserSignIn({
        clientId: 'c',
        clientSecret: SECRET,
        accountsUrl: 'https://accounts.zoho.com',
        port,
        scopes: ['A'],
        openBrowser: async () => false,
        timeoutMs: 5000,
      });
    await assert.rejects(
      attempt(),
      (error: ZohoError) => error.kind === 'auth' && error.message === 'Sign-in cancelled: the browser was not opened.',
    );
    await assert.rejects(attempt(), /browser was not opened/, 'the port was freed: a second try gets as far');
  });

  it('a loopback accounts server is trusted only beside a configured loopback one', () => {
    assert.throws(
      () => trustedAccountsServer('https://evil.example', 'http://127.0.0.1:4000'),
      /not Zoho's \(https:\/\/evil\.example\)/,
    );
  });
});
