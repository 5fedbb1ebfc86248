/**
 * Sends one Create Custom Module request and says what happened. When the answer is lost after the
 * body went out, it looks the module up instead of sending again.
 */
import { AmbiguousRequestError, CrmClient, errorsOf, ModuleSummary } from './crmClient';
import { ZohoError } from './errors';
import { describeHttpFailure, ZohoErrorEntry } from './explain';
import { readModuleFile } from './moduleFile';

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
  const body = answer.body as { modules?: { status?: string; code?: string; details?: { id?: string }; message?: string }[] } | undefined;
  if (body === undefined) {
    const page = /<html/i.test(answer.text) ? ' an HTML page' : ' something that is not JSON';
    return {
      kind: 'rejected', status: answer.status, errors: [],
      message: `Zoho answered HTTP ${answer.status} with${page}, not a JSON answer. The module was probably not created; check the API domain (zohoCrm.apiDomain) or your proxy, then look in Zoho CRM before sending again.`,
    };
  }
  const first = body.modules?.[0];
  if ((answer.status === 200 || answer.status === 201) && first?.status === 'success' && first.details?.id) {
    return { kind: 'created', id: String(first.details.id), message: first.message ?? 'module created successfully' };
  }
  const errors = errorsOf(body);
  if (answer.status >= 500 && errors.length === 0) errors.push({ code: 'INTERNAL_ERROR', message: 'Internal Server Error' });
  return { kind: 'rejected', status: answer.status, errors, message: describeHttpFailure(answer.status, errors, answer.retryAfter) };
}

async function lookUpAfterLostAnswer(client: CrmClient, bodyText: string, lost: string): Promise<CreateOutcome> {
  const reason = lost.replace(/\.$/, '');
  const wanted = moduleIdentity(bodyText);
  try {
    const modules = await client.listModules();
    const existing = modules.find((module) =>
      (wanted.apiName && module.api_name?.toLowerCase() === wanted.apiName.toLowerCase()) ||
      (wanted.pluralLabel && module.plural_label?.toLowerCase() === wanted.pluralLabel.toLowerCase()));
    if (existing) {
      return { kind: 'ambiguous', existing, message: `${reason}. Zoho has the module "${existing.plural_label ?? existing.api_name}" (id ${existing.id}): it was created. It was not sent again.` };
    }
    return { kind: 'ambiguous', message: `${reason}. Zoho has no module "${wanted.pluralLabel ?? wanted.apiName}": it was not created, and it was not sent again. You can send it again.` };
  } catch (error) {
    const lookupError = error instanceof ZohoError ? error.message : String(error);
    return { kind: 'ambiguous', lookupError, message: `${reason}, and looking the module up failed too (${lookupError}). The module may or may not exist: check Zoho CRM (Setup › Modules) before sending again.` };
  }
}

/** The module's api_name and plural_label, as far as the body says them. */
export function moduleIdentity(bodyText: string): { apiName?: string; pluralLabel?: string } {
  const module = readModuleFile(bodyText);
  return { apiName: module?.api_name, pluralLabel: module?.plural_label };
}
