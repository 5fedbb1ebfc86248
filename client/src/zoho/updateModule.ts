/**
 * Sends one Update Custom Module request (PUT /settings/modules/{api_name}) and says what happened. When
 * the answer is lost after the body went out, it reads the module back instead of sending again.
 */
import { AmbiguousRequestError, CrmClient, errorsOf } from './crmClient';
import { ZohoError } from './errors';
import { describeHttpFailure, ZohoErrorEntry } from './explain';
import { UpdatePlan } from './moduleFile';

export type UpdateOutcome =
  | { kind: 'updated'; id: string; message: string }
  | { kind: 'rejected'; status: number; errors: ZohoErrorEntry[]; message: string }
  | { kind: 'ambiguous'; message: string; applied?: boolean; lookupError?: string };

export async function updateModule(client: CrmClient, plan: UpdatePlan): Promise<UpdateOutcome> {
  let answer;
  try {
    answer = await client.request('PUT', client.path(`/settings/modules/${encodeURIComponent(plan.apiName)}`), plan.body);
  } catch (error) {
    if (!(error instanceof AmbiguousRequestError)) throw error;
    return lookUpAfterLostAnswer(client, plan, error.message);
  }
  const first = (answer.body as { modules?: { status?: string; details?: { id?: string }; message?: string }[] } | undefined)?.modules?.[0];
  if (answer.status === 200 && first?.status === 'success') {
    return { kind: 'updated', id: String(first.details?.id ?? ''), message: first.message ?? 'module updated successfully' };
  }
  if (answer.body === undefined) {
    return { kind: 'rejected', status: answer.status, errors: [], message: `Zoho answered HTTP ${answer.status} with something that is not JSON. Check the module in Zoho CRM before sending again.` };
  }
  const errors = errorsOf(answer.body);
  if (answer.status >= 500 && errors.length === 0) errors.push({ code: 'INTERNAL_ERROR', message: 'Internal Server Error' });
  return { kind: 'rejected', status: answer.status, errors, message: describeHttpFailure(answer.status, errors, answer.retryAfter, 'update') };
}

async function lookUpAfterLostAnswer(client: CrmClient, plan: UpdatePlan, lost: string): Promise<UpdateOutcome> {
  const reason = lost.replace(/\.$/, '');
  const wanted = JSON.parse(plan.body).modules[0] as { plural_label?: string; singular_label?: string };
  try {
    const module = await client.getModule(plan.apiName);
    if (!module) return { kind: 'ambiguous', applied: false, message: `${reason}. Zoho no longer has the module ${plan.apiName}; it was not sent again.` };
    const ids = new Set((module.profiles ?? []).map((profile) => String(profile.id)));
    const applied = module.plural_label === wanted.plural_label && module.singular_label === wanted.singular_label
      && plan.added.every((id) => ids.has(id)) && plan.removed.every((id) => !ids.has(id));
    return {
      kind: 'ambiguous', applied,
      message: applied
        ? `${reason}. Zoho's module ${plan.apiName} has the changes: the update went through. It was not sent again.`
        : `${reason}. Zoho's module ${plan.apiName} does not have the changes: the update did not go through, and it was not sent again. You can send it again.`,
    };
  } catch (error) {
    const lookupError = error instanceof ZohoError ? error.message : String(error);
    return { kind: 'ambiguous', lookupError, message: `${reason}, and reading the module back failed too (${lookupError}). Compare with the org before sending again.` };
  }
}
