/** The CLI's org verbs: profiles, snapshot, pull, diff, update, and lint --org. For pipelines: no questions. */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze, checkAgainstOrg, documentKindOf, LineIndex, OrgSnapshot } from '@crm/languageservice';
import {
  checkOrg,
  checkRules,
  errorInFile,
  errorSentence,
  fetchOrgSnapshot,
  fieldsOfBody,
  findOrgModule,
  moduleFileText,
  orgForChecks,
  planUpdate,
  readModuleFile,
  updateModule,
  UpdatePlan,
  withModuleFields,
} from '@crm/zoho';
import { connectFromEnvironment, Connected, orgName, rulesVersion } from './connect';
import { Format, printer, printOrgProblems, printRejection } from './output';
import { FileReport, formatReports, lintFile, readToSend, reportsFailed, toProblem } from './lint';
import { diffFieldsCommand, moduleNameOf, pulledFieldsText, updateFieldsCommand } from './fieldsOrg';
import { recordBaseline, recordedElsewhere, textForTarget } from './sync';

import type { Io } from './io';

/** Runs `work` with a connection; any Zoho failure is one line (redacted where io prints) and exit 2 (`trouble`) or 1. */
async function withOrg(io: Io, trouble: number, work: (connected: Connected) => Promise<number>): Promise<number> {
  try {
    const connected = await connectFromEnvironment(io);
    if (typeof connected === 'number') return connected;
    return await work(connected);
  } catch (error) {
    io.err(`${errorSentence(error, 'crm-module')}\n`);
    return trouble;
  }
}

export function profilesCommand(format: Format, io: Io): Promise<number> {
  return withOrg(io, 1, async ({ client }) => {
    const profiles = await client.listProfiles();
    printer(io, format)(
      profiles.map(({ id, name, type }) => ({ id, name, type })),
      profiles
        .map(
          (profile) => `${profile.id}  ${profile.name}${profile.type ? `  (${profile.type.replace(/_/g, ' ')})` : ''}`,
        )
        .join('\n'),
    );
    return 0;
  });
}

/**
 * Writes what the org holds to `file`, never over local edits: a file that exists with other content is
 * replaced only with --force (the editor asks instead). What happened, as the verb of the message.
 */
function writeFromOrg(file: string, text: string, force: boolean, io: Io): 'Wrote' | 'Replaced' | 'Kept' | undefined {
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      io.err(
        `Cannot read ${file} to compare it: ${(error as NodeJS.ErrnoException).code ?? String(error)}; nothing was written.\n`,
      );
      return undefined;
    }
  }
  if (existing === text) return 'Kept';
  if (existing !== undefined && !force) {
    io.err(
      `${file} exists and differs from the org's version; nothing was written. Add --force to replace it (crm-module diff shows the differences).\n`,
    );
    return undefined;
  }
  writeFileSync(file, text);
  return existing === undefined ? 'Wrote' : 'Replaced';
}

/** `snapshot -o <file>`: what an LSP editor names in initializationOptions.orgSnapshotFile. */
export function snapshotCommand(output: string | undefined, force: boolean, io: Io): Promise<number> {
  return withOrg(io, 1, async (connected) => {
    const label = await orgName(connected);
    const snapshot = await fetchOrgSnapshot(connected.client, label);
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (!output) {
      io.out(text);
      return 0;
    }
    // A snapshot is the org's data, not the user's: replacing an older one is what -o is for.
    const done = writeFromOrg(output, text, force || isSnapshotFile(output), io);
    if (!done) return 1;
    io.err(
      `${done} ${output}: ${snapshot.profiles.length} profiles, ${snapshot.modules.length} modules of ${label}.\n`,
    );
    return 0;
  });
}

/** An earlier `snapshot -o`: replaced without --force, unlike any other file. */
function isSnapshotFile(file: string): boolean {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return (
      !!value &&
      typeof value === 'object' &&
      Array.isArray(value.profiles) &&
      Array.isArray(value.modules) &&
      'fetchedAt' in value
    );
  } catch {
    return false;
  }
}

/**
 * `pull <api_name>`: a custom module's file and its fields file (`<api_name>.crm-module.json` and
 * `.crm-fields.json`); a standard module's fields file only (Zoho's own module is not managed here), as
 * --fields-only does for any module. `-o` names the module file (the fields file goes beside it), or with
 * --fields-only the fields file.
 */
