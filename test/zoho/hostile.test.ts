/**
 * The CLI and the Zoho layer against a Zoho that attacks: echoes secrets, trickles, floods, bombs, redirects,
 * sends odd types, control characters and names that are paths. Every name resolves to 127.0.0.1
 * (loopbackOnly), in this process and in each CLI child.
 */
import '../helpers/loopbackOnly';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CrmClient } from '../../client/zoho/crmClient';
import { ZohoError } from '../../client/zoho/errors';
import { createHttp, MAX_ANSWER_BYTES } from '../../client/zoho/http';
import { OAuthClient } from '../../client/zoho/oauth';
import { checkedServerUrl } from '../../client/zoho/serverUrl';
import { TokenManager } from '../../client/zoho/tokenManager';
import { LOOPBACK_ONLY } from '../helpers/loopbackOnly';
import { SAMPLE_TEXT } from '../helpers/modules';
import { runCli } from '../helpers/cli';
import { CapturingLog } from '../helpers/standIn';
import {
  ACCESS_TOKEN,
  echoError,
  flood,
  gzipBomb,
  HostileZoho,
  json,
  redirect,
  trickle,
} from '../hostileZoho/hostileZoho';

const CLIENT_SECRET = 'hostile-test-client-secret-5f3a9c';
const REFRESH_TOKEN = '1000.refreshtoken0123456789abcdef.fedcba9876543210fedcba98';
const SECRETS = [CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN];

const run = (args: string[], env: Record<string, string>, cwd?: string) =>
  runCli(args, env, { cwd, preload: [LOOPBACK_ONLY] });

function assertNoSecret(output: string): void {
  for (const secret of SECRETS) assert.ok(!output.includes(secret), `a secret was printed: ${output.slice(0, 400)}`);
}

const PROFILES = { profiles: [{ id: '2423488000000015972', name: 'Administrator', type: 'normal_profile' }] };

