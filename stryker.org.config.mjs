// Mutation testing of the org work's safety code: the Update body and where its errors point, and the PUT
// that must never be sent twice (npm run mutate:org). Not in CI.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'org',
  mutate: ['client/zoho/updateModule.ts', 'client/zoho/moduleFile.ts'],
  tests: ['out/test/zoho/org.test.js'],
  timeoutMS: 20000,
});
