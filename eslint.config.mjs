// Lint, and the layers' boundaries: the language service is pure (no LSP, no VS Code), the server never
// reaches into the client, and the Zoho layer and the CLI run without VS Code. `npm run lint`, no warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = [
  { name: 'vscode', message: 'Only the VS Code side (client/src outside zoho/ and cli/) may use the vscode API.' },
  { name: 'vscode-languageclient', message: 'Only the VS Code side may start the language client.' },
  { name: 'vscode-languageclient/node', message: 'Only the VS Code side may start the language client.' },
];
const vscodeSide = ['**/auth/**', '**/create/**', '**/org/**', '**/config/**', '**/extension', '**/languageClient', '**/services'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.vscode-test/**', 'test-results/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', TextDecoder: 'readonly', Buffer: 'readonly', performance: 'readonly', AbortController: 'readonly', NodeJS: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off', // the rules look for control characters in JSON on purpose
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noVscode,
        patterns: [{ group: ['**/client/**', '../../client/*'], message: 'The server does not depend on the client.' }],
      }],
    },
  },
  {
    files: ['server/src/languageservice/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noVscode,
        patterns: [
          { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*'], message: 'The language service is pure: text in, findings out, no LSP types (server/src/providers converts).' },
          { group: ['**/providers/**', '**/server', '**/client/**'], message: 'The language service depends on nothing above it.' },
        ],
      }],
    },
  },
  {
    files: ['client/src/zoho/**/*.ts', 'client/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: noVscode,
        patterns: [{ group: vscodeSide, message: 'The Zoho layer and the CLI run without VS Code: they may not use the VS Code side.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
