// Mutation testing of the rules (npm run mutate:rules). Not in CI: it takes minutes. The incremental re-check
// has its own run (stryker.incremental.config.mjs): its random-edit test is slow and tells nothing about a rule,
// which changes the full and the incremental check alike.
import { strykerConfig } from './stryker.base.mjs';

export default strykerConfig({
  area: 'rules',
  mutate: ['server/languageservice/rules/*.ts'],
  tests: [
    ...['ruleMessages', 'genericRules', 'rules', 'fixes', 'fastWalk', 'apiVersion', 'specErrors'].map(
      (name) => `out/test/unit/${name}.test.js`,
    ),
    'out/test/zoho/verdicts.test.js',
    'out/test/unit/badInput.test.js',
  ],
  timeoutMS: 30000,
});
