/**
 * `crm-module plan` and `apply`: a folder of module and fields files against the org, Terraform's way. plan
 * writes nothing and exits 0 (nothing would change), 2 (something would) or 1 (errors); apply carries the plan
 * out module by module, stopping at a conflict not named with --overwrite and at the first refusal, and records
 * each module's new baseline in `.crm-sync.json` as it goes, so a run stopped anywhere finishes on the next.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LineIndex, OrgSnapshot, readSnapshot } from '@crm/languageservice';
import {
  APPLY_LOCK_FILE,
  applyPlan,
  takeApplyLock,
  currentBaseline,
  changes,
  describePlan,
  describeMapping,
  directoryOfSnapshot,
  errorSentence,
  FolderPlan,
  mapFileIds,
  OrgDirectory,
  readDirectory,
  recordedDirectories,
  LocalModule,
  locateError,
  messageOf,
  groupFiles,
  orgIdOf,
  planFolder,
  readSyncState,
  SYNC_STATE_FILE,
  SyncState,
  syncStateText,
  withReading,
} from '@crm/zoho';
import { allowedInProduction, connectFromEnvironment, Connected, orgKind, rulesVersion } from './connect';
import { Format, printer } from './output';

import type { Io } from './io';

/** Folders never searched for files. */
const SKIPPED = new Set(['node_modules', '.git']);

interface Planned extends FolderPlan {
  org: string;
  state: SyncState;
  statePath: string;
}

export async function planCommand(paths: string[], format: Format, io: Io, fromSnapshot?: string): Promise<number> {
  return withConnection(io, async (connected) => {
    const planned = await makePlan(paths, connected, io, fromSnapshot);
    if (typeof planned === 'number') return planned;
    printPlan(planned, connected, format, io);
    if (planned.unmapped.length) return 1;
    return planned.plans.some(changes) ? 2 : 0;
  });
}

export async function applyCommand(
  paths: string[],
  format: Format,
  io: Io,
  flags: { yes: boolean; overwrite: string[]; allowDelete: boolean; fromSnapshot?: string },
): Promise<number> {
  return withConnection(io, async (connected) => {
    const planned = await makePlan(paths, connected, io, flags.fromSnapshot);
    if (typeof planned === 'number') return planned;
    if (planned.unmapped.length) {
      // Before any question and any write: an id the target cannot take would be refused half-way.
      printPlan(planned, connected, format, io);
      io.err(
        `Nothing was sent: ${connected.label} cannot take ${planned.unmapped.length === 1 ? 'an id' : 'ids'} of the files (above).\n`,
      );
      return 1;
    }
    const pending = planned.plans.filter(changes);
    if (!pending.length) {
      printer(io, format)({ status: 'unchanged', modules: [] }, 'Nothing to apply: the org matches the files.');
      return 0;
    }
    printPlan(planned, connected, 'text', { ...io, out: io.err });
    const { org, production } = await orgKind(connected);
    const subject = `the plan above (${pending.length} module${pending.length === 1 ? '' : 's'})`;
    // Like terraform apply: one question (production says so), or --yes; a pipeline without it sends nothing.
    if (production && !(await allowedInProduction(connected, flags.yes, org, 'apply', subject, io))) return 2;
    if (!production && !flags.yes) {
      const answer = io.ask ? await io.ask(`Apply ${subject} to ${connected.label}? [y/N] `) : undefined;
      if (answer === undefined) io.err(`Nothing was sent. Add --yes to apply ${subject}.\n`);
      if (!/^y(es)?$/i.test((answer ?? '').trim())) return 2;
    }
    const lock = takeApplyLock(path.dirname(planned.statePath));
    if ('heldBy' in lock) {
      io.err(
        `${lock.heldBy} is running on this folder; nothing was sent. (A lock left by a crash: remove ${APPLY_LOCK_FILE}.)\n`,
      );
      return 1;
    }
    let state = planned.state;
    const run = await applyPlan(
      connected.client,
      planned.plans,
      { version: rulesVersion(io), force: flags.overwrite, allowDelete: flags.allowDelete },
      async (module, baseline) => {
        state = withReading(state, { id: planned.org, label: connected.label }, module, baseline);
        writeFileSync(planned.statePath, syncStateText(state));
      },
    ).finally(() => lock.release());
    const problems = run.modules.flatMap((module) =>
      (module.refusals ?? []).flatMap(({ file, errors }) => {
        const text = readFileSync(file, 'utf8');
        const lines = new LineIndex(text);
        return errors.map((error) => {
          const { line, column } = lines.position(locateError(text, error).offset);
          return { file, line, column, code: error.code, message: error.message };
        });
      }),
    );
    printer(io, format)(
      { status: run.stopped ? 'stopped' : 'applied', modules: run.modules, problems, stopped: run.stopped },
      [
        ...run.modules.map((module) => `${module.name}: ${module.outcome}, ${module.message}`),
        ...problems.map((p) => `${p.file}:${p.line}:${p.column} error ${p.code} ${p.message}`),
        run.stopped
          ? `Apply stopped: ${run.stopped}. What was done is recorded in ${SYNC_STATE_FILE}; run apply again to finish.`
          : `Applied: ${run.modules.length} module${run.modules.length === 1 ? '' : 's'}.`,
      ].join('\n'),
    );
    return run.stopped ? 1 : 0;
  });
}

