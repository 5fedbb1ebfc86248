/**
 * Preloaded into a CLI child (`--require`): counts how often each module file is read, and prints the
 * counts to stderr at exit as `reads <file>: N`, so a test can see that a command read its file once.
 */
import fs from 'node:fs';

const counts = new Map<string, number>();
const readFileSync = fs.readFileSync;
fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
  if (typeof file === 'string' && file.endsWith('.crm-module.json')) counts.set(file, (counts.get(file) ?? 0) + 1);
  return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
}) as typeof fs.readFileSync;
process.on('exit', () => {
  for (const [file, count] of counts) process.stderr.write(`reads ${file}: ${count}\n`);
});

export const COUNT_READS = __filename;
