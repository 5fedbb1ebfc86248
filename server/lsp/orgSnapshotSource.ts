/**
 * Where the server's org snapshot comes from: VS Code's client sends it (zohoCrm/orgSnapshot); any other
 * LSP editor names a file in initializationOptions.orgSnapshotFile (written by `crm-module snapshot`),
 * which is read again whenever it changes. Without either, nothing org-specific is reported.
 *
 * The file is the user's configuration, but it may name a FIFO, a device or something huge: it is read
 * asynchronously (never inside `initialize`), without blocking on open, regular files only, and bounded.
 */
import { constants, unwatchFile, watchFile } from 'node:fs';
import { open } from 'node:fs/promises';
import { OrgSnapshot, readSnapshot } from '@crm/languageservice';

/** A 500-profile, 300-module org writes about 100 KB. */
export const MAX_SNAPSHOT_FILE_BYTES = 16 * 1024 * 1024;

export class OrgSnapshotSource {
  private current: OrgSnapshot | undefined;
  private watched: string | undefined;
  /** Counts reads, so an older read that ends late cannot replace a newer one's result. */
  private reads = 0;
  /** The first read of a watched file, while it runs: diagnostics wait for it rather than publish twice. */
  pending: Promise<void> | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly warn: (message: string) => void,
  ) {}

  get snapshot(): OrgSnapshot | undefined {
    return this.current;
  }

  /** A snapshot as sent by a client; null or a malformed one clears it. */
  set(value: unknown): void {
    this.reads++;
    this.current = value == null ? undefined : readSnapshot(value);
    if (value != null && !this.current) this.warn('Ignored an org snapshot without profiles and modules lists.');
    this.onChange();
  }

  /** Starts reading `file` (the promise settles when the first read has); re-reads it when it changes. */
  watchFile(file: string): Promise<void> {
    this.stopWatching();
    this.watched = file;
    // Polling, not fs.watch: it survives the file being replaced by a rename, as editors and the CLI do.
    watchFile(file, { interval: 2000, persistent: false }, () => void this.readFile(file, true));
    // Checks wait for the first read (so it needs no re-check of its own), two seconds at most: a file on a
    // stuck disk must not hold diagnostics back for good; a read that ends later re-checks what was published.
    let waited = false;
    const read = this.readFile(file, () => waited);
    const first: Promise<void> = Promise.race([
      read,
      new Promise<void>((resolve) =>
        setTimeout(() => {
          waited = true;
          resolve();
        }, 2000).unref(),
      ),
    ]).finally(() => {
      if (this.pending === first) this.pending = undefined;
    });
    this.pending = first;
    return read;
  }

  /** `notify`: whether open files are re-checked with what was read (not for a first read checks waited for). */
  private async readFile(file: string, notify: boolean | (() => boolean)): Promise<void> {
    const read = ++this.reads;
    let snapshot: OrgSnapshot | undefined;
    try {
      snapshot = readSnapshot(JSON.parse(await readRegularFile(file, MAX_SNAPSHOT_FILE_BYTES)));
      if (!snapshot) this.warn(`${file} is not an org snapshot (crm-module snapshot writes one).`);
    } catch (error) {
      this.warn(
        `Could not read the org snapshot ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error)}`,
      );
    }
    if (read !== this.reads) return;
    this.current = snapshot;
    if (typeof notify === 'function' ? notify() : notify) this.onChange();
  }

  stopWatching(): void {
    if (this.watched) unwatchFile(this.watched);
    this.watched = undefined;
  }
}

/** The text of a regular file of at most `limit` bytes; opening never waits (a FIFO without a writer would). */
export async function readRegularFile(file: string, limit: number): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > limit) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > limit) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    return buffer.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}
