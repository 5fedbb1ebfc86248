import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Memento, SecretStorage } from 'vscode';
import { ConnectionInfo, ConnectionStore } from '../../client/src/auth/connectionStore';
import { CapturingLog } from '../helpers/standIn';

class MemoryMemento {
  readonly values = new Map<string, unknown>();
  keys() { return [...this.values.keys()]; }
  get<T>(key: string, fallback?: T): T | undefined { return (this.values.has(key) ? this.values.get(key) : fallback) as T; }
  async update(key: string, value: unknown) { if (value === undefined) this.values.delete(key); else this.values.set(key, value); }
}

class MemorySecrets {
  readonly values = new Map<string, string>();
  failing = false;
  async get(key: string) { return this.values.get(key); }
  async store(key: string, value: string) { if (this.failing) throw new Error('Cannot create an item in a locked collection'); this.values.set(key, value); }
  async delete(key: string) { this.values.delete(key); }
  keys = async () => [...this.values.keys()];
  onDidChange = () => ({ dispose() {} });
}

const info = (id: string): ConnectionInfo => ({ id, label: `Org ${id}`, dataCenter: 'us', environment: 'production', accountsServer: 'https://accounts.zoho.com', apiDomain: 'https://www.zohoapis.com', scopes: ['ZohoCRM.settings.modules.ALL'], createdAt: '2026-11-28T00:00:00Z' });
const SECRETS = { clientId: '1000.CLIENT', clientSecret: 'shh-client-secret', refreshToken: '1000.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb' };

function make() {
  const state = new MemoryMemento();
  const secrets = new MemorySecrets();
  const log = new CapturingLog();
  const store = new ConnectionStore(state as unknown as Memento, secrets as unknown as SecretStorage, log.logger, () => ({ timeoutMs: 1000 }));
  return { state, secrets, log, store };
}

describe('connection store', () => {
  it('keeps secrets in SecretStorage and only the connection\'s description in global state', async () => {
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
    const fresh = new ConnectionStore((store as any).state, secrets as unknown as SecretStorage, new CapturingLog().logger, () => ({ timeoutMs: 1000 }));
    await assert.rejects(fresh.tokens(info('a')), /Sign in again/);
  });
});
