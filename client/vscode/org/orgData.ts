/**
 * The org data of each connection (profiles and modules, and the fields of the modules whose fields files are
 * open): fetched at sign-in, on Refresh Org Data and in
 * the background when older than zohoCrm.org.refreshMinutes, never while typing. Kept in globalState (it
 * is not secret) so a restart or an offline machine still has the last one, and handed to the language
 * server. A failed fetch keeps the last snapshot; in the background it is logged and shown in the status bar
 * (a toast is for what the person did).
 */
import * as vscode from 'vscode';
import { OrgSnapshot } from '@crm/languageservice';
import { ConnectionInfo } from '../connections/connectionStore';
import { Services } from '../connections/services';
import {
  baselineOf,
  fetchOrgSnapshot,
  FieldSummary,
  LocalModule,
  messageOf,
  ModuleDetails,
  orgIdOf,
  planModule,
  withModuleFields,
} from '@crm/zoho';
import { SyncStates } from './syncStates';

const STATE_PREFIX = 'zohoCrm.orgSnapshot.';
/** How often the background check looks at the snapshot's age (the fetch itself follows the setting). */
const CHECK_EVERY_MS = 60_000;

export class OrgData implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<OrgSnapshot | undefined>();
  /** The active connection's snapshot changed (fetched, switched, signed out). */
  readonly onDidChange = this.emitter.event;
  private readonly inFlight = new Map<string, Promise<OrgSnapshot>>();
  private readonly failures = new vscode.EventEmitter<void>();
  /** A background fetch failed, or the next one succeeded: the status bar says which. */
  readonly onDidChangeFailure = this.failures.event;
  private lastFailure: { connectionId: string; message: string } | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly subscription: vscode.Disposable;
  private lastActiveId: string | undefined;

  /** Where each org stood after our writes, per workspace folder (`.crm-sync.json`). */
  readonly syncStates: SyncStates;
  /** The fields fetched for the open fields files, one module at a time, after the snapshot they join. */
  private fieldsQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly state: vscode.Memento,
    /** The modules of the open fields files: their fields join the snapshot (never fetched while typing). */
    private readonly fieldsModules: () => Promise<string[]> = async () => [],
  ) {
    this.syncStates = new SyncStates(services.log);
    this.lastActiveId = services.store.active()?.id;
    this.subscription = services.store.onDidChange(() => this.connectionsChanged());
    this.timer = setInterval(() => void this.refreshIfStale(), CHECK_EVERY_MS);
    this.timer.unref?.();
  }

  /** The active connection's last snapshot, however old. */
  current(): OrgSnapshot | undefined {
    const active = this.services.store.active();
    return active ? this.state.get<OrgSnapshot>(STATE_PREFIX + active.id) : undefined;
  }

  /**
   * What the language server is handed: the active org's data, with the profiles of the other signed-in orgs
   * (a file written against one of them is sent here with this org's ids, by name: not a mistake to flag).
   */
  forServer(): OrgSnapshot | undefined {
    const current = this.current();
    const active = this.services.store.active();
    if (!current || !active) return current;
    const elsewhere = this.services.store.list().flatMap((connection) => {
      const snapshot =
        connection.id === active.id ? undefined : this.state.get<OrgSnapshot>(STATE_PREFIX + connection.id);
      return snapshot ? [{ org: connection.label, profiles: snapshot.profiles }] : [];
    });
    return elsewhere.length ? { ...current, elsewhere } : current;
  }

  /** Fetches the active connection's org data now; one fetch at a time per connection. */
  async refresh(connection = this.services.store.active()): Promise<OrgSnapshot | undefined> {
    if (!connection) return undefined;
    let pending = this.inFlight.get(connection.id);
    if (!pending) {
      pending = this.fetch(connection).finally(() => this.inFlight.delete(connection.id));
      this.inFlight.set(connection.id, pending);
    }
    return pending;
  }

  /** Why the active connection's last background fetch failed (undefined once one succeeds). */
  failure(): string | undefined {
    const active = this.services.store.active();
    return active && this.lastFailure?.connectionId === active.id ? this.lastFailure.message : undefined;
  }

  /**
   * The background path: fetch when the snapshot is missing or older than the setting (`always`: whatever its
   * age); errors are logged and shown in the status bar, never as a toast.
   */
  async refreshIfStale(always = false): Promise<void> {
    const minutes = this.services.settings.read().orgRefreshMinutes;
    const active = this.services.store.active();
    if (!active || (minutes === 0 && !always)) return;
    const snapshot = this.current();
    if (!always && snapshot && Date.now() - snapshot.fetchedAt < minutes * 60_000) return;
    try {
      await this.refresh(active);
    } catch (error) {
      this.failedInBackground(active, error);
    }
  }

  /** After a write of ours to `apiName` (from the file `near`): the org's state now becomes its baseline. */
  async recordWrite(connection: ConnectionInfo, near: vscode.Uri, apiName: string): Promise<void> {
    try {
      const client = await this.services.store.crmClient(connection);
      await this.syncStates.record(client, connection.label, near, apiName, this.services.settings.read().apiVersion);
    } catch (error) {
      this.services.log.warn(`Where ${apiName} stands after this write was not recorded: ${messageOf(error)}`);
    }
  }

  /** The file's text as the org had it at the last pull or send from here (`near`'s folder), when recorded. */
  async baselineText(
    connection: ConnectionInfo,
    near: vscode.Uri,
    apiName: string,
    kind: 'module' | 'fields',
  ): Promise<string | undefined> {
    const file = this.syncStates.fileOf(near);
    const state = file && (await this.syncStates.read(file));
    if (!state || 'error' in state) return undefined;
    const client = await this.services.store.crmClient(connection);
    const baseline = baselineOf(state, await orgIdOf(client, connection.label), apiName);
    return kind === 'module' ? baseline?.moduleText : baseline?.fieldsText;
  }

  /**
   * What in `local` would overwrite changes made in the org since the baseline (someone's work in Zoho's web
   * UI): the module's name, or its fields' API names; none without a baseline or a state file.
   */
  async conflicts(
    connection: ConnectionInfo,
    near: vscode.Uri,
    local: LocalModule,
    org: { module: ModuleDetails; fields: FieldSummary[] },
  ): Promise<string[]> {
    const file = this.syncStates.fileOf(near);
    const state = file && (await this.syncStates.read(file));
    if (!state || 'error' in state) return [];
    const client = await this.services.store.crmClient(connection);
    const orgId = await orgIdOf(client, connection.label);
    const version = this.services.settings.read().apiVersion;
    const plan = planModule(local, org, baselineOf(state, orgId, org.module.api_name), version);
    if (plan.state !== 'conflict') return [];
    const fields = plan.fields.filter((field) => field.state === 'conflict').map((field) => field.apiName);
    return fields.length ? fields : [org.module.api_name];
  }

  /**
   * Adds the fields of these modules to the active connection's snapshot when it lacks them (a fields file was
   * opened). Failures are logged: the fields rules then stay silent, as without a sign-in.
   */
  ensureFields(modules: string[], again = false): Promise<void> {
    const run = this.fieldsQueue.then(async () => {
      const connection = this.services.store.active();
      const current = this.current();
      if (!connection || !current) return;
      // `again`: a send changed these modules' fields; the snapshot's copy is dropped and read anew.
      const snapshot = again ? withoutFields(current, modules) : current;
      try {
        const client = await this.services.store.crmClient(connection);
        const widened = await withModuleFields(client, snapshot, modules);
        if (widened === current || this.services.store.active()?.id !== connection.id) return;
        await this.state.update(STATE_PREFIX + connection.id, widened);
        this.emitter.fire(widened);
      } catch (error) {
        this.services.log.warn(`The fields of ${modules.join(', ')} were not fetched: ${messageOf(error)}`);
      }
    });
    this.fieldsQueue = run;
    return run;
  }

  private async fetch(connection: ConnectionInfo): Promise<OrgSnapshot> {
    this.services.log.info(`Fetching the org data (profiles, modules) of ${connection.label}`);
    const client = await this.services.store.crmClient(connection);
    const base = await fetchOrgSnapshot(client, connection.label);
    // The open fields files' modules are read again with it, so a refresh also brings their fields up to date.
    const snapshot = await withModuleFields(client, base, await this.fieldsModules()).catch((error) => {
      this.services.log.warn(`The fields of the open fields files were not fetched: ${messageOf(error)}`);
      return base;
    });
    // Signed out meanwhile: nothing to keep.
    if (!this.services.store.list().some((candidate) => candidate.id === connection.id)) return snapshot;
    await this.state.update(STATE_PREFIX + connection.id, snapshot);
    if (this.lastFailure?.connectionId === connection.id) {
      this.lastFailure = undefined;
      this.failures.fire();
    }
    this.services.log.info(
      `Org data of ${connection.label}: ${snapshot.profiles.length} profiles, ${snapshot.modules.length} modules`,
    );
    if (this.services.store.active()?.id === connection.id) this.emitter.fire(snapshot);
    return snapshot;
  }

  private connectionsChanged(): void {
    const ids = new Set(this.services.store.list().map((connection) => connection.id));
    for (const key of this.state.keys()) {
      if (key.startsWith(STATE_PREFIX) && !ids.has(key.slice(STATE_PREFIX.length)))
        void this.state.update(key, undefined);
    }
    const active = this.services.store.active();
    if (active?.id === this.lastActiveId) return;
    this.lastActiveId = active?.id;
    this.emitter.fire(this.current());
    // A new sign-in, or a switch to an org without data yet: fetch it now, whatever the background setting.
    if (active && !this.current()) void this.refresh(active).catch((error) => this.failedInBackground(active, error));
    else if (active) void this.refreshIfStale();
  }

  private failedInBackground(connection: ConnectionInfo, error: unknown): void {
    const message = `Org data for ${connection.label} was not fetched${this.current() ? ' (the last one stays in use)' : ''}: ${messageOf(error)}`;
    this.services.log.warn(message);
    this.lastFailure = { connectionId: connection.id, message: this.services.log.redactor.redact(message) };
    this.failures.fire();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
    this.failures.dispose();
  }
}

function withoutFields(snapshot: OrgSnapshot, modules: string[]): OrgSnapshot {
  const dropped = new Set(modules.map((module) => module.toLowerCase()));
  const kept = Object.entries(snapshot.moduleFields ?? {}).filter(([module]) => !dropped.has(module.toLowerCase()));
  return { ...snapshot, moduleFields: Object.fromEntries(kept) };
}
