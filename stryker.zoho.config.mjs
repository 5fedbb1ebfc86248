// Mutation testing of the Zoho layer's safety code (npm run mutate:zoho). Not in CI: it takes minutes.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'zoho',
  mutate: [
    'client/src/zoho/redact.ts',
    'client/src/zoho/tokenManager.ts',
    'client/src/zoho/loopback.ts',
    'client/src/zoho/createModule.ts',
    'client/src/zoho/writeAnswer.ts',
    'client/src/zoho/crmClient.ts',
    'client/src/zoho/signIn.ts',
    'client/src/zoho/oauth.ts',
    'client/src/zoho/locateError.ts',
    'client/src/zoho/explain.ts',
  ],
  tests: ['redact', 'writeAnswer', 'explain', 'tokens', 'loopback', 'signIn', 'create', 'connectionStore', 'dataCenters', 'org'].map((name) => `out/test/zoho/${name}.test.js`),
  timeoutMS: 20000,
});