describe('against a hostile Zoho', () => {
  let zoho: HostileZoho;
  let env: Record<string, string>;
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-hostile-'));
  before(async () => {
    zoho = await new HostileZoho().start();
  });
  after(() => zoho.stop());
  beforeEach(() => {
    zoho.routes = [];
    zoho.received.length = 0;
    zoho.bytesStreamed = 0;
    env = {
      ZOHO_CLIENT_ID: '1000.HOSTILE',
      ZOHO_CLIENT_SECRET: CLIENT_SECRET,
      ZOHO_REFRESH_TOKEN: REFRESH_TOKEN,
      ZOHO_ACCOUNTS_URL: zoho.url,
    };
  });

  describe('secrets', () => {
    it('a token refusal that echoes the form (client secret, refresh token) prints neither, in text or JSON', async () => {
      zoho.on(/oauth\/v2\/token/, echoError(400, 'token'));
      for (const args of [['profiles'], ['profiles', '--format', 'json'], ['snapshot'], ['pull', 'Shipments']]) {
        const result = await run(args, { ...env, ZOHO_VERBOSE: '1' }, dir);
        assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
        assert.ok(
          zoho.received.some((request) => request.body.includes(CLIENT_SECRET)),
          'the secret was sent, so it could be echoed',
        );
        assert.match(result.stderr, /You sent .*«redacted»/);
        assertNoSecret(result.stdout + result.stderr);
      }
    });

    it('a CRM error that echoes the Authorization header (the access token) in its message and details prints no token', async () => {
      zoho.on(/settings\/modules$/, (response, received, server) =>
        (received.method === 'GET' ? json(200, { modules: [] }) : echoError(400, 'crm'))(response, received, server),
      );
      zoho.on(/\/org$/, json(200, { org: [{ id: '1', company_name: 'Hostile', type: 'sandbox' }] }));
      zoho.on(/settings\/profiles/, json(200, PROFILES));
      const file = path.join(dir, 'echo.crm-module.json');
      writeFileSync(file, SAMPLE_TEXT);
      for (const format of ['text', 'json']) {
        const result = await run(['create', '--format', format, file], { ...env, ZOHO_VERBOSE: '1' });
        assert.equal(result.code, 1, result.stderr);
        assert.ok(zoho.received.some((request) => request.headers.authorization === `Zoho-oauthtoken ${ACCESS_TOKEN}`));
        assert.match(result.stdout, /INVALID_DATA/);
        assertNoSecret(result.stdout + result.stderr);
        if (format === 'json')
          assert.ok(JSON.parse(result.stdout).problems[0].details.authorization.includes('«redacted»'));
      }
    });

    it('plain http to a host that is not loopback is refused before anything is sent, naming the variable', async () => {
      const accounts = await run(['profiles'], {
        ...env,
        ZOHO_ACCOUNTS_URL: `http://accounts.example.test:${zoho.port}`,
      });
      assert.equal(accounts.code, 2);
      assert.match(
        accounts.stderr,
        /^ZOHO_ACCOUNTS_URL is plain http to accounts\.example\.test:\d+: tokens and the client secret would cross the network unencrypted/,
      );
      const api = await run(['profiles'], { ...env, ZOHO_API_DOMAIN: `http://crm.example.test:${zoho.port}` });
      assert.equal(api.code, 2);
      assert.match(api.stderr, /^ZOHO_API_DOMAIN is plain http/);
      assert.equal(zoho.received.length, 0, 'nothing reached the server');
    });

    it('an http api_domain in the token answer is refused: the access token is never sent there', async () => {
      zoho.on(/oauth\/v2\/token/, (response, received, server) =>
        json(200, {
          access_token: ACCESS_TOKEN,
          api_domain: `http://crm.example.test:${server.port}`,
          expires_in: 3600,
        })(response, received, server),
      );
      const result = await run(['profiles'], env);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /The api_domain of Zoho's token answer is plain http to crm\.example\.test/);
      assert.equal(zoho.crmRequests().length, 0);
      assertNoSecret(result.stdout + result.stderr);
    });

    it('a malformed ZOHO_ACCOUNTS_URL names the variable; user:pass@ is refused and never printed; a path is kept', async () => {
      const malformed = await run(['profiles'], { ...env, ZOHO_ACCOUNTS_URL: 'accounts zoho com' });
      assert.equal(malformed.code, 2);
      assert.match(malformed.stderr, /^ZOHO_ACCOUNTS_URL is not a URL/);
      const credentials = await run(['profiles'], {
        ...env,
        ZOHO_ACCOUNTS_URL: `http://admin:hunter22@127.0.0.1:${zoho.port}`,
      });
      assert.equal(credentials.code, 2);
      assert.match(credentials.stderr, /ZOHO_ACCOUNTS_URL must not carry a user name or password/);
      assert.ok(!/hunter22|admin/.test(credentials.stderr + credentials.stdout));
      zoho.on(/settings\/profiles/, json(200, PROFILES));
      const proxied = await run(['profiles'], { ...env, ZOHO_ACCOUNTS_URL: `${zoho.url}/proxy/zoho/` });
      assert.equal(proxied.code, 0, proxied.stderr);
      assert.equal(zoho.received[0].path, '/proxy/zoho/oauth/v2/token');
      assert.equal(
        zoho.received.filter((request) => !request.path.startsWith('/proxy/zoho/') && request.path.includes('oauth'))
          .length,
        0,
      );
    });

    it('a redirect is not followed: the token request goes to one place only', async () => {
      zoho.on(/oauth\/v2\/token/, redirect(307, 'http://127.0.0.1:9/steal'));
      const result = await run(['profiles'], env);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /answered HTTP 307 with something that is not JSON/);
      assert.equal(zoho.received.length, 1);
    });
  });

  describe('network', () => {
    it('a trickle (headers, then a byte every 300 ms) ends at the deadline, with its words', async () => {
      zoho.on(/settings\/profiles/, trickle(300));
      const result = await run(['profiles'], { ...env, ZOHO_TIMEOUT_SECONDS: '2' });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /no answer in time: the whole answer must arrive within the deadline \(2 s\)/);
      assert.ok(zoho.bytesStreamed >= 3, 'bytes kept coming, so an idle timeout alone would not have ended it');
    });

    it('ZOHO_TIMEOUT_SECONDS must be a number of seconds', async () => {
      const result = await run(['profiles'], { ...env, ZOHO_TIMEOUT_SECONDS: 'soon' });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /ZOHO_TIMEOUT_SECONDS takes a number of seconds from 1 to 3600, not "soon"/);
    });

    const client = () => {
      const log = new CapturingLog();
      const tokens = new TokenManager(
        { clientId: 'c', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, accountsServer: zoho.url },
        new OAuthClient(createHttp(), log.logger),
        log.logger,
      );
      return new CrmClient(zoho.url, tokens, log.logger, createHttp({ timeoutMs: 20_000 }));
    };

    it('a flood stops at the cap: the client reads 16 MB, not the 200 MB sent its way, and says so', async () => {
      zoho.on(/settings\/profiles/, flood(200 * 1024 * 1024));
      await assert.rejects(client().listProfiles(), (error: Error) => {
        assert.match(
          error.message,
          /the answer was larger than 16 MB, more than any Zoho metadata answer, so it was not read further/,
        );
        return true;
      });
      assert.ok(zoho.bytesStreamed < 100 * 1024 * 1024, `the server stopped early (${zoho.bytesStreamed} bytes)`);
      assert.ok(zoho.bytesStreamed > MAX_ANSWER_BYTES);
    });

    it('a gzip bomb is stopped at 16 MB inflated, after a few hundred KB on the wire', async () => {
      zoho.on(/settings\/profiles/, gzipBomb(40));
      await assert.rejects(client().listProfiles(), /larger than 16 MB/);
      assert.ok(zoho.bytesStreamed < 4 * 1024 * 1024, `${zoho.bytesStreamed} bytes were sent`);
    });

    it('odd types are named with the field and what came, not a JavaScript error', async () => {
      zoho.on(
        /settings\/profiles/,
        json(200, {
          profiles: [
            { id: '1', name: 'Administrator', type: 'normal_profile' },
            { id: '2', name: 'Odd', type: 7 },
          ],
        }),
      );
      const result = await run(['profiles'], env);
      assert.equal(result.code, 1);
      assert.equal(
        result.stderr,
        "Reading the profiles: Zoho's answer has a number (7) for profiles[1].type, where its documentation shows a string. Nothing was changed; if this persists, a proxy or a changed API may be in the way.\n",
      );
      zoho.routes = [];
      zoho.on(
        /settings\/profiles/,
        json(200, { profiles: [{ id: '5', name: null, display_label: null, type: null }] }),
      );
      const nulls = await run(['profiles'], env);
      assert.equal(nulls.code, 0, nulls.stderr);
      assert.equal(nulls.stdout, '5  5\n');
      zoho.routes = [];
      zoho.on(/settings\/modules/, json(200, { modules: [{ id: '9', api_name: null }] }));
      zoho.on(/settings\/profiles/, json(200, PROFILES));
      const modules = await run(['snapshot'], env);
      assert.equal(modules.code, 1);
      assert.match(
        modules.stderr,
        /Listing the modules: Zoho's answer has null for modules\[0\]\.api_name, where its documentation shows a string/,
      );
      assert.ok(!/is not a function|Cannot read properties/.test(result.stderr + nulls.stderr + modules.stderr));
    });

    it('a fields answer that does not match the call (fewer entries, an id that is no id) is said once, never re-sent', async () => {
      const fieldsFile = path.join(dir, 'Leads.crm-fields.json');
      writeFileSync(
        fieldsFile,
        JSON.stringify({
          fields: [
            { field_label: 'Tier', data_type: 'text' },
            { field_label: 'Score', data_type: 'integer' },
          ],
        }),
      );
      for (const answer of [
        { fields: [{ code: 'SUCCESS', details: { id: '1' }, message: 'field created', status: 'success' }] },
        {
          fields: [
            { code: 'SUCCESS', details: { id: '../../etc' }, message: 'field created', status: 'success' },
            { code: 'SUCCESS', details: { id: '2' }, message: 'field created', status: 'success' },
          ],
        },
      ]) {
        zoho.routes = [];
        zoho.received.length = 0;
        zoho.on(/settings\/fields/, (response, received, server) =>
          received.method === 'GET'
            ? json(200, { fields: [] })(response, received, server)
            : json(201, answer)(response, received, server),
        );
        const result = await run(['create', '--yes', fieldsFile], env);
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(result.stderr, /Creating fields in Leads/);
        assert.ok(!/is not a function|Cannot read properties/.test(result.stderr));
        assert.equal(
          zoho.crmRequests().filter((request) => request.method === 'POST').length,
          1,
          'the call is not sent again',
        );
        assertNoSecret(result.stdout + result.stderr);
      }
    });

    it('control characters from the org are escaped: no ESC, BEL or OSC 52 reaches the terminal', async () => {
      const evil = 'Admin\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u009b31m\u202eevil';
      zoho.on(/settings\/profiles/, json(200, { profiles: [{ id: '1', name: evil, type: 'normal_profile' }] }));
      zoho.on(/\/org$/, json(200, { org: [{ id: '1', company_name: `Zylker\u001b[1A\u001b[2K`, type: 'sandbox' }] }));
      zoho.on(/settings\/modules/, json(200, { modules: [] }));
      for (const args of [['profiles'], ['profiles', '--format', 'json'], ['snapshot']]) {
        const result = await run(args, env);
        assert.equal(result.code, 0, result.stderr);
        assert.ok(
          !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(result.stdout + result.stderr),
          `${args.join(' ')} printed a control character`,
        );
      }
      const text = await run(['profiles'], env);
      assert.equal(
        text.stdout,
        '1  Admin\\u001b[2J\\u001b]0;pwned\\u0007\\u001b]52;c;ZXZpbA==\\u0007\\u009b31m\\u202eevil  (normal profile)\n',
      );
      const json_ = await run(['profiles', '--format', 'json'], env);
      assert.equal(JSON.parse(json_.stdout)[0].name, evil, 'the JSON still says what the org said');
    });
  });

  describe('files and paths', () => {
    const shipments = {
      modules: [
        {
          id: '77',
          api_name: 'Shipments',
          plural_label: 'Shipments',
          singular_label: 'Shipment',
          profiles: [{ id: '1', name: 'Administrator' }],
        },
      ],
    };

    it('pull refuses an answer naming another module, a path, NUL or 5,000 characters, and writes nothing', async () => {
      for (const apiName of ['../../x', '/tmp/abs', 'Other', 'Ship\u0000ments', 'S'.repeat(5000), '..']) {
        zoho.routes = [];
        zoho.on(
          /settings\/modules\/Shipments/,
          json(200, { modules: [{ ...shipments.modules[0], api_name: apiName }] }),
        );
        const cwd = mkdtempSync(path.join(dir, 'pull-'));
        const result = await run(['pull', 'Shipments'], env, cwd);
        assert.equal(result.code, 1, `${JSON.stringify(apiName.slice(0, 20))}: ${result.stderr}`);
        assert.match(
          result.stderr,
          /Reading the module Shipments: Zoho's answer has .* for modules\[0\]\.api_name, where its documentation shows the module asked for \("Shipments"\)/,
        );
        assert.ok(!existsSync(path.join(cwd, '../../x.crm-module.json')) && !existsSync('/tmp/abs.crm-module.json'));
      }
    });

    it("a fields answer's own keys never reach the pulled file: only the schema's keys of each field's type", async () => {
      zoho.routes = [];
      zoho.on(/settings\/modules\/Shipments/, json(200, shipments));
      zoho.on(
        /settings\/fields/,
        json(200, {
          fields: [
            {
              id: '1',
              api_name: 'Code',
              field_label: 'Code',
              data_type: 'text',
              custom_field: true,
              length: 20,
              __proto__x: { polluted: true },
              script: '<script>alert(1)</script>',
              crypt: { mode: 'encryption', status: 1, key: 'secret-looking' },
              tooltip: null,
              lookup: { module: { api_name: 'Accounts', id: '9' } },
              pick_list_values: [{ display_value: 'A', actual_value: 'A', id: '3', type: 'used' }],
            },
            { id: '2', api_name: 'Owner', field_label: 'Owner', data_type: 'ownerlookup', custom_field: false },
          ],
        }),
      );
      const cwd = mkdtempSync(path.join(dir, 'fields-'));
      const result = await run(['pull', 'Shipments'], env, cwd);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(readFileSync(path.join(cwd, 'Shipments.crm-fields.json'), 'utf8')), {
        fields: [
          {
            field_label: 'Code',
            data_type: 'text',
            api_name: 'Code',
            length: 20,
            crypt: { mode: 'encryption' },
          },
        ],
      });
    });

    it('an api_name of . or .. or with a slash is refused before any URL is built', async () => {
      for (const apiName of ['..', '.', 'a/b', '%2e%2e']) {
        zoho.received.length = 0;
        const result = await run(['pull', apiName], env, dir);
        assert.equal(result.code, 1);
        assert.match(
          result.stderr,
          /is not a module API name \(letters, digits, underscores, spaces\); nothing was sent/,
        );
        assert.equal(zoho.crmRequests().length, 0);
      }
    });

    it('pull keeps a file that differs unless --force; an identical one is left as it is', async () => {
      zoho.on(/settings\/modules\/Shipments/, json(200, shipments));
      zoho.on(/settings\/fields/, json(200, { fields: [] }));
      const cwd = mkdtempSync(path.join(dir, 'keep-'));
      const file = path.join(cwd, 'Shipments.crm-module.json');
      writeFileSync(file, '{"my": "edits"}');
      const kept = await run(['pull', 'Shipments'], env, cwd);
      assert.equal(kept.code, 1);
      assert.match(
        kept.stderr,
        /Shipments\.crm-module\.json exists and differs from the org's version; nothing was written\. Add --force/,
      );
      assert.equal(readFileSync(file, 'utf8'), '{"my": "edits"}');
      const forced = await run(['pull', '--force', 'Shipments'], env, cwd);
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stderr, /^Replaced Shipments\.crm-module\.json from Shipments/);
      const again = await run(['pull', 'Shipments'], env, cwd);
      assert.equal(again.code, 0);
      assert.match(again.stderr, /already matches Shipments/);
      zoho.on(/settings\/profiles/, json(200, PROFILES));
      zoho.on(/settings\/modules$/, json(200, { modules: [] }));
      const snapshot = await run(['snapshot', '-o', file], env, cwd);
      assert.equal(snapshot.code, 1, 'a module file is not an earlier snapshot');
      assert.match(readFileSync(file, 'utf8'), /"api_name": "Shipments"/);
    });
  });
});

