/** Zoho's answers to Create Custom Module, in words a person can act on (from the endpoint's page). */
import { ZOHO_CODES } from '@crm/languageservice';

/** One error in a Zoho answer (top level, or an entry of `modules[]`): what ZohoError is made from. */
export interface ZohoErrorEntry {
  code: string;
  message: string;
  status?: string;
  details?: Record<string, unknown>;
}

/** The scope a write needs, named when Zoho says the sign-in lacks it. */
const scopeMismatch = (verb: 'create' | 'update') =>
  `The sign-in does not grant the scope ZohoCRM.settings.modules.${verb.toUpperCase()} (or .ALL). Sign in again and grant it.`;

const RESOLUTIONS: Record<string, string> = {
  INVALID_DATA: 'Zoho found a value it does not accept.',
  MANDATORY_NOT_FOUND: 'A mandatory key is missing: plural_label, singular_label and profiles are needed.',
  DUPLICATE_DATA: 'Your org already has a module with this label or API name. Choose another.',
  NOT_ALLOWED:
    'Zoho does not allow this change through the API (an API name or access type changes only in its web UI).',
  INVALID_MODULE:
    'The org has no module of this API name (it may have been deleted or renamed in Zoho CRM). Pull it again or create it.',
  API_NOT_SUPPORTED:
    'This API is not supported for the requested version (Create Custom Module needs version 6 or later).',
  MINIMUM_DATA_NOT_FOUND: 'At least one profile is needed; profiles must not be empty or null.',
  RESERVED_KEYWORD_NOT_ALLOWED: 'The API name is a system-defined keyword. Choose another api_name.',
  NOT_SUPPORTED: 'Your Zoho CRM edition cannot create custom modules: it needs the Enterprise edition or above.',
  LIMIT_EXCEEDED:
    'Your org has reached the number of custom modules its edition allows. Upgrade the edition or remove a module.',
  EXPECTED_FIELD_MISSING: 'display_field needs field_label or data_type.',
  DEPENDENT_FIELD_MISSING:
    'A key that another key depends on is missing (for autonumber: auto_number with start_number).',
  NO_PERMISSION:
    'Your Zoho CRM profile has no permission to create custom modules. Ask an administrator to give your profile the "Customize Zoho CRM" permission, or to create it.',
  AUTHENTICATION_FAILURE: 'Zoho did not accept the sign-in. Sign in again.',
  AUTHENTICATION_FAILED: 'Zoho did not accept the sign-in. Sign in again.',
  INVALID_TOKEN: 'Zoho did not accept the access token even after a refresh. Sign in again.',
  INVALID_OAUTHTOKEN: 'Zoho did not accept the access token even after a refresh. Sign in again.',
  OAUTH_SCOPE_MISMATCH: scopeMismatch('create'),
  INVALID_URL_PATTERN:
    'Zoho does not know this URL. Check the API domain (setting zohoCrm.apiDomain) and the API version (zohoCrm.apiVersion).',
  TOO_MANY_REQUESTS: 'Too many API calls: the org is over its concurrency limit or its API credits for the day.',
  INTERNAL_ERROR: 'Zoho had an internal error. Try again later; if it persists, contact Zoho support.',
};

export function resolutionFor(code: string): string | undefined {
  return RESOLUTIONS[code];
}

/** One line per error: Zoho's code and message, then what to do. */
export function describeApiError(error: ZohoErrorEntry): string {
  const where =
    typeof error.details?.api_name === 'string'
      ? ` (${error.details.api_name})`
      : typeof error.details?.json_path === 'string'
        ? ` (${error.details.json_path})`
        : '';
  const resolution = resolutionFor(error.code);
  const limit =
    typeof error.details?.maximum_length === 'number' ? ` At most ${error.details.maximum_length} characters.` : '';
  return `${error.code}${where}: ${error.message}.${limit}${resolution ? ` ${resolution}` : ''}`.replace(/\.\./g, '.');
}

export function describeHttpFailure(
  status: number,
  errors: ZohoErrorEntry[],
  retryAfter?: string,
  verb: 'create' | 'update' = 'create',
): string {
  const codes = errors.map((error) => error.code);
  if (status === 429) {
    const wait = retryAfter ? ` Zoho asks to wait ${retryAfter} seconds.` : ' Wait a minute before trying again.';
    return `Zoho is limiting requests (HTTP 429 ${codes[0] ?? ZOHO_CODES.tooManyRequests}): ${RESOLUTIONS.TOO_MANY_REQUESTS}${wait} Nothing was ${verb === 'create' ? 'created' : 'changed'}, and nothing is retried on its own.`;
  }
  if (status === 403 && codes.includes(ZOHO_CODES.noPermission))
    return `No permission (HTTP 403): ${RESOLUTIONS.NO_PERMISSION}`;
  if (codes.includes(ZOHO_CODES.notSupported)) return `Not supported (HTTP ${status}): ${RESOLUTIONS.NOT_SUPPORTED}`;
  if (status === 404)
    return `Not found (HTTP 404${codes[0] ? ` ${codes[0]}` : ''}): ${RESOLUTIONS.INVALID_URL_PATTERN}`;
  if (status >= 500)
    return `Zoho failed (HTTP ${status}${codes[0] ? ` ${codes[0]}` : ''}): ${RESOLUTIONS.INTERNAL_ERROR}`;
  if (status === 401) {
    const resolution = codes[0] === ZOHO_CODES.oauthScopeMismatch ? scopeMismatch(verb) : resolutionFor(codes[0] ?? '');
    return `Not signed in (HTTP 401${codes[0] ? ` ${codes[0]}` : ''}): ${resolution ?? RESOLUTIONS.AUTHENTICATION_FAILURE}`;
  }
  if (errors.length === 1) return `Zoho did not ${verb} the module: ${describeApiError(errors[0])}`;
  return `Zoho did not ${verb} the module (HTTP ${status}, ${errors.length} problems): ${errors.map((error) => error.code).join(', ')}.`;
}
