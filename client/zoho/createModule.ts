/**
 * Sends one Create Custom Module request and says what happened. When the answer is lost after the
 * body went out, or does not say whether the module was made, it looks the module up instead of sending again.
 */
import { AmbiguousRequestError, CrmClient, ModuleSummary } from './crmClient';
import { errorSentence } from './errors';
import { describeHttpFailure, ZohoErrorEntry } from './explain';
import { readModuleFile } from './moduleFile';
import { clause, readWriteAnswer } from './writeAnswer';

export type CreateOutcome =
  | { kind: 'created'; id: string; message: string }
  | { kind: 'rejected'; status: number; errors: ZohoErrorEntry[]; message: string }
  | { kind: 'ambiguous'; message: string; existing?: ModuleSummary; lookupError?: string };

export async function createModule(client: CrmClient, bodyText: string): Promise<CreateOutcome> {
  let answer;
  try {
    answer = await client.request('POST', client.path('/settings/modules'), bodyText);
  } catch (error) {
    if (!(error instanceof AmbiguousRequestError)) throw error;
    return lookUpAfterLostAnswer(client, bodyText, error.message);
  }
  const read = readWriteAnswer(answer);
  if (read.kind === 'done' && read.id)
    return { kind: 'created', id: read.id, message: read.message ?? 'module created successfully' };
  if (read.kind === 'done')
    return lookUpAfterLostAnswer(client, bodyText, 'Zoho said the module was created but not its id');
  if (read.kind === 'unclear') return lookUpAfterLostAnswer(client, bodyText, read.why);
  if (read.notJson) {
    return {
      kind: 'rejected',
      status: answer.status,
      errors: [],
      message: `Zoho answered HTTP ${answer.status} with ${read.notJson}, not a JSON answer. The module was probably not created; check the API domain (zohoCrm.apiDomain) or your proxy, then look in Zoho CRM before sending again.`,
    };
  }
  return {
    kind: 'rejected',
    status: answer.status,
    errors: read.errors,
    message: describeHttpFailure(answer.status, read.errors, answer.retryAfter),
  };
}

async function lookUpAfterLostAnswer(client: CrmClient, bodyText: string, lost: string): Promise<CreateOutcome> {
  const reason = clause(lost);
  const wanted = moduleIdentity(bodyText);
  try {
    const modules = await client.listModules();
    const existing = modules.find(
      (module) =>
        (wanted.apiName && module.api_name?.toLowerCase() === wanted.apiName.toLowerCase()) ||
        (wanted.pluralLabel && module.plural_label?.toLowerCase() === wanted.pluralLabel.toLowerCase()),
    );
    if (existing) {
      return {
        kind: 'ambiguous',
        existing,
        message: `${reason}. Zoho has the module "${existing.plural_label ?? existing.api_name}" (id ${existing.id}): it was created. It was not sent again.`,
      };
    }
    return {
      kind: 'ambiguous',
      message: `${reason}. Zoho has no module "${wanted.pluralLabel ?? wanted.apiName}": it was not created, and it was not sent again. You can send it again.`,
    };
  } catch (error) {
    const lookupError = errorSentence(error, 'Looking up the module');
    return {
      kind: 'ambiguous',
      lookupError,
      message: `${reason}, and looking the module up failed too (${lookupError}). The module may or may not exist: check Zoho CRM (Setup › Modules) before sending again.`,
    };
  }
}

/** The module's api_name and plural_label, as far as the body says them. */
export function moduleIdentity(bodyText: string): { apiName?: string; pluralLabel?: string } {
  const module = readModuleFile(bodyText);
  return { apiName: module?.api_name, pluralLabel: module?.plural_label };
}
