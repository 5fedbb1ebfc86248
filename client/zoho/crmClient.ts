/**
 * Calls to the CRM API with the right token: a 401 INVALID_TOKEN refreshes once and retries once.
 * A request that may have reached Zoho is never sent again on its own.
 */
import { summariseAnswer } from './answerSummary';
import { AxiosInstance, AxiosResponse, Method } from 'axios';
import { apiPath, ApiVersion, DEFAULT_API_VERSION, OWN_CODES, ZOHO_CODES } from '@crm/languageservice';
import { AnswerReader, describeValue, isPlainApiName } from './answerShape';
import { ZohoError } from './errors';
import { ZohoErrorEntry } from './explain';
import { createHttp, failedBeforeSending, networkErrorMessage, networkReason, parseJson } from './http';
import { Logger } from './log';
import { checkedServerUrl, joinUrl } from './serverUrl';
import { TokenManager } from './tokenManager';

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  retryAfter?: string;
}

export interface ModuleSummary {
  id: string;
  api_name: string;
  plural_label?: string;
  singular_label?: string;
  module_name?: string;
  /** default (Zoho's standard modules), custom, web, linking… */
  generated_type?: string;
}

/** GET /settings/modules/{api_name}: a module with the profiles that can use it. */
export interface ModuleDetails extends ModuleSummary {
  profiles?: { id: string; name?: string }[];
  access_type?: string;
  /** When Zoho last changed the module (its metadata), as it says it. */
  modified_time?: string;
}

export interface ProfileSummary {
  id: string;
  name: string;
  display_label?: string;
  type?: string;
}

/** The scope each read needs, named when Zoho says the sign-in lacks it. */
export const READ_SCOPES = {
  profiles: 'ZohoCRM.settings.profiles.READ',
  modules: 'ZohoCRM.settings.modules.READ',
} as const;

export interface OrgSummary {
  id?: string;
  company_name?: string;
  type?: string;
  domain_name?: string;
}

/** The request reached Zoho, or may have: sending it again could create the module twice. */
export class AmbiguousRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AmbiguousRequestError';
  }
}

const TOKEN_CODES = new Set<string>([ZOHO_CODES.invalidToken, ZOHO_CODES.invalidOauthToken]);
const LOGGED_BODY_LIMIT = 4000;

export class CrmClient {
  readonly apiDomain: string;

  constructor(
    apiDomain: string,
    private readonly tokens: TokenManager,
    private readonly log: Logger,
    private readonly http: AxiosInstance = createHttp(),
    /** Every request goes to /crm/{apiVersion}/…: chosen by the user, never guessed. */
    readonly apiVersion: ApiVersion = DEFAULT_API_VERSION,
  ) {
    // Every request carries an access token: https, or http to this machine only (callers name the source first).
    this.apiDomain = checkedServerUrl(apiDomain, 'The API domain');
  }

  /** `/settings/modules` → `/crm/v7/settings/modules`. */
  path(route: string): string {
    return apiPath(this.apiVersion, route);
  }

  /**
   * `/crm/v7/settings/modules/{api_name}`: only for a plain API name. `.` or `..` would reach another
   * endpoint (`/settings/modules/..` is the module list), and a slash another path.
   */
  modulePath(apiName: string): string {
    if (!isPlainApiName(apiName)) {
      throw new ZohoError(
        `${describeValue(apiName)} is not a module API name (letters, digits, underscores, spaces); nothing was sent.`,
        'config',
      );
    }
    return this.path(`/settings/modules/${encodeURIComponent(apiName)}`);
  }

  async request(method: Method, path: string, data?: string): Promise<Answer> {
    let token = await this.tokens.accessToken();
    let answer = await this.send(method, path, token, data);
    if (answer.status === 401 && TOKEN_CODES.has(errorsOf(answer.body)[0]?.code ?? '')) {
      // The token died early (revoked, clock skew): refresh once, try once more. A 401 means Zoho did nothing.
      this.log.info('Zoho refused the access token; refreshing it and trying once more');
      this.tokens.invalidate(token);
      token = await this.tokens.accessToken();
      answer = await this.send(method, path, token, data);
    }
    return answer;
  }

