// Mutation testing of the rules (npm run mutate). Not in CI: it takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['server/src/languageservice/rules/*.ts', 'server/src/languageservice/incremental.ts'],
  testRunner: 'command',
  buildCommand: 'npx tsc -p .',
  commandRunner: {
    command: 'node --test out/test/unit/rules.test.js out/test/unit/fixes.test.js out/test/unit/incremental.test.js out/test/unit/fastWalk.test.js out/test/unit/badInput.test.js out/test/zoho/verdicts.test.js',
  },
  coverageAnalysis: 'off',
  concurrency: 2,
  timeoutMS: 30000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental-rules.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation-rules.json' },
  ignorePatterns: ['dist', 'out', '.vscode-test', 'test-results', 'reports'],
  tempDirName: '.stryker-tmp',
};