export function pullCommand(
  apiName: string,
  output: string | undefined,
  force: boolean,
  fieldsOnly: boolean,
  io: Io,
): Promise<number> {
  return withOrg(io, 1, async (connected) => {
    const { client, label } = connected;
    const module = await client.getModule(apiName);
    if (!module) {
      io.err(`${label} has no module ${apiName} (API names are case-sensitive).\n`);
      return 1;
    }
    const standard = !!module.generated_type && module.generated_type !== 'custom';
    const onlyFields = fieldsOnly || standard;
    // getModule checked that the answer names this module with a plain API name: the name is a safe file name.
    const moduleFile = onlyFields ? undefined : (output ?? `${module.api_name}.crm-module.json`);
    const fieldsFile = onlyFields
      ? (output ?? `${module.api_name}.crm-fields.json`)
      : `${moduleFile!.replace(/(\.crm-module)?\.json$/i, '')}.crm-fields.json`;
    const said = (done: 'Wrote' | 'Replaced' | 'Kept', file: string, what: string) =>
      io.err(`${done === 'Kept' ? `${file} already matches` : `${done} ${file} from`} ${what} of ${label}.\n`);
    if (moduleFile) {
      const done = writeFromOrg(moduleFile, moduleFileText(module), force, io);
      if (!done) return 1;
      said(done, moduleFile, module.api_name);
    } else if (standard && !fieldsOnly) {
      io.err(`${module.api_name} is one of Zoho's standard modules: only its fields are pulled.\n`);
    }
    const text = await pulledFieldsText(connected, module.api_name, io, apiNamesIn(fieldsFile));
    if (text === undefined) {
      // An empty list is not a body Zoho takes: no file rather than one that cannot lint clean.
      io.err(`${module.api_name} has no custom fields: no fields file was written.\n`);
      await recordBaseline(connected, module.api_name, io);
      return 0;
    }
    const done = writeFromOrg(fieldsFile, text, force, io);
    if (!done) return 1;
    said(done, fieldsFile, `the custom fields of ${module.api_name}`);
    await recordBaseline(connected, module.api_name, io);
    return 0;
  });
}

/** The API names of a fields file that exists, in its order (a pull keeps them there); none when unreadable. */
function apiNamesIn(file: string): string[] {
  try {
    return fieldsOfBody(readFileSync(file, 'utf8')).flatMap((field) =>
      typeof field.api_name === 'string' ? [field.api_name] : [],
    );
  } catch {
    return [];
  }
}

/** The module `text` (read once, by the caller) names in the org, and the plan that makes the org match it. */
async function planFor(
  file: string,
  text: string,
  connected: Connected,
  io: Io,
  known?: { modules: { api_name: string }[] },
): Promise<UpdatePlan | number> {
  const definition = readModuleFile(text);
  if (!definition) {
    io.err(`${file} is not a module body ({"modules": [{…}]}).\n`);
    return 2;
  }
  if (!definition.api_name) {
    io.err(`${file} has no api_name: it names no module of the org.\n`);
    return 2;
  }
  // The org's spelling of the name, from the modules already read, else from one listing.
  known ??= await connected.client.listModules().then(
    (modules) => ({ modules }),
    () => undefined,
  );
  const module = await findOrgModule(connected.client, definition.api_name, known);
  if (!module) {
    io.err(`${connected.label} has no module ${definition.api_name}. Create it with crm-module create ${file}.\n`);
    return 2;
  }
  if (module.generated_type && module.generated_type !== 'custom') {
    io.err(`${module.api_name} is one of Zoho's standard modules: only custom modules are managed here.\n`);
    return 2;
  }
  const names = new Map((module.profiles ?? []).map((profile) => [String(profile.id), profile.name ?? '']));
  return planUpdate(definition, module, (id) => names.get(id) || undefined);
}

/** Exit 0: no differences; 1: differences; 2: any other trouble. */
export function diffCommand(file: string, format: Format, io: Io): Promise<number> {
  return withOrg(io, 2, async (connected) => {
    const { text: read, error } = lintFile(file, rulesVersion(io));
    if (error || read === undefined) {
      io.err(`${error}\n`);
      return 2;
    }
    // Compared as it would be sent: another org's ids as this org's, by name (what update would send).
    const text = await textForTarget(connected, file, read, io);
    if (typeof text === 'number') return 2;
    if (documentKindOf(file) === 'fields') return diffFieldsCommand(file, text, connected, format, io);
    const plan = await planFor(file, text, connected, io);
    if (typeof plan === 'number') return plan;
    const { differences, apiName } = plan;
    printer(io, format)(
      { file, module: apiName, differences: differences.map((difference) => difference.text) },
      differences.length
        ? `${file} ↔ ${apiName} in ${connected.label}:\n  ${differences.map((difference) => difference.text).join('\n  ')}`
        : `${file} matches ${apiName} in ${connected.label}.`,
    );
    return differences.length ? 1 : 0;
  });
}

