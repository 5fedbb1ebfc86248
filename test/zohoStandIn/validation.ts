/**
 * The stand-in's own reading of Zoho's Create Custom Module page (independent of the extension's
 * rules on purpose: it answers the way the page says Zoho answers, first problem only, as Zoho does).
 */

export interface ZohoErrorBody {
  code: string;
  details: Record<string, unknown>;
  message: string;
  status: 'error';
}

export interface Verdict {
  httpStatus: number;
  error: ZohoErrorBody;
}

const LABEL_KEYWORDS = [
  'CustomTab',
  'CustomModule',
  'Fileupload',
  'Imageupload',
  'General',
  'Approvals',
  'SalesInbox',
  'Unsubscribe',
  'CheckLists',
  'Blueprints',
  'ConsentForm',
  'Datarequest',
  'Organization',
  'ZSURVEY',
  'Role',
  'Roles',
  'Profile',
  'Profiles',
  'Report Folders',
  'Report Folder',
  'Blueprint Transitions',
  'Blueprint States',
  'Blueprint Logs',
  'Blueprint Transition Logs',
  'Blueprint State Logs',
  'Forecast Quotas',
  'Forecast Items',
  'Fiscal Periods',
  'Forecast Quota',
  'Forecast Item',
  'Fiscal Period',
  'Forecast Types',
  'Forecast Type',
  'Forecast Predictions',
  'Forecast Prediction',
  'Forecast Groups',
  'Forecast Group',
  'Locking Information',
  'LockingInformation',
].map((word) => word.toLowerCase());

const API_NAME_KEYWORDS = [
  'settings',
  'signals',
  'Last_Follow_Up_By',
  'Number_Of_Followups',
  'Last_Follow_Up_Time',
  'First_Follow_Up_By',
  'First_Follow_Up_Time',
  'Notes',
  'nearby_distance__s',
  'Quoted_Items',
  'Discount_Percentage__s',
  'Discount_Type__s',
  'ChronologicalView',
  'Ordered_Items',
  'ShiftHours',
  'Converted_Account',
  'Converted_Contact',
  'Converted_Deal',
  'Converted_Potential',
  'Mailchimp',
  'Status',
].map((word) => word.toLowerCase());

function error(httpStatus: number, code: string, message: string, details: Record<string, unknown> = {}): Verdict {
  return { httpStatus, error: { code, details, message, status: 'error' } };
}

const invalid = (key: string, path: string, message = 'invalid data', extra: Record<string, unknown> = {}) =>
  error(400, 'INVALID_DATA', message, { api_name: key, json_path: path, ...extra });
const mandatory = (key: string, path: string) =>
  error(400, 'MANDATORY_NOT_FOUND', 'required field not found', { api_name: key, json_path: path });

export interface ExistingModule {
  api_name: string;
  plural_label: string;
  singular_label: string;
}

