/**
 * One Apply at a time per folder, across windows and terminals: `.crm-sync.lock` beside the state file, made
 * exclusively, removed when the run ends. A lock whose process on this machine is gone, or older than an hour,
 * is a run that died: it is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';

export const APPLY_LOCK_FILE = '.crm-sync.lock';
const STALE_MS = 60 * 60 * 1000;

export type ApplyLock = { release(): void } | { heldBy: string };

export function takeApplyLock(folder: string, now = Date.now()): ApplyLock {
  const file = path.join(folder, APPLY_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date(now).toISOString() }));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = now - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now);
      if (age > STALE_MS || holderIsGone(file)) {
        rmSync(file, { force: true });
        continue;
      }
      return { heldBy: describeHolder(file) };
    }
  }
  return { heldBy: describeHolder(file) };
}

/** The lock's process was on this machine and is no more (killed, crashed): its lock is left over. */
function holderIsGone(file: string): boolean {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown };
    if (holder.host !== hostname() || typeof holder.pid !== 'number') return false;
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function describeHolder(file: string): string {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown; since?: unknown };
    const since = typeof holder.since === 'string' ? holder.since.replace(/\.\d+Z$/, 'Z') : 'a moment ago';
    return `another Apply (process ${String(holder.pid)} on ${String(holder.host).slice(0, 60)}, since ${since})`;
  } catch {
    return 'another Apply';
  }
}
