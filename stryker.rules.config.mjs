// Mutation testing of the rules (npm run mutate:rules). Not in CI: it takes minutes.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'rules',
  mutate: ['server/src/languageservice/rules/*.ts', 'server/src/languageservice/incremental.ts'],
  tests: [
    ...['rules', 'fixes', 'incremental', 'fastWalk', 'badInput'].map((name) => `out/test/unit/${name}.test.js`),
    'out/test/zoho/verdicts.test.js',
  ],
  timeoutMS: 30000,
});
