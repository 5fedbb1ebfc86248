// What both mutation configs share: mutants switched at run time (the TypeScript is built once per run),
// each mutant running one area's tests through node's test runner; incremental runs; JSON reports.
/** @param {{ area: string, mutate: string[], tests: string[], timeoutMS: number }} options */
export function strykerConfig({ area, mutate, tests, timeoutMS }) {
  /** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
  return {
    mutate,
    testRunner: 'command',
    buildCommand: 'npx tsc -p .',
    commandRunner: { command: `node --test ${tests.join(' ')}` },
    coverageAnalysis: 'off',
    concurrency: 2,
    timeoutMS,
    incremental: true,
    incrementalFile: `reports/stryker-incremental-${area}.json`,
    reporters: ['clear-text', 'progress', 'json'],
    jsonReporter: { fileName: `reports/mutation-${area}.json` },
    ignorePatterns: ['dist', 'out', '.vscode-test', 'test-results', 'reports'],
    tempDirName: '.stryker-tmp',
  };
}