/** Pull, Create and Update of one module record where the org stands after them, as apply does. */
export async function recordBaseline(connected: Connected, apiName: string, io: Io): Promise<void> {
  const statePath = path.resolve(SYNC_STATE_FILE);
  try {
    const state = readState(statePath);
    if ('error' in state) throw new Error(state.error);
    const [baseline, org] = await Promise.all([
      currentBaseline(connected.client, apiName, rulesVersion(io)),
      orgIdOf(connected.client, connected.label),
    ]);
    writeFileSync(statePath, syncStateText(withReading(state, { id: org, label: connected.label }, apiName, baseline)));
  } catch (error) {
    io.err(`${SYNC_STATE_FILE} was not updated (${messageOf(error)}); the next plan may see a conflict.\n`);
  }
}

async function withConnection(io: Io, work: (connected: Connected) => Promise<number>): Promise<number> {
  try {
    const connected = await connectFromEnvironment(io);
    if (typeof connected === 'number') return connected;
    return await work(connected);
  } catch (error) {
    io.err(`${errorSentence(error, 'crm-module')}\n`);
    return 1;
  }
}

async function makePlan(
  paths: string[],
  connected: Connected,
  io: Io,
  fromSnapshot: string | undefined,
): Promise<Planned | number> {
  const local = localModules(paths.length ? paths : ['.'], io);
  if (typeof local === 'number') return local;
  const statePath = path.resolve(SYNC_STATE_FILE);
  const state = readState(statePath);
  if ('error' in state) {
    io.err(`${statePath} ${state.error}; nothing was read or sent. Move it away to start from no baseline.\n`);
    return 1;
  }
  const sources = fromSnapshot === undefined ? [] : readSourceSnapshot(fromSnapshot, io);
  if (typeof sources === 'number') return sources;
  const org = await orgIdOf(connected.client, connected.label);
  const folder = await planFolder(
    connected.client,
    local,
    state,
    { org, label: connected.label, sources, renames: connected.environment?.profiles },
    rulesVersion(io),
  );
  return { ...folder, org, state, statePath };
}