export function checkCreateBody(
  body: unknown,
  existing: ExistingModule[],
  profileIds: string[],
  version = 7,
): Verdict | undefined {
  const { module, verdict } = theOneModule(body, 'only one custom module can be created in a single API call');
  if (!module) return verdict;
  const base = '$.modules[0]';

  const labels = checkLabels(module, base);
  if (labels) return labels;
  // v8 (page and spec): access_type, and a team-based module takes no profiles. v7 reads past the key.
  const accessType = version >= 8 ? module.access_type : undefined;
  if (accessType !== undefined && accessType !== 'org_based' && accessType !== 'team_based') {
    return invalid('access_type', `${base}.access_type`, 'invalid data', {
      expected_values: ['org_based', 'team_based'],
    });
  }
  if (accessType === 'team_based') {
    if (module.profiles !== undefined)
      return invalid('profiles', `${base}.profiles`, 'profiles cannot be given for a team-based module');
  } else {
    const problem = checkProfiles(module.profiles, profileIds, base);
    if (problem) return problem;
  }
  const apiName = module.api_name;
  if (apiName !== undefined) {
    const path = `${base}.api_name`;
    if (typeof apiName !== 'string') return invalid('api_name', path, 'invalid data', { expected_data_type: 'string' });
    if (API_NAME_KEYWORDS.includes(apiName.toLowerCase())) {
      return error(403, 'RESERVED_KEYWORD_NOT_ALLOWED', 'system-defined keywords given for api_name key', {
        api_name: 'api_name',
        json_path: path,
      });
    }
    if (
      apiName.length > 50 ||
      !/^[A-Za-z][A-Za-z0-9 _]*$/.test(apiName) ||
      apiName.endsWith('_') ||
      apiName.includes('__')
    ) {
      return invalid(
        'api_name',
        path,
        'the API name given seems to be invalid',
        apiName.length > 50 ? { maximum_length: 50 } : {},
      );
    }
  }
  const display = module.display_field;
  if (display !== undefined) {
    const path = `${base}.display_field`;
    if (!display || typeof display !== 'object' || Array.isArray(display))
      return invalid('display_field', path, 'invalid data', { expected_data_type: 'jsonobject' });
    const field = display as Record<string, unknown>;
    if (field.field_label === undefined && field.data_type === undefined) {
      return error(400, 'EXPECTED_FIELD_MISSING', 'one or more expected fields are missing', {
        expected_fields: [{ api_name: 'field_label' }, { api_name: 'data_type' }],
        json_path: path,
      });
    }
    if (field.field_label !== undefined && typeof field.field_label !== 'string')
      return invalid('field_label', `${path}.field_label`, 'invalid data', { expected_data_type: 'string' });
    // The pages give no limit; Zoho's spec: maxLength 100.
    if (typeof field.field_label === 'string' && [...field.field_label].length > 100)
      return invalid('field_label', `${path}.field_label`, 'the value exceeds the maximum allowed length', {
        maximum_length: 100,
      });
    if (field.data_type !== undefined && field.data_type !== 'autonumber' && field.data_type !== 'text') {
      return invalid('data_type', `${path}.data_type`, 'invalid data type for the field');
    }
    if (field.data_type === 'autonumber') {
      const auto = field.auto_number as Record<string, unknown> | undefined;
      if (!auto || typeof auto !== 'object')
        return error(400, 'DEPENDENT_FIELD_MISSING', 'one or more dependent keys are missing', {
          api_name: 'auto_number',
          json_path: `${path}.auto_number`,
        });
      const start = auto.start_number;
      if (start === undefined)
        return error(400, 'DEPENDENT_FIELD_MISSING', 'one or more dependent keys are missing', {
          api_name: 'start_number',
          json_path: `${path}.auto_number.start_number`,
        });
      const digits = typeof start === 'number' ? String(start) : start;
      if (typeof digits !== 'string' || !/^\d{1,16}$/.test(digits))
        return invalid('start_number', `${path}.auto_number.start_number`, 'invalid data', { maximum_length: 16 });
      for (const key of ['prefix', 'suffix']) {
        const value = auto[key];
        if (value !== undefined && (typeof value !== 'string' || value.length > 50 || !/^[A-Za-z0-9]*$/.test(value))) {
          return invalid(key, `${path}.auto_number.${key}`, 'invalid data', { maximum_length: 50 });
        }
      }
    }
  }
  const duplicate = checkLabelsUnique(module, existing, base);
  if (duplicate) return duplicate;
  if (typeof apiName === 'string' && existing.some((other) => other.api_name.toLowerCase() === apiName.toLowerCase())) {
    return error(400, 'DUPLICATE_DATA', 'duplicate data', { api_name: 'api_name', json_path: `${base}.api_name` });
  }
  return undefined;
}

/** Both endpoints take `{"modules": [one object]}`. */
function theOneModule(
  body: unknown,
  onlyOne: string,
): { module: Record<string, unknown>; verdict?: undefined } | { module?: undefined; verdict: Verdict } {
  const refuse = (verdict: Verdict) => ({ verdict });
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return refuse(error(400, 'INVALID_DATA', 'body is not a JSON object'));
  const modules = (body as Record<string, unknown>).modules;
  if (modules === undefined) return refuse(mandatory('modules', '$.modules'));
  if (!Array.isArray(modules))
    return refuse(invalid('modules', '$.modules', 'invalid data', { expected_data_type: 'jsonarray' }));
  if (modules.length === 0) return refuse(mandatory('modules', '$.modules'));
  if (modules.length > 1) return refuse(invalid('modules', '$.modules', onlyOne));
  const module = modules[0] as Record<string, unknown>;
  if (!module || typeof module !== 'object' || Array.isArray(module))
    return refuse(invalid('modules', '$.modules[0]', 'invalid data', { expected_data_type: 'jsonobject' }));
  return { module };
}

function checkProfiles(profiles: unknown, profileIds: string[], base: string): Verdict | undefined {
  if (profiles === undefined) return mandatory('profiles', `${base}.profiles`);
  if (profiles === null || (Array.isArray(profiles) && profiles.length === 0)) {
    return error(400, 'MINIMUM_DATA_NOT_FOUND', 'minimum one profile is needed', {
      api_name: 'profiles',
      json_path: `${base}.profiles`,
    });
  }
  if (!Array.isArray(profiles))
    return invalid('profiles', `${base}.profiles`, 'invalid data', { expected_data_type: 'jsonarray' });
  const seenIds = new Set<string>();
  for (const [index, profile] of profiles.entries()) {
    const path = `${base}.profiles[${index}].id`;
    const id = (profile as Record<string, unknown> | null)?.id;
    if (id === undefined) return mandatory('id', path);
    if (!profileIds.includes(String(id))) return invalid('id', path, 'invalid profile id');
    // Zoho's OpenAPI spec: profiles has uniqueItems, "Duplicate profile IDs are not allowed" (no code given).
    if (seenIds.has(String(id))) return invalid('id', path, 'Duplicate profile IDs are not allowed');
    seenIds.add(String(id));
  }
  return undefined;
}

