/**
 * `crm-module create <name>.crm-fields.json`: the file's fields added to its module (the sibling module file's
 * api_name, else <name>), in calls of at most 5; fields the module has already are not sent, so a re-run after a
 * partial success sends only the rest. Each refusal is printed at its field's line. `create` on a module file
 * with a fields file beside it runs the same after creating the module.
 */
import * as path from 'node:path';
import { LineIndex } from '@crm/languageservice';
import { createFields, describeFieldError, errorSentence, fieldsOfBody, locateError } from '@crm/zoho';
import { allowedInProduction, connectFromEnvironment, Connected, orgKind } from './connect';
import { readToSend } from './lint';
import { moduleNameOf } from './fieldsOrg';
import { printer } from './output';
import { recordBaseline, textForTarget } from './sync';

import type { Io } from './io';

export async function createFieldsCommand(
  file: string,
  format: 'text' | 'json',
  io: Io,
  yes: boolean,
): Promise<number> {
  const text = readToSend(file, format, io, true);
  if (text === 1) return 1;
  const moduleName = moduleNameOf(file);
  try {
    const connected = await connectFromEnvironment(io);
    if (typeof connected === 'number') return connected;
    const { org, production } = await orgKind(connected);
    const subject = `the fields of ${path.basename(file)} in ${moduleName}`;
    if (production && !(await allowedInProduction(connected, yes, org, 'create', subject, io))) return 2;
    const sent = await textForTarget(connected, file, text, io);
    if (typeof sent === 'number') return sent;
    const report = await sendFields(connected, file, sent, moduleName);
    await recordBaseline(connected, moduleName, io);
    printer(io, format)(report.json, report.text);
    return report.code;
  } catch (error) {
    io.err(`${errorSentence(error, 'crm-module create')}\n`);
    return 1;
  }
}

/** What one Create Fields run did, for JSON and for people, and its exit code (1 when a field is not there). */
export interface FieldsReport {
  json: Record<string, unknown>;
  text: string;
  code: number;
}

export async function sendFields(
  { client }: Connected,
  file: string,
  text: string,
  moduleName: string,
): Promise<FieldsReport> {
  const run = await createFields(client, moduleName, fieldsOfBody(text));
  const lines = new LineIndex(text);
  const refused = run.outcomes.flatMap((outcome) => {
    if (outcome.kind !== 'refused') return [];
    const { line, column } = lines.position(locateError(text, outcome.error).offset);
    return [
      { line, column, code: outcome.error.code, message: describeFieldError(outcome.error), label: outcome.label },
    ];
  });
  return {
    json: {
      status: run.outcomes.every((outcome) => outcome.kind === 'created' || outcome.kind === 'exists')
        ? 'created'
        : 'partial',
      module: run.module,
      message: run.message,
      fields: run.outcomes,
      problems: refused,
      file,
    },
    text: [...refused.map((p) => `${file}:${p.line}:${p.column} error ${p.code} ${p.message}`), run.message].join('\n'),
    code: run.outcomes.some((outcome) => outcome.kind === 'refused' || outcome.kind === 'unknown') ? 1 : 0,
  };
}
