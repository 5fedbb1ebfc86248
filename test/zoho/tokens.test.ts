import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ZohoError } from '../../client/src/zoho/errors';
import { OAuthClient, expiresInMs } from '../../client/src/zoho/oauth';
import { selfClientSignIn } from '../../client/src/zoho/signIn';
import { EXPIRY_MARGIN_MS, TokenManager } from '../../client/src/zoho/tokenManager';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

describe('access tokens', () => {
  let standIn: ZohoStandIn;
  let refreshToken: string;
  before(async () => {
    standIn = await startStandIn();
    refreshToken = (await selfClientSignIn({ clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret, code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.modules.ALL']), accountsServer: standIn.url })).refreshToken;
  });
  after(() => standIn.stop());
  beforeEach(() => { standIn.faults = {}; standIn.requests.length = 0; });

  const manager = (now?: () => number) => new TokenManager({ clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret, refreshToken, accountsServer: standIn.url }, new OAuthClient(), new CapturingLog().logger, now);
  const refreshes = () => standIn.requests.filter((request) => request.path === '/oauth/v2/token').length;

  it('reuses the access token until shortly before it expires', async () => {
    let now = Date.now();
    const tokens = manager(() => now);
    const first = await tokens.accessToken();
    assert.equal(await tokens.accessToken(), first);
    now += 3600_000 - EXPIRY_MARGIN_MS - 1000;
    assert.equal(await tokens.accessToken(), first);
    now += 2000;
    assert.notEqual(await tokens.accessToken(), first);
    assert.equal(refreshes(), 2);
  });

  it('many parallel callers share one refresh', async () => {
    const tokens = manager();
    const results = await Promise.all(Array.from({ length: 20 }, () => tokens.accessToken()));
    assert.equal(new Set(results).size, 1);
    assert.equal(refreshes(), 1);
  });

  it('a denied refresh (HTTP 200 invalid_code) asks to sign in again and can be retried later', async () => {
    const tokens = manager();
    standIn.faults = { refreshDenied: true };
    await assert.rejects(tokens.accessToken(), (error: ZohoError) => error.kind === 'auth' && /Sign in again/.test(error.message));
    standIn.faults = {};
    assert.match(await tokens.accessToken(), /^1000\./, 'the refresh token was kept');
  });

  it('the throttle answer is an error, not a token', async () => {
    standIn.faults = { accountsThrottled: true };
    await assert.rejects(manager().accessToken(), (error: ZohoError) => error.kind === 'throttled' && /too many requests/.test(error.message));
  });

  it('an unreachable accounts server is a network error', async () => {
    const tokens = new TokenManager({ clientId: 'x', clientSecret: 'y', refreshToken: 'z', accountsServer: 'http://127.0.0.1:9' }, new OAuthClient(), new CapturingLog().logger);
    await assert.rejects(tokens.accessToken(), (error: ZohoError) => error.kind === 'network');
  });

  it('reads expires_in in seconds, and the older expires_in_sec with milliseconds', () => {
    assert.equal(expiresInMs({ expires_in: 3600 }), 3600_000);
    assert.equal(expiresInMs({ expires_in: 3600000, expires_in_sec: 3600 }), 3600_000);
    assert.equal(expiresInMs({ expires_in: 3600000 }), 3600_000);
  });

  it('revoking makes the refresh token useless', async () => {
    const own = (await selfClientSignIn({ clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret, code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['x']), accountsServer: standIn.url })).refreshToken;
    await new OAuthClient().revoke({ accountsServer: standIn.url, refreshToken: own });
    assert.equal(standIn.refreshTokens.get(own)!.revoked, true);
    await assert.rejects(new OAuthClient().revoke({ accountsServer: standIn.url, refreshToken: own }), /did not revoke/);
  });
});