function checkLabels(module: Record<string, unknown>, base: string): Verdict | undefined {
  for (const key of ['plural_label', 'singular_label'] as const) {
    const value = module[key];
    const path = `${base}.${key}`;
    if (value === undefined) return mandatory(key, path);
    if (typeof value !== 'string') return invalid(key, path, 'invalid data', { expected_data_type: 'string' });
    if (value.trim() === '') return invalid(key, path, 'the label should not be empty');
    if ([...value].length > 25)
      return invalid(key, path, 'the label exceeds the maximum length', { maximum_length: 25 });
    if (!/^[\p{L}\p{N} ]+$/u.test(value)) return invalid(key, path, 'special characters are not allowed in the label');
    if (LABEL_KEYWORDS.includes(value.trim().replace(/\s+/g, ' ').toLowerCase()))
      return invalid(key, path, 'system-defined keywords are not supported for the label');
  }
  return undefined;
}

function checkLabelsUnique(
  module: Record<string, unknown>,
  others: ExistingModule[],
  base: string,
): Verdict | undefined {
  for (const key of ['plural_label', 'singular_label'] as const) {
    const value = String(module[key]).toLowerCase();
    if (
      others.some((other) => other.plural_label.toLowerCase() === value || other.singular_label.toLowerCase() === value)
    ) {
      return error(400, 'DUPLICATE_DATA', 'duplicate data', { api_name: key, json_path: `${base}.${key}` });
    }
  }
  return undefined;
}

export interface AcceptedUpdate {
  plural_label: string;
  singular_label: string;
  added: string[];
  removed: string[];
}

/**
 * Zoho's Update Custom Module page and spec: one module per call; both labels and `profiles` mandatory;
 * a profile entry with `"_delete": null` takes the module away from that profile, any other entry gives
 * it; the API name and access type cannot change here (NOT_ALLOWED); at least one profile must keep it.
 */
export function checkUpdateBody(
  body: unknown,
  target: ExistingModule & { id: string; profiles?: { id: string }[] },
  existing: ExistingModule[],
  profileIds: string[],
): Verdict | AcceptedUpdate {
  const { module, verdict } = theOneModule(body, 'only one module can be updated in a single API call');
  if (!module) return verdict;
  const base = '$.modules[0]';
  for (const key of ['api_name', 'access_type']) {
    if (module[key] !== undefined)
      return error(
        400,
        'NOT_ALLOWED',
        key === 'api_name' ? 'Api name update not allowed' : 'access type update not allowed',
        { api_name: key, json_path: `${base}.${key}` },
      );
  }
  if (module.id !== undefined && String(module.id) !== target.id)
    return invalid('id', `${base}.id`, 'the module id does not match the module in the URL');
  const labels = checkLabels(module, base);
  if (labels) return labels;
  const profiles = module.profiles;
  if (profiles === undefined) return mandatory('profiles', `${base}.profiles`);
  if (!Array.isArray(profiles))
    return invalid('profiles', `${base}.profiles`, 'invalid data', { expected_data_type: 'jsonarray' });
  if (profiles.length === 0)
    return error(400, 'MINIMUM_DATA_NOT_FOUND', 'At least one profile needed', {
      api_name: 'profiles',
      json_path: `${base}.profiles`,
    });
  const added: string[] = [];
  const removed: string[] = [];
  for (const [index, profile] of profiles.entries()) {
    const path = `${base}.profiles[${index}]`;
    if (!profile || typeof profile !== 'object' || Array.isArray(profile))
      return invalid('profiles', path, 'invalid data', { expected_data_type: 'jsonobject' });
    const entry = profile as Record<string, unknown>;
    if (entry.id === undefined) return mandatory('id', `${path}.id`);
    if (!profileIds.includes(String(entry.id))) return invalid('id', `${path}.id`, 'invalid profile id');
    if ('_delete' in entry) {
      if (entry._delete !== null)
        return invalid('_delete', `${path}._delete`, 'invalid data', { expected_data_type: 'null' });
      removed.push(String(entry.id));
    } else {
      added.push(String(entry.id));
    }
  }
  const after = new Set([...(target.profiles ?? []).map((profile) => profile.id), ...added]);
  for (const id of removed) after.delete(id);
  if (after.size === 0)
    return error(400, 'MINIMUM_DATA_NOT_FOUND', 'At least one profile needed', {
      api_name: 'profiles',
      json_path: `${base}.profiles`,
    });
  const duplicate = checkLabelsUnique(
    module,
    existing.filter((other) => other.api_name !== target.api_name),
    base,
  );
  if (duplicate) return duplicate;
  return { plural_label: String(module.plural_label), singular_label: String(module.singular_label), added, removed };
}
