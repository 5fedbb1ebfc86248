// Lint, and the products' boundaries (docs/architecture.md): the language service is pure (no LSP, no VS Code,
// no HTTP); the LSP server never reaches the client; the Zoho library and the CLI run without VS Code; and a product
// reaches another only by its one name (`@crm/languageservice`, `@crm/protocol`, `@crm/zoho`), never by a relative
// path. `npm run lint`, no warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = [
  { name: 'vscode', message: 'Only the VS Code extension (client/vscode) may use the vscode API.' },
  { name: 'vscode-languageclient', message: 'Only the VS Code extension may start the language client.' },
  { name: 'vscode-languageclient/node', message: 'Only the VS Code extension may start the language client.' },
];
/** A relative path into another product's folder. */
const crossProduct = {
  regex: '^(\\.\\./)+(server|client|languageservice|protocol|lsp|zoho|cli|vscode)(/|$)',
  message:
    'Another product is reached by its one name (@crm/languageservice, @crm/protocol, @crm/zoho), not by a relative path.',
};
const products = ['server/**/*.ts', 'client/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.vscode-test/**',
      'test-results/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off', // the rules look for control characters in JSON on purpose
    },
  },
  {
    files: products,
    rules: { 'no-restricted-imports': ['error', { patterns: [crossProduct] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noVscode, { name: '@crm/zoho', message: 'The server does not depend on the client.' }],
          patterns: [crossProduct],
        },
      ],
    },
  },
  {
    files: ['server/languageservice/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noVscode,
            { name: '@crm/zoho', message: 'The language service depends on nothing above it.' },
            { name: '@crm/protocol', message: 'The language service depends on nothing above it.' },
            { name: 'axios', message: 'The language service is pure: no HTTP.' },
          ],
          patterns: [
            crossProduct,
            {
              group: [
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageserver-*',
                'vscode-jsonrpc',
                'vscode-jsonrpc/*',
              ],
              message:
                'The language service is pure: text in, findings out, no LSP types (server/lsp/providers converts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noVscode,
            {
              name: '@crm/zoho',
              message: 'The protocol is shared by the server and its clients: it depends on neither.',
            },
          ],
          patterns: [
            crossProduct,
            {
              group: [
                'vscode-languageserver',
                'vscode-languageserver/*',
                'vscode-languageclient',
                'vscode-languageclient/*',
              ],
              message: 'The protocol uses vscode-languageserver-protocol, which both sides share.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/zoho/**/*.ts', 'client/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noVscode,
          patterns: [
            crossProduct,
            {
              group: ['**/vscode/**'],
              message: 'The Zoho library and the CLI run without VS Code: they may not use the extension.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
