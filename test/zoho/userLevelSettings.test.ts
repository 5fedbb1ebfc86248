import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  USER_LEVEL_KEYS,
  userLevelKeysSetIn,
  userLevelValue,
  VanishedValues,
} from '../../client/vscode/config/userLevel';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('settings that decide where secrets go', () => {
  it('come from the user (or machine) level only; a workspace or folder value is ignored and reported', () => {
    assert.deepEqual(
      userLevelValue({
        defaultValue: '',
        globalValue: 'https://accounts.zoho.eu',
        workspaceValue: 'https://evil.example',
      }),
      { value: 'https://accounts.zoho.eu', ignoredWorkspaceValue: true },
    );
    assert.deepEqual(userLevelValue({ defaultValue: 47120, workspaceFolderValue: 8080 }), {
      value: 47120,
      ignoredWorkspaceValue: true,
    });
    assert.deepEqual(userLevelValue({ defaultValue: '', workspaceLanguageValue: 'https://evil.example' }), {
      value: '',
      ignoredWorkspaceValue: true,
    });
    assert.deepEqual(userLevelValue({ defaultValue: ['a'], globalValue: ['b'] }), {
      value: ['b'],
      ignoredWorkspaceValue: false,
    });
    assert.deepEqual(userLevelValue({ defaultValue: '' }), { value: '', ignoredWorkspaceValue: false });
    assert.deepEqual(userLevelValue(undefined), { value: undefined, ignoredWorkspaceValue: false });
  });

  it('are machine-scoped in the manifest, so VS Code itself ignores workspace values too', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const key of USER_LEVEL_KEYS) assert.equal(properties[`zohoCrm.${key}`]?.scope, 'machine', `zohoCrm.${key}`);
    // Every other setting is harmless in a workspace (it decides nothing about where requests go), or is the
    // user's alone by its scope: a repository cannot turn off the question before a production create.
    const others = Object.keys(properties).filter(
      (key) => !USER_LEVEL_KEYS.some((userKey) => `zohoCrm.${userKey}` === key),
    );
    assert.deepEqual(others.sort(), [
      'zohoCrm.apiVersion',
      'zohoCrm.askBeforeProductionCreate',
      'zohoCrm.diagnostics.delayMs',
      'zohoCrm.org.refreshMinutes',
      'zohoCrm.requestTimeoutSeconds',
    ]);
    assert.equal(properties['zohoCrm.askBeforeProductionCreate'].scope, 'application');
  });

  it('the extension declares limited support for Restricted Mode', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description, /trusted folder/);
  });
});

describe('finding the user-level keys a workspace settings file sets', () => {
  it('top-level keys and language blocks, with comments and trailing commas; nothing else', () => {
    const text = `{
      // a stranger's repository
      "zohoCrm.accountsUrl": "https://evil.example",
      "zohoCrm.requestTimeoutSeconds": 5,
      "[zoho-crm-module]": { "zohoCrm.oauth.scopes": ["ZohoCRM.users.ALL"], },
      "other": { "zohoCrm.apiDomain": "not a setting: nested in another object" },
    }`;
    assert.deepEqual(userLevelKeysSetIn(text), ['accountsUrl', 'oauth.scopes']);
    assert.deepEqual(userLevelKeysSetIn('{}'), []);
    assert.deepEqual(userLevelKeysSetIn('not json at all'), []);
  });
});

describe('a server setting that vanishes', () => {
  it('is named once it reads nothing after it read a value, until the user says it may go', () => {
    const values = new VanishedValues();
    assert.equal(values.observe('accountsUrl', undefined), undefined, 'never set: nothing vanished');
    assert.equal(values.observe('accountsUrl', 'http://127.0.0.1:1'), undefined);
    assert.equal(values.observe('accountsUrl', undefined), 'http://127.0.0.1:1');
    assert.equal(values.observe('accountsUrl', undefined), 'http://127.0.0.1:1', 'still gone, still named');
    assert.equal(values.observe('accountsUrl', 'https://proxy.example'), undefined);
    assert.equal(
      values.observe('accountsUrl', undefined),
      'https://proxy.example',
      'the latest value is the one named',
    );
    values.forget('accountsUrl');
    assert.equal(values.observe('accountsUrl', undefined), undefined);
  });
});
