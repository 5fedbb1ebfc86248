import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import axios from 'axios';
import { browserSignIn, selfClientSignIn, trustedAccountsServer } from '../../client/zoho/signIn';
import { ZohoError } from '../../client/zoho/errors';
import { freePort } from '../integration/host';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { DEMO_CLIENT, EU_CLIENT, startStandIn } from '../helpers/standIn';

/** Plays the browser: opens the consent URL, follows Zoho's redirect to our loopback callback. */
function browser(tamper?: (callback: URL) => void) {
  return async (url: string): Promise<boolean> => {
    void (async () => {
      const consent = await axios.get(url, { maxRedirects: 0, validateStatus: () => true, proxy: false });
      const callback = new URL(consent.headers.location);
      tamper?.(callback);
      await axios.get(callback.toString(), { validateStatus: () => true, proxy: false });
    })();
    return true;
  };
}

describe('sign-in', () => {
  let standIn: ZohoStandIn;
  let port: number;
  before(async () => {
    standIn = await startStandIn();
  });
  after(() => standIn.stop());
  beforeEach(async () => {
    port = await freePort();
    for (const client of [DEMO_CLIENT, EU_CLIENT])
      standIn.clients.get(client.clientId)!.redirectUris = [`http://127.0.0.1:${port}/callback`];
    standIn.requests.length = 0;
    standIn.faults = {};
  });

  it('browser flow: loopback redirect, state, PKCE S256, offline consent', async () => {
    const result = await browserSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      accountsUrl: standIn.url,
      port,
      scopes: ['ZohoCRM.settings.modules.ALL'],
      openBrowser: browser(),
    });
    assert.match(result.refreshToken, /^1000\./);
    assert.equal(result.apiDomain, standIn.url);
    assert.equal(result.location, 'us');
    const authorize = standIn.requests.find((request) => request.path === '/oauth/v2/auth')!;
    assert.equal(authorize.query.code_challenge_method, 'S256');
    assert.equal(authorize.query.access_type, 'offline');
    assert.equal(authorize.query.prompt, 'consent');
    assert.equal(authorize.query.redirect_uri, `http://127.0.0.1:${port}/callback`);
    assert.ok(authorize.query.state.length >= 32);
    const token = standIn.requests.find((request) => request.path === '/oauth/v2/token')!;
    assert.ok(new URLSearchParams(token.body).get('code_verifier'));
  });

  it('browser flow: the code is exchanged on the accounts server the callback names (EU user)', async () => {
    const result = await browserSignIn({
      clientId: EU_CLIENT.clientId,
      clientSecret: EU_CLIENT.clientSecret,
      accountsUrl: standIn.url,
      port,
      scopes: ['ZohoCRM.settings.modules.ALL'],
      openBrowser: browser(),
    });
    assert.equal(result.location, 'eu');
    assert.equal(result.accountsServer, standIn.euUrl);
    const token = standIn.requests.find((request) => request.path === '/oauth/v2/token')!;
    assert.equal(token.listener, 'eu');
  });

  it('browser flow: a callback with another state is refused and the listener closes', async () => {
    await assert.rejects(
      browserSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        accountsUrl: standIn.url,
        port,
        scopes: ['x'],
        openBrowser: browser((callback) => callback.searchParams.set('state', 'forged')),
      }),
      (error: ZohoError) => /did not carry the state/.test(error.message),
    );
    await assert.rejects(axios.get(`http://127.0.0.1:${port}/callback`, { proxy: false }), /ECONNREFUSED/);
    assert.equal(standIn.requests.filter((request) => request.path === '/oauth/v2/token').length, 0);
  });

  it('browser flow: times out when no answer comes, and can be cancelled', async () => {
    await assert.rejects(
      browserSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        accountsUrl: standIn.url,
        port,
        scopes: ['x'],
        openBrowser: async () => true,
        timeoutMs: 100,
      }),
      /timed out/,
    );
    const controller = new AbortController();
    const pending = browserSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      accountsUrl: standIn.url,
      port,
      scopes: ['x'],
      openBrowser: async () => true,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, /cancelled/);
  });

  it('browser flow: a busy port is explained', async () => {
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await assert.rejects(
        browserSignIn({
          clientId: DEMO_CLIENT.clientId,
          clientSecret: DEMO_CLIENT.clientSecret,
          accountsUrl: standIn.url,
          port,
          scopes: ['x'],
          openBrowser: async () => true,
        }),
        /in use.*zohoCrm\.oauth\.redirectPort/,
      );
    } finally {
      blocker.close();
    }
  });

  it("an accounts server that is not Zoho's is refused", () => {
    assert.throws(() => trustedAccountsServer('https://evil.example.com', 'https://accounts.zoho.com'), /not Zoho's/);
    assert.equal(
      trustedAccountsServer('https://accounts.zoho.eu', 'https://accounts.zoho.com'),
      'https://accounts.zoho.eu',
    );
  });

  it('Self Client: a pasted grant code signs in once; reusing it is a clear error', async () => {
    const code = standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.modules.ALL']);
    const result = await selfClientSignIn({
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      code: ` ${code} `,
      accountsServer: standIn.url,
    });
    assert.match(result.refreshToken, /^1000\./);
    await assert.rejects(
      selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code,
        accountsServer: standIn.url,
      }),
      (error: ZohoError) => error.kind === 'auth' && error.code === 'invalid_code' && /once only/.test(error.message),
    );
  });

  it('Self Client: a wrong secret is explained', async () => {
    const code = standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['x']);
    await assert.rejects(
      selfClientSignIn({ clientId: DEMO_CLIENT.clientId, clientSecret: 'wrong', code, accountsServer: standIn.url }),
      /client secret does not match/,
    );
  });

  it('Self Client: the accounts throttle answer (HTTP 200) is an error', async () => {
    standIn.faults = { accountsThrottled: true };
    const code = standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['x']);
    await assert.rejects(
      selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code,
        accountsServer: standIn.url,
      }),
      (error: ZohoError) => error.kind === 'throttled',
    );
  });

  it('Self Client: garbage pasted is refused before any request', async () => {
    await assert.rejects(
      selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code: 'not a code!',
        accountsServer: standIn.url,
      }),
      /A grant code has only letters, digits/,
    );
    assert.equal(standIn.requests.length, 0);
  });
});
