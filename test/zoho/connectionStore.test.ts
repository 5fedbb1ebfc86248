import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Memento, SecretStorage } from 'vscode';
import { ConnectionInfo, ConnectionStore } from '../../client/vscode/connections/connectionStore';
import { OAuthClient } from '../../client/zoho/oauth';
import { CapturingLog, startStandIn } from '../helpers/standIn';

class MemoryMemento {
  readonly values = new Map<string, unknown>();
  keys() {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  async update(key: string, value: unknown) {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

/** SecretStorage as VS Code gives it: every window sees the same values, and is told of each change. */
class MemorySecrets {
  readonly values = new Map<string, string>();
  failing = false;
  private readonly listeners = new Set<(event: { key: string }) => void>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    if (this.failing) throw new Error('Cannot create an item in a locked collection');
    this.values.set(key, value);
    this.fire(key);
  }
  async delete(key: string) {
    this.values.delete(key);
    this.fire(key);
  }
  keys = async () => [...this.values.keys()];
  onDidChange = (listener: (event: { key: string }) => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  private fire(key: string) {
    for (const listener of this.listeners) listener({ key });
  }
}

const info = (id: string): ConnectionInfo => ({
  id,
  label: `Org ${id}`,
  dataCenter: 'us',
  environment: 'production',
  accountsServer: 'https://accounts.zoho.com',
  apiDomain: 'https://www.zohoapis.com',
  scopes: ['ZohoCRM.settings.modules.ALL'],
  createdAt: '2026-11-28T00:00:00Z',
});
const SECRETS = {
  clientId: '1000.CLIENT',
  clientSecret: 'shh-client-secret',
  refreshToken: '1000.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb',
};

function make(state = new MemoryMemento(), secrets = new MemorySecrets(), oauth?: OAuthClient) {
  const log = new CapturingLog();
  const store = new ConnectionStore(
    state as unknown as Memento,
    secrets as unknown as SecretStorage,
    log.logger,
    () => ({ timeoutMs: 1000 }),
    oauth,
  );
  return { state, secrets, log, store };
}

describe('connection store', () => {
  it("keeps secrets in SecretStorage and only the connection's description in global state", async () => {
    const { state, secrets, store } = make();
    await store.add(info('a'), SECRETS);
    const stateText = JSON.stringify([...state.values]);
    for (const secret of Object.values(SECRETS)) assert.ok(!stateText.includes(secret), `${secret} in global state`);
    assert.deepEqual(JSON.parse(secrets.values.get('zohoCrm.connection.a')!), SECRETS);
    assert.equal(store.active()?.id, 'a');
  });

  it('several connections; the newest is active; switching and removing', async () => {
    const { store, secrets } = make();
    await store.add(info('prod'), SECRETS);
    await store.add(info('sandbox'), SECRETS);
    assert.equal(store.active()?.id, 'sandbox');
    await store.setActive('prod');
    assert.equal(store.active()?.id, 'prod');
    await store.remove('prod');
    assert.equal(store.active()?.id, 'sandbox');
    assert.equal(secrets.values.has('zohoCrm.connection.prod'), false);
  });

  it('when SecretStorage fails, says so and keeps nothing anywhere else', async () => {
    const { state, secrets, store } = make();
    secrets.failing = true;
    await assert.rejects(store.add(info('a'), SECRETS), /secret storage.*not kept.*keyring/s);
    assert.deepEqual(store.list(), []);
    assert.equal(JSON.stringify([...state.values]).includes(SECRETS.clientSecret), false);
    assert.equal(secrets.values.size, 0);
  });

  it('a connection whose secrets vanished asks for a new sign-in', async () => {
    const { store, secrets } = make();
    await store.add(info('a'), SECRETS);
    secrets.values.clear();
    const fresh = new ConnectionStore(
      (store as any).state,
      secrets as unknown as SecretStorage,
      new CapturingLog().logger,
      () => ({ timeoutMs: 1000 }),
    );
    await assert.rejects(fresh.tokens(info('a')), /Sign in again/);
  });

  it('a sign-in or sign-out in another window shows in this one', async () => {
    const shared = { state: new MemoryMemento(), secrets: new MemorySecrets() };
    const first = make(shared.state, shared.secrets);
    const second = make(shared.state, shared.secrets);
    let seen = 0;
    const subscription = second.store.onDidChange(() => {
      seen++;
    });
    await first.store.add(info('a'), SECRETS);
    assert.ok(seen > 0, 'the other window was told');
    assert.deepEqual(
      second.store.list().map((connection) => connection.id),
      ['a'],
    );
    await second.store.tokens(info('a'));
    assert.ok(second.store.cachedTokens('a'));
    seen = 0;
    await first.store.remove('a');
    assert.ok(seen > 0);
    assert.deepEqual(second.store.list(), []);
    assert.equal(second.store.cachedTokens('a'), undefined, 'the other window forgot the token too');
    subscription.dispose();
    first.store.dispose();
    second.store.dispose();
  });

  it('offline or refused for a passing reason, the connection stays; a rejected refresh token removes it and says so', async () => {
    const standIn = await startStandIn();
    try {
      const { store, log } = make(undefined, undefined, new OAuthClient());
      const rejected: string[] = [];
      store.onDidRejectRefreshToken((connection) => rejected.push(connection.id));
      const { code } = (await fetch(`${standIn.url}/__standin/self-client-code`, {
        method: 'POST',
        body: JSON.stringify({ client_id: '1000.LOCALSTANDIN0000000000000000' }),
      }).then((response) => response.json())) as { code: string };
      const tokens = await new OAuthClient().exchangeCode({
        accountsServer: standIn.url,
        clientId: '1000.LOCALSTANDIN0000000000000000',
        clientSecret: 'local-stand-in-client-secret-0000000000',
        code,
      });
      const live = { ...info('live'), accountsServer: standIn.url };
      await store.add(live, {
        clientId: '1000.LOCALSTANDIN0000000000000000',
        clientSecret: 'local-stand-in-client-secret-0000000000',
        refreshToken: tokens.refreshToken!,
      });
      const offline = { ...info('offline'), accountsServer: 'http://127.0.0.1:9' };
      await store.add(offline, SECRETS);

      await assert.rejects((await store.tokens(offline)).accessToken(), /refused|reach/i);
      assert.ok(
        store.list().some((connection) => connection.id === 'offline'),
        'an unreachable accounts server does not sign anyone out',
      );

      assert.ok(await (await store.tokens(live)).accessToken());
      standIn.faults.refreshDenied = true;
      (await store.tokens(live)).invalidate((await store.tokens(live)).lastKnownToken()!);
      await assert.rejects((await store.tokens(live)).accessToken(), /no longer works/);
      assert.deepEqual(
        store.list().map((connection) => connection.id),
        ['offline'],
      );
      assert.deepEqual(rejected, ['live']);
      assert.match(log.lines.join('\n'), /no longer accepts the sign-in for Org live/);
      store.dispose();
    } finally {
      await standIn.stop();
    }
  });
});
