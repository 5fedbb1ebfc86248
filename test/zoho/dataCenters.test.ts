import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiDomainFor,
  authorizeAccountsUrl,
  DATA_CENTERS,
  dataCenter,
  dataCenterOfUrl,
  environmentOfApiDomain,
} from '../../client/zoho/dataCenters';

describe('data centers', () => {
  it('knows all nine', () =>
    assert.deepEqual(
      DATA_CENTERS.map((dc) => dc.id),
      ['us', 'eu', 'in', 'au', 'jp', 'cn', 'ca', 'sa', 'uk'],
    ));
  it('signs in at accounts.zoho.com, except China', () => {
    assert.equal(authorizeAccountsUrl('eu'), 'https://accounts.zoho.com');
    assert.equal(authorizeAccountsUrl('cn'), 'https://accounts.zoho.com.cn');
  });
  it('maps hosts back to their data center', () => {
    assert.equal(dataCenterOfUrl('https://accounts.zohocloud.ca')?.id, 'ca');
    assert.equal(dataCenterOfUrl('https://sandbox.zohoapis.com.au')?.id, 'au');
    assert.equal(dataCenterOfUrl('http://127.0.0.1:4000'), undefined);
  });
  it('sandbox and developer orgs live beside the production host the token names', () => {
    assert.equal(apiDomainFor('https://www.zohoapis.eu', 'sandbox'), 'https://sandbox.zohoapis.eu');
    assert.equal(apiDomainFor('https://www.zohoapis.jp', 'developer'), 'https://developer.zohoapis.jp');
    assert.equal(apiDomainFor('https://www.zohoapis.in', 'production'), 'https://www.zohoapis.in');
    assert.equal(environmentOfApiDomain(apiDomainFor('https://www.zohoapis.sa', 'sandbox')), 'sandbox');
  });
  it('the table matches the facts for each data center', () => {
    assert.equal(dataCenter('ca').apiDomains.production, 'https://www.zohoapis.ca');
    assert.equal(dataCenter('cn').apiDomains.developer, 'https://developer.zohoapis.com.cn');
    assert.equal(
      dataCenter('uk').apiDomains.production,
      undefined,
      'UK hosts are unconfirmed: the token answer decides',
    );
    assert.throws(() => dataCenter('mars'), /Unknown Zoho data center/);
  });
});
