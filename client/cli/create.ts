/** `crm-module create <file>`: the same checks and the same request as the editor, from the environment. */
import { existsSync } from 'node:fs';
import { checkOrg, checkRules, createdModuleName, createModule, errorSentence, orgForChecks } from '@crm/zoho';
import { allowedInProduction, connectFromEnvironment, orgKind, rulesVersion } from './connect';
import { readToSend } from './lint';
import { createFieldsCommand, sendFields } from './createFields';
import { documentKindOf } from '@crm/languageservice';
import { printer, printOrgProblems, printRejection } from './output';
import { recordBaseline, textForTarget } from './sync';

import type { Io } from './io';

export async function createCommand(file: string, format: 'text' | 'json', io: Io, yes = false): Promise<number> {
  if (documentKindOf(file) === 'fields') return createFieldsCommand(file, format, io, yes);
  const text = readToSend(file, format, io);
  if (text === 1) return 1;
  const rules = checkRules(text, rulesVersion(io));
  if (rules.kind === 'invalid') return 1; // reported above, from the same rules
  // The fields file beside it goes with the module: checked before anything is sent, so neither half is lost.
  const fieldsFile = file.replace(/\.crm-module\.json$/i, '.crm-fields.json');
  const fieldsText =
    fieldsFile !== file && existsSync(fieldsFile) ? readToSend(fieldsFile, format, io, true) : undefined;
  if (fieldsText === 1) return 1;
  try {
    const connected = await connectFromEnvironment(io);
    if (typeof connected === 'number') return connected;
    const { client } = connected;
    const print = printer(io, format);
    // Ids of another org (a sandbox's profiles) go as this org's, by name; the files stay as they are.
    const sent = await textForTarget(connected, file, text, io);
    if (typeof sent === 'number') return sent;
    const fieldsSent =
      fieldsText === undefined ? undefined : await textForTarget(connected, fieldsFile, fieldsText, io);
    if (typeof fieldsSent === 'number') return fieldsSent;
    const mappedRules = sent === text ? rules : checkRules(sent, rulesVersion(io));
    const sentRules = mappedRules.kind === 'valid' ? mappedRules : rules; // an id's length never makes a file invalid
    // The same check before sending as the editor's: the module itself (then update is the way), or clashes.
    const snapshot = await orgForChecks(client, connected.label);
    if (!snapshot) io.err('Could not check whether the module exists (the sign-in cannot list modules); sending it.\n');
    const { org, production } = await orgKind(connected);
    const verdict = checkOrg('create', sentRules, snapshot, production);
    if (verdict.kind === 'exists') {
      const message = `${connected.label} already has the module ${verdict.apiName}; nothing was sent. Use crm-module update ${file} to change it.`;
      print({ status: 'exists', apiName: verdict.apiName, message, file }, message);
      return 1;
    }
    if (verdict.kind === 'clash') return printOrgProblems(io, format, file, text, verdict.findings);
    const subject = JSON.stringify(rules.pluralLabel ?? file);
    if (verdict.askFirst && !(await allowedInProduction(connected, yes, org, 'create', subject, io))) return 2;
    const outcome = await createModule(client, sent);
    switch (outcome.kind) {
      case 'created': {
        const created = `Created module from ${file}: id ${outcome.id}`;
        const moduleName = await createdModuleName(client, sent, outcome.id);
        if (fieldsSent === undefined) {
          if (moduleName) await recordBaseline(connected, moduleName, io);
          print({ status: 'created', id: outcome.id, file }, created);
          return 0;
        }
        if (!moduleName) {
          const message = `${created}. Its API name could not be read back, so the fields of ${fieldsFile} were not sent: run crm-module create ${fieldsFile}.`;
          print({ status: 'created', id: outcome.id, file, message }, message);
          return 1;
        }
        const fields = await sendFields(connected, fieldsFile, fieldsSent, moduleName);
        await recordBaseline(connected, moduleName, io);
        print({ status: 'created', id: outcome.id, file, fields: fields.json }, `${created}\n${fields.text}`);
        return fields.code;
      }
      case 'rejected':
        return printRejection(io, format, file, text, outcome);
      case 'ambiguous':
        print(
          {
            status: outcome.existing ? 'created' : 'unknown',
            id: outcome.existing?.id,
            message: outcome.message,
            file,
          },
          outcome.message,
        );
        return outcome.existing ? 0 : 1;
    }
  } catch (error) {
    io.err(`${errorSentence(error, 'crm-module create')}\n`);
    return 1;
  }
}
