// After `tsc`: lets Node resolve each product's one name (`@crm/zoho`…) in out/, as TypeScript (tsconfig
// paths) and esbuild already do. Writes out/node_modules/@crm/<name>/package.json pointing at the compiled
// façade: Node looks for node_modules in every folder above a file, so all of out/ finds them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { compilerOptions } = parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
const outDir = path.join(root, compilerOptions.outDir);
for (const [name, [target]] of Object.entries(compilerOptions.paths)) {
  const folder = path.join(outDir, 'node_modules', name);
  mkdirSync(folder, { recursive: true });
  const main = path.relative(folder, path.join(outDir, target.replace(/\.ts$/, '.js')));
  writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name, main }, null, 2)}\n`);
}
