import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ZohoError } from '../../client/zoho/errors';
import { OAuthClient, expiresInMs } from '../../client/zoho/oauth';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { EXPIRY_MARGIN_MS, TokenManager } from '../../client/zoho/tokenManager';
import { ZohoStandIn } from '../zohoStandIn/standIn';
import { CapturingLog, DEMO_CLIENT, startStandIn } from '../helpers/standIn';

describe('access tokens', () => {
  let standIn: ZohoStandIn;
  let refreshToken: string;
  before(async () => {
    standIn = await startStandIn();
    refreshToken = (
      await selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['ZohoCRM.settings.modules.ALL']),
        accountsServer: standIn.url,
      })
    ).refreshToken;
  });
  after(() => standIn.stop());
  beforeEach(() => {
    standIn.faults = {};
    standIn.requests.length = 0;
  });

  const manager = (now?: () => number) =>
    new TokenManager(
      {
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        refreshToken,
        accountsServer: standIn.url,
      },
      new OAuthClient(),
      new CapturingLog().logger,
      now,
    );
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

  it('refreshes five minutes before expiry: reused at 6 minutes left, refreshed at 4, and at exactly 5', async () => {
    let now = Date.now();
    const tokens = manager(() => now);
    const first = await tokens.accessToken();
    const expiresAt = now + 3600_000; // the stand-in's tokens live an hour
    now = expiresAt - 6 * 60_000;
    assert.equal(await tokens.accessToken(), first);
    now = expiresAt - 5 * 60_000 + 1000; // inside the margin
    const second = await tokens.accessToken();
    assert.notEqual(second, first);
    // At exactly the margin's edge the token is no longer handed out.
    const log = new CapturingLog();
    const seeded = new TokenManager(
      {
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        refreshToken,
        accountsServer: standIn.url,
      },
      new OAuthClient(),
      log.logger,
      () => 1_000_000,
    );
    seeded.seed('seeded-access-token', 1_000_000 + EXPIRY_MARGIN_MS);
    assert.notEqual(await seeded.accessToken(), 'seeded-access-token');
    assert.equal(EXPIRY_MARGIN_MS, 5 * 60_000);
  });

  it('a seeded token is used without a refresh, and it and the credentials are redacted from the log', async () => {
    const log = new CapturingLog();
    const tokens = new TokenManager(
      {
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        refreshToken,
        accountsServer: standIn.url,
      },
      new OAuthClient(),
      log.logger,
    );
    tokens.seed('seeded-access-token-value', Date.now() + 3600_000);
    assert.equal(await tokens.accessToken(), 'seeded-access-token-value');
    assert.equal(refreshes(), 0);
    assert.equal(tokens.lastKnownToken(), 'seeded-access-token-value');
    log.logger.info(`${DEMO_CLIENT.clientSecret} ${refreshToken} seeded-access-token-value`);
    assert.equal(log.lines.at(-1), 'info «redacted» «redacted» «redacted»');
  });

  it('invalidating a stale token keeps the current one; invalidating with nothing cached is harmless', async () => {
    const tokens = manager();
    assert.equal(tokens.lastKnownToken(), undefined);
    tokens.invalidate('nothing-cached-yet');
    const current = await tokens.accessToken();
    tokens.invalidate('an-older-token');
    assert.equal(await tokens.accessToken(), current);
    assert.equal(refreshes(), 1);
    tokens.invalidate(current);
    assert.notEqual(await tokens.accessToken(), current);
    assert.equal(refreshes(), 2);
  });

  it('each refresh is logged with the accounts server it goes to', async () => {
    const log = new CapturingLog();
    await new TokenManager(
      {
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        refreshToken,
        accountsServer: standIn.url,
      },
      new OAuthClient(),
      log.logger,
    ).accessToken();
    assert.deepEqual(log.lines, [`info Refreshing the access token at ${standIn.url}`]);
  });

  it('only a rejected refresh token (invalid_code) is reported as such; a wrong client secret is not', async () => {
    const rejected: string[] = [];
    const wrongSecret = new TokenManager(
      { clientId: DEMO_CLIENT.clientId, clientSecret: 'not-the-secret', refreshToken, accountsServer: standIn.url },
      new OAuthClient(),
      new CapturingLog().logger,
      Date.now,
      () => {
        rejected.push('wrong secret');
      },
    );
    await assert.rejects(wrongSecret.accessToken(), /no longer works/);
    assert.equal(rejected.length, 0);
    standIn.faults = { refreshDenied: true };
    const denied = new TokenManager(
      {
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        refreshToken,
        accountsServer: standIn.url,
      },
      new OAuthClient(),
      new CapturingLog().logger,
      Date.now,
      () => {
        rejected.push('denied');
      },
    );
    await assert.rejects(denied.accessToken(), /no longer works/);
    assert.deepEqual(rejected, ['denied']);
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
    await assert.rejects(
      tokens.accessToken(),
      (error: ZohoError) => error.kind === 'auth' && /Sign in again/.test(error.message),
    );
    standIn.faults = {};
    assert.match(await tokens.accessToken(), /^1000\./, 'the refresh token was kept');
  });

  it('the throttle answer is an error, not a token', async () => {
    standIn.faults = { accountsThrottled: true };
    await assert.rejects(
      manager().accessToken(),
      (error: ZohoError) => error.kind === 'throttled' && /too many requests/.test(error.message),
    );
  });

  it('an unreachable accounts server is a network error', async () => {
    const tokens = new TokenManager(
      { clientId: 'x', clientSecret: 'y', refreshToken: 'z', accountsServer: 'http://127.0.0.1:9' },
      new OAuthClient(),
      new CapturingLog().logger,
    );
    await assert.rejects(tokens.accessToken(), (error: ZohoError) => error.kind === 'network');
  });

  it('reads expires_in in seconds, and the older expires_in_sec with milliseconds', () => {
    assert.equal(expiresInMs({ expires_in: 3600 }), 3600_000);
    assert.equal(expiresInMs({ expires_in: 3600000, expires_in_sec: 3600 }), 3600_000);
    assert.equal(expiresInMs({ expires_in: 3600000 }), 3600_000);
  });

  it('revoking makes the refresh token useless', async () => {
    const own = (
      await selfClientSignIn({
        clientId: DEMO_CLIENT.clientId,
        clientSecret: DEMO_CLIENT.clientSecret,
        code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, ['x']),
        accountsServer: standIn.url,
      })
    ).refreshToken;
    await new OAuthClient().revoke({ accountsServer: standIn.url, refreshToken: own });
    assert.equal(standIn.refreshTokens.get(own)!.revoked, true);
    await assert.rejects(
      new OAuthClient().revoke({ accountsServer: standIn.url, refreshToken: own }),
      /did not revoke/,
    );
  });
});