  private async send(method: Method, path: string, token: string, data?: string): Promise<Answer> {
    // Joined, not resolved: an API domain behind a proxy may carry a path of its own.
    const url = joinUrl(this.apiDomain, path);
    this.log.info(`→ ${method.toUpperCase()} ${url}${data !== undefined ? ` (${Buffer.byteLength(data)} bytes)` : ''}`);
    if (data !== undefined) this.log.trace(`→ ${truncate(data)}`);
    let response: AxiosResponse;
    try {
      response = await this.http.request({
        method,
        url,
        data,
        headers: {
          Authorization: `Zoho-oauthtoken ${token}`,
          ...(data !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
      });
    } catch (error) {
      this.log.warn(`✗ ${method.toUpperCase()} ${url}: ${networkReason(error)}`);
      if (method.toUpperCase() === 'GET' || failedBeforeSending(error)) {
        const what = failedBeforeSending(error) ? 'Could not reach Zoho at' : 'No complete answer from Zoho at';
        throw new ZohoError(networkErrorMessage(error, `${what} ${this.apiDomain}`), 'network');
      }
      throw new AmbiguousRequestError(networkErrorMessage(error, 'The request was sent but no answer came back'));
    }
    // A string always (responseType text, no transform); '' for an empty answer.
    const text = String(response.data ?? '');
    const body = parseJson(text);
    this.log.info(`← ${response.status} ${summariseAnswer(text, body)}`);
    if (text) this.log.trace(`← ${truncate(text)}`);
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.status,
      body,
      text,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
    };
  }

  async listModules(): Promise<ModuleSummary[]> {
    const answer = await this.request('GET', this.path('/settings/modules'));
    if (answer.status === 204) return [];
    const modules = (answer.body as { modules?: unknown } | undefined)?.modules;
    if (answer.status !== 200 || !Array.isArray(modules))
      throw unexpected(answer, 'Listing the modules', READ_SCOPES.modules);
    const read = new AnswerReader('Listing the modules');
    return modules.map((entry, index) => readModule(read, entry, `modules[${index}]`));
  }

  async listProfiles(): Promise<ProfileSummary[]> {
    const answer = await this.request('GET', this.path('/settings/profiles'));
    if (answer.status === 204) return [];
    const profiles = (answer.body as { profiles?: unknown } | undefined)?.profiles;
    if (answer.status !== 200 || !Array.isArray(profiles))
      throw unexpected(answer, 'Reading the profiles', READ_SCOPES.profiles);
    const read = new AnswerReader('Reading the profiles');
    return profiles.map((entry, index) => {
      const profile = read.record(entry, `profiles[${index}]`);
      const at = (key: string) => `profiles[${index}].${key}`;
      const displayLabel = read.optionalText(profile.display_label, at('display_label'));
      const id = read.id(profile.id, at('id'));
      return {
        id,
        name: read.optionalText(profile.name, at('name')) ?? displayLabel ?? id,
        display_label: displayLabel,
        type: read.optionalText(profile.type, at('type')),
      };
    });
  }

  /** One module with its profiles; undefined when the org has no module of that API name (case-sensitive). */
  async getModule(apiName: string): Promise<ModuleDetails | undefined> {
    const answer = await this.request('GET', this.modulePath(apiName));
    if (answer.status === 204 || errorsOf(answer.body)[0]?.code === ZOHO_CODES.invalidModule) return undefined;
    const module = (answer.body as { modules?: unknown[] } | undefined)?.modules?.[0];
    const what = `Reading the module ${apiName}`;
    if (answer.status !== 200 || !module) throw unexpected(answer, what, READ_SCOPES.modules);
    const read = new AnswerReader(what);
    const details: ModuleDetails = readModule(read, module, 'modules[0]');
    // The name becomes a file name and the next request's path: it must be the module asked for.
    if (details.api_name !== apiName)
      read.fail('modules[0].api_name', `the module asked for (${JSON.stringify(apiName)})`, details.api_name);
    const record = module as Record<string, unknown>;
    if (record.profiles !== undefined && record.profiles !== null) {
      details.profiles = read.list(record.profiles, 'modules[0].profiles').map((entry, index) => {
        const profile = read.record(entry, `modules[0].profiles[${index}]`);
        return {
          id: read.id(profile.id, `modules[0].profiles[${index}].id`),
          name: read.optionalText(profile.name, `modules[0].profiles[${index}].name`),
        };
      });
    }
    details.access_type = read.optionalText(record.access_type, 'modules[0].access_type');
    // Only shown to people, never decided on: a value of another shape is left out rather than refused.
    if (typeof record.modified_time === 'string' && record.modified_time.length <= 40)
      details.modified_time = record.modified_time;
    return details;
  }

  async org(): Promise<OrgSummary | undefined> {
    const answer = await this.request('GET', this.path('/org'));
    const org = (answer.body as { org?: unknown[] } | undefined)?.org?.[0];
    if (answer.status !== 200 || !org) throw unexpected(answer, 'Reading the org');
    const read = new AnswerReader('Reading the org');
    const record = read.record(org, 'org[0]');
    return {
      id: record.id === undefined || record.id === null ? undefined : read.id(record.id, 'org[0].id'),
      company_name: read.optionalText(record.company_name, 'org[0].company_name'),
      type: read.optionalText(record.type, 'org[0].type'),
      domain_name: read.optionalText(record.domain_name, 'org[0].domain_name'),
    };
  }
}

/** A module entry of a listing or a lookup, with only the keys the code reads. */
function readModule(read: AnswerReader, entry: unknown, path: string): ModuleSummary {
  const module = read.record(entry, path);
  return {
    id: read.id(module.id, `${path}.id`),
    api_name: read.text(module.api_name, `${path}.api_name`),
    plural_label: read.optionalText(module.plural_label, `${path}.plural_label`),
    singular_label: read.optionalText(module.singular_label, `${path}.singular_label`),
    module_name: read.optionalText(module.module_name, `${path}.module_name`),
    generated_type: read.optionalText(module.generated_type, `${path}.generated_type`),
  };
}

/** Errors from either place Zoho puts them: the top level, or inside `modules[]`. */
export function errorsOf(body: unknown): ZohoErrorEntry[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  if (typeof record.code === 'string' && record.status !== 'success') {
    return [
      {
        code: record.code,
        message: String(record.message ?? ''),
        status: String(record.status ?? 'error'),
        details: asRecord(record.details),
      },
    ];
  }
  const entries = Array.isArray(record.modules) ? record.modules : Array.isArray(record.data) ? record.data : [];
  return entries
    .filter(
      (entry): entry is Record<string, unknown> =>
        !!entry && typeof entry === 'object' && (entry as Record<string, unknown>).status === 'error',
    )
    .map((entry) => ({
      code: String(entry.code ?? OWN_CODES.unknown),
      message: String(entry.message ?? ''),
      status: 'error',
      details: asRecord(entry.details),
    }));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function unexpected(answer: Answer, what: string, scope?: string): ZohoError {
  const errors = errorsOf(answer.body);
  if (scope && errors[0]?.code === ZOHO_CODES.oauthScopeMismatch) {
    return new ZohoError(
      `${what} failed: the sign-in does not grant ${scope}. Add it to the setting zohoCrm.oauth.scopes and sign in again.`,
      'request',
      errors[0].code,
      answer.status,
    );
  }
  if (answer.body === undefined) {
    return new ZohoError(
      `${what} failed: Zoho answered HTTP ${answer.status} with something that is not JSON${/<html/i.test(answer.text) ? ' (an HTML page: a proxy or a wrong API domain?)' : ''}.`,
      'server',
      undefined,
      answer.status,
    );
  }
  const kind =
    answer.status === 401 ? 'auth' : answer.status === 429 ? 'throttled' : answer.status >= 500 ? 'server' : 'request';
  return new ZohoError(
    `${what} failed: HTTP ${answer.status}${errors[0] ? ` ${errors[0].code}: ${errors[0].message}` : ''}.`,
    kind,
    errors[0]?.code,
    answer.status,
  );
}

function truncate(text: string): string {
  return text.length > LOGGED_BODY_LIMIT ? `${text.slice(0, LOGGED_BODY_LIMIT)}… (${text.length} characters)` : text;
}
