// What the mutation configs share: mutants switched at run time (the TypeScript is built once per run); each
// mutant runs one area's test files one after another, stopping at the first that fails (most mutants are
// killed by the first, quick file, so a run takes a fraction of running every file); incremental runs; JSON
// reports. List the quickest, most telling test files first.
/** @param {{ area: string, mutate: string[], tests: string[], timeoutMS: number }} options */
export function strykerConfig({ area, mutate, tests, timeoutMS }) {
  /** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
  return {
    mutate,
    testRunner: 'command',
    buildCommand: 'npx tsc -p . && node scripts/aliases.mjs',
    commandRunner: { command: tests.map((file) => `node ${file}`).join(' && ') },
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