/** A snapshot file (`crm-module snapshot` in the org the files came from) as the source of their ids' names. */
function readSourceSnapshot(file: string, io: Io): OrgDirectory[] | number {
  let snapshot;
  try {
    snapshot = readSnapshot(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    io.err(`crm-module: --from-snapshot ${file} cannot be read (${messageOf(error)}).\n`);
    return 2;
  }
  if (!snapshot) {
    io.err(`crm-module: --from-snapshot ${file} is not a snapshot (crm-module snapshot writes one).\n`);
    return 2;
  }
  return [directoryOfSnapshot(snapshot, `the snapshot ${path.basename(file)}`)];
}

/** The module and fields files under `paths`, by module; an exit code after saying which file names none. */
function localModules(paths: string[], io: Io): LocalModule[] | number {
  const files: string[] = [];
  const visit = (entry: string) => {
    const stat = statSync(entry, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${entry} does not exist`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry).sort())
        if (!SKIPPED.has(name) && !name.startsWith('.')) visit(path.join(entry, name));
    } else if (/\.crm-(module|fields)\.json$/i.test(entry)) files.push(entry);
  };
  try {
    paths.forEach(visit);
  } catch (error) {
    io.err(`crm-module: ${messageOf(error)}\n`);
    return 1;
  }
  const { modules, unnamed } = groupFiles(files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })));
  if (unnamed.length) {
    io.err(`${unnamed[0]} has no api_name: plan and apply need it to know which module of the org the file is.\n`);
    return 1;
  }
  if (!modules.length) {
    io.err(`No *.crm-module.json or *.crm-fields.json under ${paths.join(', ')}.\n`);
    return 1;
  }
  return modules;
}

function printPlan(planned: FolderPlan, connected: Connected, format: Format, io: Io): void {
  const { plans, mapping, unmapped } = planned;
  const { lines, summary } = describePlan(plans);
  const mapped = describeMapping(mapping, connected.label);
  printer(io, format)(
    {
      summary,
      mapping,
      unmapped: unmapped.map((entry) => entry.message),
      modules: plans.map((plan) => ({
        name: plan.name,
        state: plan.state,
        differences: plan.differences,
        fields: plan.fields,
        files: [plan.local.moduleFile?.path, plan.local.fieldsFile?.path].filter(Boolean),
      })),
    },
    [...mapped, ...lines, summary, ...unmapped.map((entry) => `error ${entry.message}`)].join('\n'),
  );
}

function readState(statePath: string): SyncState | { error: string } {
  let text: string | undefined;
  try {
    text = readFileSync(statePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { error: `cannot be read (${(error as NodeJS.ErrnoException).code})` };
  }
  return readSyncState(text);
}

/** `crm-module map-ids`: the files' ids of other orgs rewritten as this org's, by name, after one question. */
export async function mapIdsCommand(files: string[], io: Io, yes: boolean, fromSnapshot?: string): Promise<number> {
  return withConnection(io, async (connected) => {
    const state = readState(path.resolve(SYNC_STATE_FILE));
    if ('error' in state) {
      io.err(`${SYNC_STATE_FILE} ${state.error}; nothing was read or written.\n`);
      return 1;
    }
    const sources = fromSnapshot === undefined ? [] : readSourceSnapshot(fromSnapshot, io);
    if (typeof sources === 'number') return sources;
    const texts = files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
    const org = await orgIdOf(connected.client, connected.label);
    const target = await readDirectory(
      connected.client,
      org,
      connected.label,
      texts.some((file) => file.text.includes('"global_picklist"')),
    );
    const results = texts.map((file) =>
      mapFileIds(file, [...sources, ...recordedDirectories(state)], target, connected.environment?.profiles),
    );
    const unmapped = results.flatMap((result) => result.unmapped);
    if (unmapped.length) {
      io.err(`${unmapped.map((entry) => `error ${entry.message}`).join('\n')}\nNothing was written.\n`);
      return 1;
    }
    const changed = results.filter((result, index) => result.file.text !== texts[index].text);
    if (!changed.length) {
      io.out(`Nothing to rewrite: the files carry ${connected.label}'s ids.\n`);
      return 0;
    }
    const rows = results.flatMap((result) => result.mapping);
    io.err(`${describeMapping(rows, connected.label).join('\n')}\n`);
    const subject = changed.map((result) => result.file.path).join(', ');
    if (!yes) {
      const answer = io.ask ? await io.ask(`Rewrite the ids in ${subject}? [y/N] `) : undefined;
      if (answer === undefined) io.err(`Nothing was written. Add --yes to rewrite ${subject}.\n`);
      if (!/^y(es)?$/i.test((answer ?? '').trim())) return 2;
    }
    for (const result of changed) writeFileSync(result.file.path, result.file.text);
    io.out(`Rewrote ${subject} with ${connected.label}'s ids.\n`);
    return 0;
  });
}

/**
 * One file's text for the org of this run, for create and update of one file as plan and apply do: ids of other
 * orgs recorded here (or in --from-snapshot) sent as this org's, by name, the mapping said on stderr; an exit code
 * after naming what this org lacks. No other org known: the text as it is, and no request.
 */
export async function textForTarget(
  connected: Connected,
  file: string,
  text: string,
  io: Io,
): Promise<string | number> {
  const state = readState(path.resolve(SYNC_STATE_FILE));
  const recorded = 'error' in state ? [] : recordedDirectories(state);
  if (!recorded.length) return text;
  const org = await orgIdOf(connected.client, connected.label);
  const sources = recorded.filter((directory) => directory.org !== org);
  if (!sources.length) return text;
  const target = await readDirectory(connected.client, org, connected.label, text.includes('"global_picklist"'));
  const {
    file: mapped,
    mapping,
    unmapped,
  } = mapFileIds({ path: file, text }, sources, target, connected.environment?.profiles);
  if (unmapped.length) {
    io.err(`${unmapped.map((entry) => `error ${entry.message}`).join('\n')}\nNothing was sent.\n`);
    return 1;
  }
  const table = describeMapping(mapping, connected.label);
  if (table.length) io.err(`${table.join('\n')}\n`);
  return mapped.text;
}

/**
 * The orgs recorded here, for `lint --org`: their profiles by id, so a file written against another org is checked
 * as apply would send it (an id named alike in this org is no mistake). The org itself may be among them: its own
 * ids are its own whatever else names them, so no request is needed to leave it out.
 */
export function recordedElsewhere(): NonNullable<OrgSnapshot['elsewhere']> {
  const state = readState(path.resolve(SYNC_STATE_FILE));
  const recorded = 'error' in state ? [] : recordedDirectories(state);
  return recorded.map((directory) => ({
    org: directory.label,
    profiles: Object.entries(directory.profiles).map(([id, name]) => ({ id, name })),
  }));
}
