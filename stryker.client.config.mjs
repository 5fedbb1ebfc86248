// Mutation testing of the HTTP client, OAuth and sign-in code (npm run mutate:client). Not in CI: it takes minutes.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'client',
  mutate: ['client/zoho/crmClient.ts', 'client/zoho/oauth.ts', 'client/zoho/signIn.ts'],
  tests: ['clientEdges', 'tokens', 'signIn', 'create', 'org'].map((name) => `out/test/zoho/${name}.test.js`),
  timeoutMS: 20000,
});
