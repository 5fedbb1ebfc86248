// Bundles the client, the server and the CLI into one file each under dist/ (what the .vsix ships).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

// The server's node flags live in server/protocol/nodeFlags.ts; the bin's shebang passes them too (env -S).
const serverFlags = JSON.parse(
  /SERVER_NODE_FLAGS = (\[.*\]);/.exec(readFileSync('server/protocol/nodeFlags.ts', 'utf8'))[1].replace(/'/g, '"'),
);

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // jsonc-parser's UMD build loads its parts with a dynamic require that bundlers cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/vscode/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  {
    entryPoints: ['server/lsp/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: `#!/usr/bin/env -S node ${serverFlags.join(' ')}` },
  },
  { entryPoints: ['client/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
  for (const build of builds) if (build.banner) chmodSync(build.outfile, 0o755);
}
