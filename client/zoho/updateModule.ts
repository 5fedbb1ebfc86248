/**
 * Sends one Update Custom Module request (PUT /settings/modules/{api_name}) and says what happened. When
 * the answer is lost after the body went out, or does not say whether it worked, it reads the module back
 * instead of sending again.
 */
import { AmbiguousRequestError, CrmClient } from './crmClient';
import { errorSentence } from './errors';
import { describeHttpFailure, ZohoErrorEntry } from './explain';
import { UpdatePlan } from './moduleFile';
import { clause, readWriteAnswer } from './writeAnswer';

export type UpdateOutcome =
  | { kind: 'updated'; id: string; message: string }
  | { kind: 'rejected'; status: number; errors: ZohoErrorEntry[]; message: string }
  | { kind: 'ambiguous'; message: string; applied?: boolean; lookupError?: string };

export async function updateModule(client: CrmClient, plan: UpdatePlan): Promise<UpdateOutcome> {
  let answer;
  try {
    answer = await client.request('PUT', client.modulePath(plan.apiName), plan.body);
  } catch (error) {
    if (!(error instanceof AmbiguousRequestError)) throw error;
    return lookUpAfterLostAnswer(client, plan, error.message);
  }
  const read = readWriteAnswer(answer);
  if (read.kind === 'done')
    return { kind: 'updated', id: read.id ?? plan.moduleId, message: read.message ?? 'module updated successfully' };
  if (read.kind === 'unclear') return lookUpAfterLostAnswer(client, plan, read.why);
  if (read.notJson) {
    return {
      kind: 'rejected',
      status: answer.status,
      errors: [],
      message: `Zoho answered HTTP ${answer.status} with ${read.notJson}, not a JSON answer. Check the module in Zoho CRM before sending again.`,
    };
  }
  return {
    kind: 'rejected',
    status: answer.status,
    errors: read.errors,
    message: describeHttpFailure(answer.status, read.errors, answer.retryAfter, 'update'),
  };
}

async function lookUpAfterLostAnswer(client: CrmClient, plan: UpdatePlan, lost: string): Promise<UpdateOutcome> {
  const reason = clause(lost);
  const wanted = JSON.parse(plan.body).modules[0] as { plural_label?: string; singular_label?: string };
  try {
    const module = await client.getModule(plan.apiName);
    if (!module)
      return {
        kind: 'ambiguous',
        applied: false,
        message: `${reason}. Zoho no longer has the module ${plan.apiName}; it was not sent again.`,
      };
    const ids = new Set((module.profiles ?? []).map((profile) => String(profile.id)));
    const applied =
      module.plural_label === wanted.plural_label &&
      module.singular_label === wanted.singular_label &&
      plan.added.every((id) => ids.has(id)) &&
      plan.removed.every((id) => !ids.has(id));
    return {
      kind: 'ambiguous',
      applied,
      message: applied
        ? `${reason}. Zoho's module ${plan.apiName} has the changes: the update went through. It was not sent again.`
        : `${reason}. Zoho's module ${plan.apiName} does not have the changes: the update did not go through, and it was not sent again. You can send it again.`,
    };
  } catch (error) {
    const lookupError = errorSentence(error, 'Reading the module back');
    return {
      kind: 'ambiguous',
      lookupError,
      message: `${reason}, and reading the module back failed too (${lookupError}). Compare with the org before sending again.`,
    };
  }
}
