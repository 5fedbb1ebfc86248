/** The CLI's org verbs: profiles, snapshot, pull, diff, update, and lint --org. For pipelines: no questions. */
import { existsSync, writeFileSync } from 'node:fs';
import { analyze, checkAgainstOrg, LineIndex, OrgSnapshot } from '../../../server/src/languageservice';
import { ZohoError } from '../zoho/errors';
import { findOrgModule } from '../zoho/findModule';
import { errorInFile, moduleFileText, planUpdate, readModuleFile, UpdatePlan } from '../zoho/moduleFile';
import { fetchOrgSnapshot } from '../zoho/orgSnapshot';
import { updateModule } from '../zoho/updateModule';
import { connectFromEnvironment, Connected, orgName, rulesVersion } from './connect';
import { Format, printer, printRejection } from './output';
import { FileReport, formatReports, lintFile, reportsFailed, toProblem } from './lint';

import type { Io } from './main';

/** Runs `work` with a connection; any Zoho failure is one redacted line and exit 2 (`trouble`) or 1. */
async function withOrg(io: Io, trouble: number, work: (connected: Connected) => Promise<number>): Promise<number> {
  let redact = (message: string) => message;
  try {
    const connected = await connectFromEnvironment(io);
    if (typeof connected === 'number') return connected;
    redact = (message) => connected.log.redactor.redact(message);
    return await work(connected);
  } catch (error) {
    io.err(`${redact(error instanceof ZohoError ? error.message : String(error))}\n`);
    return trouble;
  }
}

export function profilesCommand(format: Format, io: Io): Promise<number> {
  return withOrg(io, 1, async ({ client }) => {
    const profiles = await client.listProfiles();
    printer(io, format)(profiles.map(({ id, name, type }) => ({ id, name, type })), profiles.map((profile) => `${profile.id}  ${profile.name}${profile.type ? `  (${profile.type.replace(/_/g, ' ')})` : ''}`).join('\n'));
    return 0;
  });
}

/** `snapshot -o <file>`: what an LSP editor names in initializationOptions.orgSnapshotFile. */
export function snapshotCommand(output: string | undefined, io: Io): Promise<number> {
  return withOrg(io, 1, async (connected) => {
    const label = await orgName(connected);
    const snapshot = await fetchOrgSnapshot(connected.client, label);
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (output) {
      writeFileSync(output, text);
      io.err(`Wrote ${output}: ${snapshot.profiles.length} profiles, ${snapshot.modules.length} modules of ${label}.\n`);
    } else {
      io.out(text);
    }
    return 0;
  });
}

export function pullCommand(apiName: string, output: string | undefined, io: Io): Promise<number> {
  return withOrg(io, 1, async ({ client, label }) => {
    const module = await client.getModule(apiName);
    if (!module) { io.err(`${label} has no module ${apiName} (API names are case-sensitive).\n`); return 1; }
    const file = output ?? `${module.api_name}.crm-module.json`;
    const replaced = existsSync(file);
    writeFileSync(file, moduleFileText(module));
    io.err(`${replaced ? 'Replaced' : 'Wrote'} ${file} from ${module.api_name} of ${label}.\n`);
    return 0;
  });
}

/** The file's module in the org and the plan that makes the org match the file; an exit code when there is none. */
async function planFor(file: string, connected: Connected, io: Io): Promise<{ text: string; plan: UpdatePlan } | number> {
  const { text, ...report } = lintFile(file, rulesVersion(io));
  if (report.error || text === undefined) { io.err(`${report.error}\n`); return 2; }
  const definition = readModuleFile(text);
  if (!definition) { io.err(`${file} is not a module body ({"modules": [{…}]}).\n`); return 2; }
  if (!definition.api_name) { io.err(`${file} has no api_name: it names no module of the org.\n`); return 2; }
  const known = await connected.client.listModules().then((modules) => ({ modules }), () => undefined);
  const module = await findOrgModule(connected.client, definition.api_name, known);
  if (!module) { io.err(`${connected.label} has no module ${definition.api_name}. Create it with crm-module create ${file}.\n`); return 2; }
  if (module.generated_type && module.generated_type !== 'custom') { io.err(`${module.api_name} is one of Zoho's standard modules: only custom modules are managed here.\n`); return 2; }
  const names = new Map((module.profiles ?? []).map((profile) => [String(profile.id), profile.name ?? '']));
  return { text, plan: planUpdate(definition, module, (id) => names.get(id) || undefined) };
}

/** Exit 0: no differences; 1: differences; 2: any other trouble. */
export function diffCommand(file: string, format: Format, io: Io): Promise<number> {
  return withOrg(io, 2, async (connected) => {
    const planned = await planFor(file, connected, io);
    if (typeof planned === 'number') return planned;
    const { differences, apiName } = planned.plan;
    printer(io, format)({ file, module: apiName, differences: differences.map((difference) => difference.text) },
      differences.length ? `${file} ↔ ${apiName} in ${connected.label}:\n  ${differences.map((difference) => difference.text).join('\n  ')}` : `${file} matches ${apiName} in ${connected.label}.`);
    return differences.length ? 1 : 0;
  });
}

export function updateCommand(file: string, format: Format, io: Io): Promise<number> {
  return withOrg(io, 1, async (connected) => {
    const report = lintFile(file, rulesVersion(io));
    if (reportsFailed([report])) {
      io.err(`${file} has errors; nothing was sent.\n`);
      io.out(formatReports([report], format));
      return 1;
    }
    const planned = await planFor(file, connected, io);
    if (typeof planned === 'number') return planned === 2 ? 1 : planned;
    const { text, plan } = planned;
    const print = printer(io, format);
    if (!plan.changes.length) { print({ status: 'unchanged', module: plan.apiName, file }, `${plan.apiName} in ${connected.label} already matches ${file}; nothing was sent.`); return 0; }
    for (const difference of plan.differences) io.err(`  ${difference.text}\n`);
    const outcome = await updateModule(connected.client, plan);
    const redact = (message: string) => connected.log.redactor.redact(message);
    switch (outcome.kind) {
      case 'updated':
        print({ status: 'updated', id: outcome.id, module: plan.apiName, file }, `Updated ${plan.apiName} in ${connected.label} from ${file}.`);
        return 0;
      case 'rejected':
        return printRejection(io, format, file, text, { ...outcome, errors: outcome.errors.map((error) => errorInFile(error, plan)), message: redact(outcome.message) });
      case 'ambiguous':
        print({ status: outcome.applied ? 'updated' : 'unknown', message: outcome.message, file }, outcome.message);
        return outcome.applied ? 0 : 1;
    }
  });
}

/** `lint --org`: the offline rules and the org's, against one snapshot fetched once for all files. */
export function lintWithOrgCommand(files: string[], format: Format, io: Io): Promise<number> {
  return withOrg(io, 2, async (connected) => {
    const snapshot: OrgSnapshot = await fetchOrgSnapshot(connected.client, await orgName(connected));
    const reports: FileReport[] = files.map((file) => {
      const { text, ...report } = lintFile(file, rulesVersion(io));
      if (text === undefined) return report;
      const lines = new LineIndex(text);
      const orgProblems = checkAgainstOrg(analyze(text, rulesVersion(io)).parsed, snapshot, snapshot.fetchedAt).map((finding) => toProblem(lines, finding));
      return { ...report, problems: [...report.problems, ...orgProblems].sort((a, b) => a.line - b.line || a.column - b.column) };
    });
    io.out(formatReports(reports, format));
    return reportsFailed(reports) ? 1 : 0;
  });
}