describe('URLs a secret may go to', () => {
  it('https anywhere, http to loopback only; the source is named; a path is kept without its trailing slash', () => {
    assert.equal(checkedServerUrl('https://accounts.zoho.eu/', 'X'), 'https://accounts.zoho.eu');
    assert.equal(checkedServerUrl('http://127.0.0.1:8080/zoho/', 'X'), 'http://127.0.0.1:8080/zoho');
    assert.equal(checkedServerUrl('http://localhost:1', 'X'), 'http://localhost:1');
    assert.equal(checkedServerUrl('http://[::1]:1', 'X'), 'http://[::1]:1');
    for (const [value, message] of [
      ['http://10.0.0.5', /^The setting zohoCrm\.accountsUrl is plain http to 10\.0\.0\.5/],
      ['http://127.evil.test', /plain http/],
      ['ftp://accounts.zoho.com', /must be an https URL, not ftp:/],
      ['https://u:p@accounts.zoho.com', /must not carry a user name or password \(https:\/\/…@accounts\.zoho\.com\)/],
      ['https://accounts.zoho.com/?next=x', /must not have a query or fragment/],
      ['not a url', /is not a URL \("not a url"\)/],
    ] as const) {
      assert.throws(
        () => checkedServerUrl(value, 'The setting zohoCrm.accountsUrl'),
        (error: ZohoError) => message.test(error.message) && error.kind === 'config' && !error.message.includes(':p@'),
      );
    }
  });
});
