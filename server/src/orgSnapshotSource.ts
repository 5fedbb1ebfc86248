/**
 * Where the server's org snapshot comes from: VS Code's client sends it (zohoCrm/orgSnapshot); any other
 * LSP editor names a file in initializationOptions.orgSnapshotFile (written by `crm-module snapshot`),
 * which is read again whenever it changes. Without either, nothing org-specific is reported.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { OrgSnapshot, readSnapshot } from './languageservice';

export { ORG_SNAPSHOT_NOTIFICATION } from './protocol';

export class OrgSnapshotSource {
  private current: OrgSnapshot | undefined;
  private watched: string | undefined;

  constructor(private readonly onChange: () => void, private readonly warn: (message: string) => void) {}

  get snapshot(): OrgSnapshot | undefined {
    return this.current;
  }

  /** A snapshot as sent by a client; null or a malformed one clears it. */
  set(value: unknown): void {
    this.current = value == null ? undefined : readSnapshot(value);
    if (value != null && !this.current) this.warn('Ignored an org snapshot without profiles and modules lists.');
    this.onChange();
  }

  watchFile(file: string): void {
    this.stopWatching();
    this.watched = file;
    this.readFile(file, false);
    // Polling, not fs.watch: it survives the file being replaced by a rename, as editors and the CLI do.
    watchFile(file, { interval: 2000, persistent: false }, () => this.readFile(file, true));
  }

  private readFile(file: string, notify: boolean): void {
    try {
      const snapshot = readSnapshot(JSON.parse(readFileSync(file, 'utf8')));
      if (!snapshot) this.warn(`${file} is not an org snapshot (crm-module snapshot writes one).`);
      this.current = snapshot;
    } catch (error) {
      this.warn(`Could not read the org snapshot ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      this.current = undefined;
    }
    if (notify) this.onChange();
  }

  stopWatching(): void {
    if (this.watched) unwatchFile(this.watched);
    this.watched = undefined;
  }
}
