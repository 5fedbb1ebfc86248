// Mutation testing of the incremental re-check (part of npm run mutate:rules): it must equal a full check.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'incremental',
  mutate: ['server/languageservice/incremental.ts'],
  tests: ['incrementalPatch', 'incremental'].map((name) => `out/test/unit/${name}.test.js`),
  timeoutMS: 60000,
});
