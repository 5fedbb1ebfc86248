/**
 * What Zoho's answer to a module write (POST or PUT /settings/modules) says: done, refused, or unclear.
 * Unclear is a 2xx answer with neither a success entry nor an error: the change may have been made, so the
 * caller looks the module up instead of calling it refused (which would invite sending it again).
 */
import { Answer, errorsOf } from './crmClient';
import { ZohoErrorEntry } from './explain';
import { ZOHO_CODES } from '@crm/languageservice';

export type WriteAnswer =
  | { kind: 'done'; id?: string; message?: string }
  | { kind: 'unclear'; why: string }
  | { kind: 'refused'; errors: ZohoErrorEntry[]; notJson?: string };

type Entry = { status?: unknown; details?: { id?: unknown }; message?: unknown };

export function readWriteAnswer(answer: Answer): WriteAnswer {
  if (answer.body === undefined) {
    return {
      kind: 'refused',
      errors: [],
      notJson: /<html/i.test(answer.text) ? 'an HTML page' : 'something that is not JSON',
    };
  }
  const succeeded = answer.status >= 200 && answer.status < 300;
  const first = (answer.body as { modules?: Entry[] } | null)?.modules?.[0];
  if (succeeded && first?.status === 'success') {
    const id = first.details?.id;
    return {
      kind: 'done',
      id: id === undefined ? undefined : String(id),
      message: typeof first.message === 'string' ? first.message : undefined,
    };
  }
  const errors = errorsOf(answer.body);
  if (errors.length === 0 && succeeded)
    return { kind: 'unclear', why: `Zoho answered HTTP ${answer.status} without saying whether it worked` };
  // A gateway's bare 5xx: say it as Zoho's own outage would be said.
  if (errors.length === 0 && answer.status >= 500)
    errors.push({ code: ZOHO_CODES.internalError, message: 'Internal Server Error' });
  return { kind: 'refused', errors };
}

/** A reason as the first clause of a longer sentence. */
export function clause(reason: string): string {
  return reason.replace(/\.$/, '');
}