export function updateCommand(file: string, format: Format, allowDelete: boolean, io: Io): Promise<number> {
  return withOrg(io, 1, async (connected) => {
    const fields = documentKindOf(file) === 'fields';
    // One read: the text checked here is the text the plan is made from and sent.
    const read = readToSend(file, format, io, fields);
    if (read === 1) return 1;
    // Ids of another org go as this org's, by name (the file stays as it is): what is planned is what is sent.
    const text = await textForTarget(connected, file, read, io);
    if (typeof text === 'number') return text;
    if (fields) return updateFieldsCommand(file, text, connected, format, allowDelete, io);
    const rules = checkRules(text, rulesVersion(io));
    if (rules.kind === 'invalid') return 1; // reported above, from the same rules
    const snapshot = await orgForChecks(connected.client, connected.label);
    const plan = await planFor(file, text, connected, io, snapshot);
    if (typeof plan === 'number') return plan === 2 ? 1 : plan;
    // Once the module is known to be there and custom: the same check before sending as the editor's.
    const verdict = checkOrg('update', rules, snapshot, false);
    if (verdict.kind === 'clash') return printOrgProblems(io, format, file, read, verdict.findings);
    const print = printer(io, format);
    if (!plan.changes.length) {
      print(
        { status: 'unchanged', module: plan.apiName, file },
        `${plan.apiName} in ${connected.label} already matches ${file}; nothing was sent.`,
      );
      return 0;
    }
    for (const difference of plan.differences) io.err(`  ${difference.text}\n`);
    const outcome = await updateModule(connected.client, plan);
    switch (outcome.kind) {
      case 'updated':
        print(
          { status: 'updated', id: outcome.id, module: plan.apiName, file },
          `Updated ${plan.apiName} in ${connected.label} from ${file}.`,
        );
        await recordBaseline(connected, plan.apiName, io);
        return 0;
      case 'rejected':
        return printRejection(io, format, file, read, {
          ...outcome,
          errors: outcome.errors.map((error) => errorInFile(error, plan)),
        });
      case 'ambiguous':
        print({ status: outcome.applied ? 'updated' : 'unknown', message: outcome.message, file }, outcome.message);
        return outcome.applied ? 0 : 1;
    }
  });
}

/** `lint --org`: the offline rules and the org's, against one snapshot fetched once for all files. */
export function lintWithOrgCommand(files: string[], format: Format, io: Io): Promise<number> {
  return withOrg(io, 2, async (connected) => {
    const fieldsFiles = files.filter((file) => documentKindOf(file) === 'fields');
    // One GET per module whose fields files are checked: their labels and API names against the module's fields.
    const fetched: OrgSnapshot = await withModuleFields(
      connected.client,
      await fetchOrgSnapshot(connected.client, await orgName(connected)),
      fieldsFiles.map(moduleNameOf),
    );
    // Files written against another org recorded here are checked as apply would send them: ids by name.
    const elsewhere = recordedElsewhere();
    const snapshot = elsewhere.length ? { ...fetched, elsewhere } : fetched;
    const reports: FileReport[] = files.map((file) => {
      const { text, ...report } = lintFile(file, rulesVersion(io));
      if (text === undefined) return report;
      const lines = new LineIndex(text);
      const parsed = analyze(text, rulesVersion(io), documentKindOf(file)).parsed;
      const fieldsModule = parsed.kind === 'fields' ? moduleNameOf(file) : undefined;
      const orgProblems = checkAgainstOrg(parsed, snapshot, snapshot.fetchedAt, fieldsModule).map((finding) =>
        toProblem(lines, finding),
      );
      return {
        ...report,
        problems: [...report.problems, ...orgProblems].sort((a, b) => a.line - b.line || a.column - b.column),
      };
    });
    io.out(formatReports(reports, format));
    return reportsFailed(reports) ? 1 : 0;
  });
}
