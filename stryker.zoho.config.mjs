// Mutation testing of the Zoho layer's safety code (npm run mutate). Not in CI: it takes minutes.
// Mutants are switched at run time, so the TypeScript is built once and each mutant runs the Zoho tests.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'client/src/zoho/redact.ts',
    'client/src/zoho/tokenManager.ts',
    'client/src/zoho/loopback.ts',
    'client/src/zoho/createModule.ts',
    'client/src/zoho/crmClient.ts',
    'client/src/zoho/signIn.ts',
    'client/src/zoho/oauth.ts',
    'client/src/zoho/locateError.ts',
    'client/src/zoho/explain.ts',
  ],
  testRunner: 'command',
  buildCommand: 'npx tsc -p .',
  commandRunner: {
    command: 'node --test out/test/zoho/redact.test.js out/test/zoho/tokens.test.js out/test/zoho/loopback.test.js out/test/zoho/signIn.test.js out/test/zoho/create.test.js out/test/zoho/connectionStore.test.js out/test/zoho/dataCenters.test.js',
  },
  coverageAnalysis: 'off',
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental-zoho.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation-zoho.json' },
  ignorePatterns: ['dist', 'out', '.vscode-test', 'test-results', 'reports'],
  tempDirName: '.stryker-tmp',
};
