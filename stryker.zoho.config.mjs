// Mutation testing of the Zoho layer's safety code (npm run mutate:zoho). Not in CI: it takes minutes.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'zoho',
  mutate: [
    'client/zoho/redact.ts',
    'client/zoho/tokenManager.ts',
    'client/zoho/loopback.ts',
    'client/zoho/createModule.ts',
    'client/zoho/writeAnswer.ts',
    'client/zoho/crmClient.ts',
    'client/zoho/signIn.ts',
    'client/zoho/oauth.ts',
    'client/zoho/locateError.ts',
    'client/zoho/explain.ts',
  ],
  tests: [
    'redact',
    'writeAnswer',
    'explain',
    'tokens',
    'loopback',
    'signIn',
    'create',
    'connectionStore',
    'dataCenters',
    'org',
  ].map((name) => `out/test/zoho/${name}.test.js`),
  timeoutMS: 20000,
});
