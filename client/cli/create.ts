/** `crm-module create <file>`: the same checks and the same request as the editor, from the environment. */
import { ZOHO_CODES } from '@crm/languageservice';
import { createModule, CrmClient, errorSentence, moduleIdentity, ZohoError } from '@crm/zoho';
import { allowedInProduction, connectFromEnvironment, rulesVersion } from './connect';
import { formatReports, lintFile, reportsFailed } from './lint';
import { printer, printRejection } from './output';

import type { Io } from './io';

export async function createCommand(file: string, format: 'text' | 'json', io: Io, yes = false): Promise<number> {
  const { text, ...report } = lintFile(file, rulesVersion(io));
  if (report.error || text === undefined) {
    io.err(`${report.error}\n`);
    return 1;
  }
  if (reportsFailed([report])) {
    io.err(`${file} has errors; nothing was sent.\n`);
    io.out(formatReports([report], format));
    return 1;
  }
  try {
    const connected = await connectFromEnvironment(io);
    if (typeof connected === 'number') return connected;
    const { client } = connected;
    const print = printer(io, format);
    // A module the org already has would only fail: say so, and name the command that changes it.
    const apiName = moduleIdentity(text).apiName;
    const existing = apiName ? await existingCustomModule(connected.client, apiName, io) : undefined;
    if (existing) {
      const message = `${connected.label} already has the module ${existing}; nothing was sent. Use crm-module update ${file} to change it.`;
      print({ status: 'exists', apiName: existing, message, file }, message);
      return 1;
    }
    if (
      !(await allowedInProduction(
        connected,
        yes,
        'create',
        JSON.stringify(moduleIdentity(text).pluralLabel ?? file),
        io,
      ))
    )
      return 2;
    const outcome = await createModule(client, text);
    switch (outcome.kind) {
      case 'created':
        print({ status: 'created', id: outcome.id, file }, `Created module from ${file}: id ${outcome.id}`);
        return 0;
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

/** The org's custom module of this API name (any letter case), from one listing; a listing the sign-in may not read is skipped. */
async function existingCustomModule(client: CrmClient, apiName: string, io: Io): Promise<string | undefined> {
  try {
    const modules = await client.listModules();
    return modules.find(
      (module) => module.generated_type === 'custom' && module.api_name.toLowerCase() === apiName.toLowerCase(),
    )?.api_name;
  } catch (error) {
    if (!(error instanceof ZohoError) || error.code !== ZOHO_CODES.oauthScopeMismatch) throw error;
    io.err('Could not check whether the module exists (the sign-in cannot list modules); sending it.\n');
    return undefined;
  }
}
