/**
 * The environments file is a repository's file: read as hostile. It names variables, never holds a secret, and
 * cannot send a secret anywhere but Zoho's hosts (or the user's own overrides).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readEnvironment } from '../../client/cli/environments';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-environments-'));
let count = 0;
const fileWith = (content: unknown) => {
  const file = path.join(dir, `env-${count++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const SECRETS = {
  clientId: 'ZOHO_PROD_CLIENT_ID',
  clientSecret: 'ZOHO_PROD_CLIENT_SECRET',
  refreshToken: 'ZOHO_PROD_REFRESH_TOKEN',
};
const errorOf = (content: unknown, name = 'production') => {
  const read = readEnvironment(fileWith(content), name);
  assert.ok('error' in read, JSON.stringify(read));
  return read.error;
};

describe('the environments file', () => {
  it("resolves an entry to Zoho's hosts and the variables it names", () => {
    const read = readEnvironment(
      fileWith({
        environments: {
          production: { dataCenter: 'eu', secrets: SECRETS, profiles: { 'Sandbox QA': 'Standard' } },
          sandbox: { dataCenter: 'eu', environment: 'sandbox', secrets: SECRETS },
        },
      }),
      'production',
    );
    assert.deepEqual(read, {
      name: 'production',
      accountsUrl: 'https://accounts.zoho.eu',
      apiDomain: undefined,
      variables: SECRETS,
      profiles: { 'Sandbox QA': 'Standard' },
    });
    const sandbox = readEnvironment(
      fileWith({ environments: { sandbox: { dataCenter: 'eu', environment: 'sandbox', secrets: SECRETS } } }),
      'sandbox',
    );
    assert.equal('apiDomain' in sandbox && sandbox.apiDomain, 'https://sandbox.zohoapis.eu');
  });

  it('refuses a secret wherever it is, without repeating it', () => {
    const token = '1000.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef';
    for (const [content, where] of [
      [
        { environments: { production: { secrets: { ...SECRETS, refreshToken: token } } } },
        'environments.production.secrets.refreshToken',
      ],
      [
        { environments: { production: { secrets: { ...SECRETS, clientSecret: 'a8f3-secret-value' } } } },
        'environments.production.secrets.clientSecret',
      ],
      [
        { environments: { production: { secrets: SECRETS, client_secret: 'hunter22hunter22' } } },
        'environments.production.client_secret',
      ],
      [
        { environments: { production: { secrets: SECRETS, profiles: { a: token } } } },
        'environments.production.profiles.a',
      ],
      [{ notes: [`refresh with ${token}`], environments: {} }, 'notes.0'],
    ] as const) {
      const error = errorOf(content);
      assert.ok(error.includes(`holds a secret at ${where}:`), error);
      assert.ok(!error.includes(token) && !error.includes('a8f3-secret-value') && !error.includes('hunter22'));
    }
  });

  it('refuses hosts that are not Zoho, variables outside ZOHO_, and names it does not have', () => {
    assert.match(
      errorOf({ environments: { production: { apiDomain: 'https://evil.example.test', secrets: SECRETS } } }),
      /apiDomain must be one of Zoho's API hosts for the us data center/,
    );
    assert.match(
      errorOf({
        environments: { production: { dataCenter: 'eu', apiDomain: 'https://www.zohoapis.com', secrets: SECRETS } },
      }),
      /apiDomain must be one of Zoho's API hosts for the eu data center/,
      "another data center's host is refused too",
    );
    assert.match(
      errorOf({ environments: { production: { apiDomain: 'http://www.zohoapis.com', secrets: SECRETS } } }),
      /apiDomain must be one of Zoho's API hosts/,
    );
    assert.match(
      errorOf({ environments: { production: { dataCenter: 'mars', secrets: SECRETS } } }),
      /dataCenter takes one of us, eu/,
    );
    assert.match(
      errorOf({ environments: { production: { secrets: { ...SECRETS, refreshToken: 'GITHUB_TOKEN' } } } }),
      /secrets\.refreshToken names an environment variable starting with ZOHO_ \(like ZOHO_PRODUCTION_REFRESH_TOKEN\)/,
    );
    assert.match(
      errorOf({ environments: { production: { secrets: SECRETS } } }, '__proto__'),
      /has no environment "__proto__"\. It has: production/,
    );
    assert.match(
      errorOf({ environments: { production: { secrets: SECRETS } } }, 'constructor'),
      /has no environment "constructor"/,
    );
    assert.match(errorOf('{ not json'), /is not JSON/);
    assert.match(errorOf(' '.repeat(300 * 1024)), /larger than 256 KB/);
    assert.match(
      errorOf({ environments: { production: { secrets: SECRETS, profiles: { a: 3 } } } }),
      /profiles\.a takes this org's profile name/,
    );
    const missing = readEnvironment(path.join(dir, 'nowhere.json'), 'production');
    assert.ok('error' in missing && /cannot be read \(ENOENT\)/.test(missing.error));
  });
});
