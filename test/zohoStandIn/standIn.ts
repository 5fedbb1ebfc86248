/**
 * A local Zoho for tests and for trying the extension without an account: the accounts server
 * (authorize, token, refresh, revoke) and the CRM settings API, as Zoho's documentation describes them,
 * with switches for the failures Zoho can produce. Listens on 127.0.0.1 only.
 */
import { FieldsStore, MAX_FIELDS_PER_CALL, zohoTime } from './fields';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkCreateBody, checkUpdateBody, ExistingModule } from './validation';

export interface StandInClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** The data center the user's account lives in: the US listener, or the second (EU) listener. */
  dataCenter: 'us' | 'eu';
}

export interface Faults {
  /** Every refresh is answered `{"error":"invalid_code"}` with HTTP 200, as Zoho does for a revoked token. */
  refreshDenied?: boolean;
  /** The accounts server's "Access Denied" throttle answer (HTTP 200). */
  accountsThrottled?: boolean;
  /** CRM calls answer 429 TOO_MANY_REQUESTS. */
  rateLimited?: boolean;
  /** CRM calls answer 500 INTERNAL_ERROR. */
  serverError?: boolean;
  /** CRM calls answer an HTML page with HTTP 502, as a proxy would. */
  htmlAnswer?: boolean;
  /** POST /settings/modules waits this long before it creates and answers. */
  slowMs?: number;
  /** POST /settings/modules creates the module, then drops the connection without answering. */
  dropAfterCreate?: boolean;
  /** POST /settings/fields creates what it would, then drops the connection without answering. */
  dropAfterFieldsCreate?: boolean;
  /** PATCH /settings/fields updates what it would, then drops the connection without answering. */
  dropAfterFieldsUpdate?: boolean;
  /** Every CRM request waits this long before it is handled (a distant data center). */
  latencyMs?: number;
  /** PUT /settings/modules/{api_name} updates the module, then drops the connection without answering. */
  dropAfterUpdate?: boolean;
  /** PUT /settings/modules/{api_name} drops the connection before changing anything (a front end that gave up). */
  dropBeforeUpdate?: boolean;
  /** POST /settings/modules answers a success with HTTP 200, as older copies of Zoho's spec show (201 otherwise). */
  createdWith200?: boolean;
  /**
   * POST and PUT /settings/modules answer this instead of Zoho's documented answer, as a proxy or a changed API
   * might: after making the change when `changed`, without making it otherwise. JSON when `body` parses.
   */
  strangeAnswer?: { status: number; body: string; changed: boolean };
  /** GET /settings/modules answers 500 INTERNAL_ERROR (an outage that hits only the listing). */
  listingFails?: boolean;
  /** The org's edition cannot create modules (NOT_SUPPORTED). */
  editionWithoutModules?: boolean;
  /** The user's profile lacks the permission (NO_PERMISSION, 403). */
  noPermission?: boolean;
  /** The org already has as many custom modules as its edition allows (LIMIT_EXCEEDED). */
  moduleLimitReached?: boolean;
}

export interface RecordedRequest {
  listener: 'us' | 'eu';
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The org of the request's access token, once the token is known. */
  org?: OrgName;
}

interface Grant {
  clientId: string;
  scope: string[];
  redirectUri?: string;
  challenge?: string;
  dataCenter: 'us' | 'eu';
  expiresAt: number;
  used: boolean;
  offline: boolean;
  org: OrgName;
}
interface RefreshToken {
  clientId: string;
  scope: string[];
  dataCenter: 'us' | 'eu';
  revoked: boolean;
  org: OrgName;
}
interface AccessToken {
  refreshToken?: string;
  scope: string[];
  expiresAt: number;
  org: OrgName;
}

export const DEMO_CLIENT: StandInClient = {
  clientId: '1000.LOCALSTANDIN0000000000000000',
  clientSecret: 'local-stand-in-client-secret-0000000000',
  redirectUris: ['http://127.0.0.1:47120/callback'],
  dataCenter: 'us',
};

export const PROFILES = [
  {
    id: '2423488000000015972',
    name: 'Administrator',
    display_label: 'Administrator',
    type: 'normal_profile',
    default: false,
    custom: false,
  },
  {
    id: '2423488000000015975',
    name: 'Standard',
    display_label: 'Standard',
    type: 'normal_profile',
    default: true,
    custom: false,
  },
  {
    id: '2423488000000015978',
    name: 'Sales Lite',
    display_label: 'Sales Lite',
    type: 'lite_profile',
    default: false,
    custom: true,
  },
  {
    id: '2423488000000015981',
    name: 'Customer Portal',
    display_label: 'Customer Portal',
    type: 'portal_profile',
    default: false,
    custom: true,
  },
];

const STANDARD_MODULES: StoredModule[] = [
  {
    id: '2423488000000002175',
    api_name: 'Leads',
    plural_label: 'Leads',
    singular_label: 'Lead',
    generated_type: 'default',
  },
  {
    id: '2423488000000002179',
    api_name: 'Contacts',
    plural_label: 'Contacts',
    singular_label: 'Contact',
    generated_type: 'default',
  },
  {
    id: '2423488000000002177',
    api_name: 'Accounts',
    plural_label: 'Accounts',
    singular_label: 'Account',
    generated_type: 'default',
  },
  {
    id: '2423488000000002181',
    api_name: 'Deals',
    plural_label: 'Deals',
    singular_label: 'Deal',
    generated_type: 'default',
  },
  {
    id: '2423488000000002183',
    api_name: 'Tasks',
    plural_label: 'Tasks',
    singular_label: 'Task',
    generated_type: 'default',
  },
  {
    id: '2423488000000002185',
    api_name: 'Products',
    plural_label: 'Products',
    singular_label: 'Product',
    generated_type: 'default',
  },
];

/** Custom modules the org already has, as a user's org would: one to pull, compare and update. */
const CUSTOM_MODULES: StoredModule[] = [
  {
    id: '2423488000000834001',
    api_name: 'Shipments',
    plural_label: 'Shipments',
    singular_label: 'Shipment',
    generated_type: 'custom',
    profiles: [{ id: '2423488000000015972' }, { id: '2423488000000015975' }],
  },
];

/** The sandbox's profiles: the same names as production's with other ids, and one production lacks. */
export const SANDBOX_PROFILES: StandInProfile[] = [
  ...PROFILES.map((profile, index) => ({ ...profile, id: String(5553001000000015011n + BigInt(index) * 3n) })),
  {
    id: '5553001000000015041',
    name: 'Sandbox Testers',
    display_label: 'Sandbox Testers',
    type: 'normal_profile',
    default: false,
    custom: true,
  },
];

export type StandInProfile = (typeof PROFILES)[number];
export type OrgName = 'production' | 'sandbox';

/** A global picklist (Zoho's "global set"): the same api_name in both orgs, each with its own id. */
export interface StandInPicklist {
  id: string;
  api_name: string;
  display_label: string;
}

/**
 * One CRM org of the stand-in: its profiles, modules, fields and global picklists. A token belongs to one org,
 * picked at consent as in Zoho; both orgs answer on the same host (the client never relies on hosts differing).
 */
export class StandInOrg {
  readonly modules: StoredModule[];
  readonly fields: FieldsStore;
  /** Modules created through the API in this run: the web page marks them. */
  readonly createdHere: string[] = [];
  private nextModuleId: bigint;

  constructor(
    readonly name: OrgName,
    readonly id: string,
    readonly companyName: string,
    readonly profiles: StandInProfile[],
    modules: StoredModule[],
    readonly globalPicklists: StandInPicklist[],
    idBase: bigint,
  ) {
    this.modules = modules.map((module) => ({
      ...module,
      profiles: module.profiles?.map((profile) => ({ ...profile })),
    }));
    this.nextModuleId = idBase + 834002n;
    this.fields = new FieldsStore(idBase + 900001n, {
      profiles: () => this.profiles,
      modules: () => this.modules,
      globalPicklists: () => this.globalPicklists,
    });
  }

  newModuleId(): string {
    return String(this.nextModuleId++);
  }
}

/** Production ("Zylker Local"): the org every test signs in to unless it asks for the sandbox. */
function productionOrg(): StandInOrg {
  return new StandInOrg(
    'production',
    '2423488000000000123',
    'Zylker Local',
    PROFILES,
    [...STANDARD_MODULES, ...CUSTOM_MODULES],
    [{ id: '2423488000000700011', api_name: 'Regions', display_label: 'Regions' }],
    2423488000000000000n,
  );
}

/** The sandbox: other ids for the same profiles and standard modules, one more profile, no Shipments. */
function sandboxOrg(): StandInOrg {
  return new StandInOrg(
    'sandbox',
    '5553001000000000456',
    'Zylker Local Sandbox',
    SANDBOX_PROFILES,
    STANDARD_MODULES.map((module) => ({ ...module, id: module.id.replace(/^2423488/, '5553001') })),
    [{ id: '5553001000000700011', api_name: 'Regions', display_label: 'Regions' }],
    5553001000000000000n,
  );
}

const ACCESS_TOKEN_LIFETIME_S = 3600;
const GRANT_LIFETIME_MS = 3 * 60 * 1000;
const CREATE_SCOPES = [
  'ZohoCRM.settings.modules.CREATE',
  'ZohoCRM.settings.modules.ALL',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.modules.ALL',
];
const READ_MODULE_SCOPES = [...CREATE_SCOPES, 'ZohoCRM.settings.modules.READ'];
const UPDATE_MODULE_SCOPES = [
  'ZohoCRM.settings.modules.UPDATE',
  'ZohoCRM.settings.modules.ALL',
  'ZohoCRM.settings.ALL',
];
const READ_PROFILE_SCOPES = ['ZohoCRM.settings.profiles.READ', 'ZohoCRM.settings.profiles.ALL', 'ZohoCRM.settings.ALL'];

const INVALID_METHOD = {
  code: 'INVALID_REQUEST_METHOD',
  details: {},
  message: 'The http request method type is not a valid one',
  status: 'error',
};

export type StoredModule = ExistingModule & {
  id: string;
  generated_type: string;
  profiles?: { id: string }[];
  /** When it last changed (Zoho's modified_time); unset: before this run. */
  modified_time?: string;
};

function zohoToken(): string {
  return `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

export class ZohoStandIn {
  readonly clients = new Map<string, StandInClient>();
  readonly requests: RecordedRequest[] = [];
  faults: Faults = {};
  readonly orgs: Record<OrgName, StandInOrg> = { production: productionOrg(), sandbox: sandboxOrg() };
  /** The org the next browser consent picks (Zoho's consent page asks which). */
  consentOrg: OrgName = 'production';
  private readonly grants = new Map<string, Grant>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly issuedAccessTokens: string[] = [];
  private servers: Server[] = [];
  url = '';
  euUrl = '';

  constructor(clients: StandInClient[] = [DEMO_CLIENT]) {
    for (const client of clients) this.clients.set(client.clientId, client);
  }

  /** Production's modules (most tests use one org). */
  get modules(): StoredModule[] {
    return this.orgs.production.modules;
  }

  /** Production's fields: each module's system ones, and those created through the API. */
  get fields(): FieldsStore {
    return this.orgs.production.fields;
  }

  async start(port = 0, euPort = 0): Promise<this> {
    const us = await this.listen(port, 'us');
    const eu = await this.listen(euPort, 'eu');
    this.url = `http://127.0.0.1:${us}`;
    this.euUrl = `http://127.0.0.1:${eu}`;
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
    this.servers = [];
  }

  private listen(port: number, listener: 'us' | 'eu'): Promise<number> {
    const server = createServer((request, response) => {
      void this.handle(listener, request, response).catch((error) => {
        if (!response.headersSent)
          json(response, 500, { code: 'INTERNAL_ERROR', details: {}, message: String(error), status: 'error' });
      });
    });
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  }

  accountsUrlOf(dataCenter: 'us' | 'eu'): string {
    return dataCenter === 'us' ? this.url : this.euUrl;
  }

  /** What the Zoho API console does for a Self Client: a single-use grant code for the chosen scopes. */
  issueSelfClientCode(clientId: string, scope: string[], org: OrgName = 'production'): string {
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`unknown client ${clientId}`);
    const code = zohoToken();
    this.grants.set(code, {
      clientId,
      scope,
      dataCenter: client.dataCenter,
      expiresAt: Date.now() + GRANT_LIFETIME_MS,
      used: false,
      offline: true,
      org,
    });
    return code;
  }

  deleteModule(apiName: string, org: StandInOrg = this.orgs.production): void {
    const index = org.modules.findIndex((module) => module.api_name === apiName);
    if (index >= 0) org.modules.splice(index, 1);
    org.fields.forget(apiName);
  }

  /** Makes every access token issued so far expired, as an hour passing would. */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0;
  }

  crmRequests(method?: string, path?: string): RecordedRequest[] {
    return this.requests.filter(
      (request) =>
        request.path.startsWith('/crm/') && (!method || request.method === method) && (!path || request.path === path),
    );
  }

  private async handle(listener: 'us' | 'eu', request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    const query = Object.fromEntries(url.searchParams);
    if (url.pathname.startsWith('/__standin/'))
      return this.control(url.pathname, request.method ?? 'GET', query, body, response);
    const recorded: RecordedRequest = {
      listener,
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      headers: request.headers,
      body,
    };
    this.requests.push(recorded);

    if (url.pathname === '/oauth/v2/auth' && request.method === 'GET') return this.authorize(listener, query, response);
    if (url.pathname === '/oauth/v2/token' && request.method === 'POST')
      return this.token(listener, { ...query, ...Object.fromEntries(new URLSearchParams(body)) }, response);
    if (url.pathname === '/oauth/v2/token/revoke' && request.method === 'POST') return this.revoke(query, response);
    // The web UI's module list, where "Open in Zoho CRM" goes. Also at "/": a VS Code in the browser reaches
    // 127.0.0.1 links through its port proxy, which keeps only the root of the address.
    if ((url.pathname === '/' || url.pathname === '/crm/settings/modules') && request.method === 'GET')
      return this.modulesPage(this.orgs[query.org === 'sandbox' ? 'sandbox' : 'production'], response);
    if (url.pathname.startsWith('/crm/')) return this.crm(listener, request, response, recorded, body);
    json(response, 404, {
      code: 'INVALID_URL_PATTERN',
      details: {},
      message: 'Please check if the URL trying to access is a correct one',
      status: 'error',
    });
  }

  // ---- accounts ---------------------------------------------------------------------------------

  private authorize(listener: 'us' | 'eu', query: Record<string, string>, response: ServerResponse): void {
    const client = this.clients.get(query.client_id ?? '');
    if (!client) return html(response, 400, 'Invalid Client', 'The client_id is not registered.');
    if (!query.redirect_uri || !client.redirectUris.includes(query.redirect_uri))
      return html(
        response,
        400,
        'Invalid Redirect Uri',
        'The redirect URI does not match the one registered for this client.',
      );
    if (query.response_type !== 'code')
      return redirect(response, query.redirect_uri, { error: 'unsupported_response_type', state: query.state });
    if (query.code_challenge && query.code_challenge_method !== 'S256')
      return redirect(response, query.redirect_uri, { error: 'invalid_request', state: query.state });
    // The user consents at once; Zoho moves them to their own data center and says which in the redirect.
    const code = zohoToken();
    this.grants.set(code, {
      clientId: client.clientId,
      scope: (query.scope ?? '').split(','),
      redirectUri: query.redirect_uri,
      challenge: query.code_challenge,
      dataCenter: client.dataCenter,
      expiresAt: Date.now() + GRANT_LIFETIME_MS,
      used: false,
      offline: query.access_type === 'offline',
      org: this.consentOrg,
    });
    void listener;
    redirect(response, query.redirect_uri, {
      state: query.state,
      code,
      location: client.dataCenter,
      'accounts-server': this.accountsUrlOf(client.dataCenter),
    });
  }

  private token(listener: 'us' | 'eu', form: Record<string, string>, response: ServerResponse): void {
    // Zoho answers token errors with HTTP 200 and an `error` member.
    const fail = (error: string, extra: Record<string, string> = {}) => json(response, 200, { error, ...extra });
    if (this.faults.accountsThrottled) {
      return fail('Access Denied', {
        error_description: 'You have made too many requests continuously. Please try again after some time.',
        status: 'failure',
      });
    }
    const client = this.clients.get(form.client_id ?? '');
    if (!client) return fail('invalid_client');
    if (client.clientSecret !== form.client_secret) return fail('invalid_client_secret');
    if (form.grant_type === 'authorization_code') {
      const grant = this.grants.get(form.code ?? '');
      if (
        !grant ||
        grant.used ||
        grant.expiresAt < Date.now() ||
        grant.clientId !== client.clientId ||
        grant.dataCenter !== listener
      )
        return fail('invalid_code');
      if (grant.redirectUri && grant.redirectUri !== form.redirect_uri) return fail('invalid_redirect_uri');
      if (
        grant.challenge &&
        createHash('sha256')
          .update(form.code_verifier ?? '')
          .digest('base64url') !== grant.challenge
      )
        return fail('invalid_code');
      grant.used = true;
      const accessToken = this.issueAccessToken(grant.scope, grant.org);
      const answer: Record<string, unknown> = {
        access_token: accessToken,
        scope: grant.scope.join(' '),
        api_domain: this.url,
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_LIFETIME_S,
      };
      if (grant.offline) {
        const refreshToken = zohoToken();
        this.refreshTokens.set(refreshToken, {
          clientId: client.clientId,
          scope: grant.scope,
          dataCenter: grant.dataCenter,
          revoked: false,
          org: grant.org,
        });
        this.accessTokens.get(accessToken)!.refreshToken = refreshToken;
        answer.refresh_token = refreshToken;
      }
      return json(response, 200, answer);
    }
    if (form.grant_type === 'refresh_token') {
      const stored = this.refreshTokens.get(form.refresh_token ?? '');
      if (
        this.faults.refreshDenied ||
        !stored ||
        stored.revoked ||
        stored.clientId !== client.clientId ||
        stored.dataCenter !== listener
      )
        return fail('invalid_code');
      const accessToken = this.issueAccessToken(stored.scope, stored.org, form.refresh_token);
      return json(response, 200, {
        access_token: accessToken,
        scope: stored.scope.join(' '),
        api_domain: this.url,
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_LIFETIME_S,
      });
    }
    return fail('unsupported_grant_type');
  }

  private issueAccessToken(scope: string[], org: OrgName, refreshToken?: string): string {
    const token = zohoToken();
    this.issuedAccessTokens.push(token);
    this.accessTokens.set(token, { refreshToken, scope, org, expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_S * 1000 });
    return token;
  }

  private revoke(query: Record<string, string>, response: ServerResponse): void {
    const stored = this.refreshTokens.get(query.token ?? '');
    if (!stored || stored.revoked) return json(response, 400, { status: 'failure', error: 'invalid_token' });
    stored.revoked = true;
    for (const [token, access] of this.accessTokens)
      if (access.refreshToken === query.token) this.accessTokens.delete(token);
    json(response, 200, { status: 'success' });
  }

  // ---- CRM ----------------------------------------------------------------------------------------

  private async crm(
    listener: 'us' | 'eu',
    request: IncomingMessage,
    response: ServerResponse,
    recorded: RecordedRequest,
    body: string,
  ): Promise<void> {
    const path = recorded.path;
    if (this.faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    if (listener !== 'us')
      return json(response, 404, {
        code: 'INVALID_URL_PATTERN',
        details: {},
        message: 'Please check if the URL trying to access is a correct one',
        status: 'error',
      });
    if (this.faults.htmlAnswer)
      return html(
        response,
        502,
        '502 Bad Gateway',
        'The proxy server received an invalid response from an upstream server.',
      );
    const header = String(request.headers.authorization ?? '');
    const match = /^Zoho-oauthtoken (\S+)$/.exec(header);
    if (!match)
      return json(response, 401, {
        code: 'AUTHENTICATION_FAILURE',
        details: {},
        message: 'Authentication failed',
        status: 'error',
      });
    const access = this.accessTokens.get(match[1]);
    if (!access || access.expiresAt < Date.now())
      return json(response, 401, {
        code: 'INVALID_TOKEN',
        details: {},
        message: 'invalid oauth token',
        status: 'error',
      });
    if (this.faults.rateLimited)
      return json(response, 429, {
        code: 'TOO_MANY_REQUESTS',
        details: {},
        message: 'too many requests',
        status: 'error',
      });
    if (this.faults.serverError)
      return json(response, 500, {
        code: 'INTERNAL_ERROR',
        details: {},
        message: 'Internal Server Error',
        status: 'error',
      });

    const org = this.orgs[access.org];
    recorded.org = access.org;
    const version = /^\/crm\/v(\d+)\//.exec(path)?.[1];
    const route = path.replace(/^\/crm\/v\d+/, '');
    const method = request.method ?? 'GET';
    const scoped = (allowed: string[]) =>
      access.scope.some((scope) => allowed.includes(scope) || scope === 'ZohoCRM.settings.ALL');
    if (route === '/settings/modules' && method === 'POST') {
      if (Number(version) < 6)
        return json(response, 400, {
          code: 'API_NOT_SUPPORTED',
          details: {},
          message: 'the API is not supported for the requested version',
          status: 'error',
        });
      if (!scoped(CREATE_SCOPES)) return scopeMismatch(response);
      return this.createModule(org, request, response, body, Number(version));
    }
    if (route === '/settings/modules' && method === 'GET') {
      if (this.faults.listingFails)
        return json(response, 500, {
          code: 'INTERNAL_ERROR',
          details: {},
          message: 'Internal Server Error',
          status: 'error',
        });
      if (!scoped(READ_MODULE_SCOPES)) return scopeMismatch(response);
      return json(response, 200, {
        modules: org.modules.map((module) => ({
          ...module,
          ...this.profilesOf(org, module),
          module_name: module.plural_label,
          api_supported: true,
          status: 'visible',
        })),
      });
    }
    const moduleRoute = /^\/settings\/modules\/([^/]+)$/.exec(route);
    if (moduleRoute && method === 'GET') {
      if (!scoped(READ_MODULE_SCOPES)) return scopeMismatch(response);
      return this.getModule(org, decodeURIComponent(moduleRoute[1]), response);
    }
    if (moduleRoute && method === 'PUT') {
      if (!scoped(UPDATE_MODULE_SCOPES)) return scopeMismatch(response);
      return this.updateModule(org, decodeURIComponent(moduleRoute[1]), response, body);
    }
    if (route === '/settings/fields' || route.startsWith('/settings/fields/')) {
      const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
      return this.fieldsRoute(org, request, route, method, query.get('module'), body, response, scoped);
    }
    if (route === '/settings/profiles' && method === 'GET') {
      if (!scoped(READ_PROFILE_SCOPES)) return scopeMismatch(response);
      return json(response, 200, { profiles: org.profiles });
    }
    if (route === '/org' && method === 'GET')
      return json(response, 200, {
        org: [{ id: org.id, company_name: org.companyName, type: org.name, domain_name: `org${org.id.slice(0, 7)}` }],
      });
    if (route === '/settings/global_picklists' && method === 'GET') {
      if (!scoped(['ZohoCRM.settings.global_picklist.READ', 'ZohoCRM.settings.global_picklist.ALL']))
        return scopeMismatch(response);
      return json(response, 200, { global_picklists: org.globalPicklists });
    }
    json(response, 404, {
      code: 'INVALID_URL_PATTERN',
      details: {},
      message: 'Please check if the URL trying to access is a correct one',
      status: 'error',
    });
  }

  /** /settings/fields?module=…: list, create and update (at most 5 per call), one field's GET, PATCH and DELETE. */
  private fieldsRoute(
    org: StandInOrg,
    request: IncomingMessage,
    route: string,
    method: string,
    moduleName: string | null,
    body: string,
    response: ServerResponse,
    scoped: (allowed: string[]) => boolean,
  ): void {
    const needs = (operation: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE') =>
      scoped([`ZohoCRM.settings.fields.${operation}`, 'ZohoCRM.settings.fields.ALL']);
    const operation =
      method === 'POST' ? 'CREATE' : method === 'PATCH' ? 'UPDATE' : method === 'DELETE' ? 'DELETE' : 'READ';
    if (!needs(operation)) return scopeMismatch(response);
    if (!moduleName)
      return json(response, 400, {
        code: 'REQUIRED_PARAM_MISSING',
        details: { param_name: 'module' },
        message: 'One of the expected parameter is missing',
        status: 'error',
      });
    const module = org.modules.find((candidate) => candidate.api_name.toLowerCase() === moduleName.toLowerCase());
    if (!module)
      return json(response, 400, {
        code: 'INVALID_MODULE',
        details: { param_name: 'module' },
        message: 'the module name given seems to be invalid',
        status: 'error',
      });
    const id = /^\/settings\/fields\/([^/]+)$/.exec(route)?.[1];
    if (id && method === 'GET') {
      const field = org.fields.list(module.api_name).find((candidate) => candidate.id === id);
      return field
        ? json(response, 200, { fields: [org.fields.view(field)] })
        : json(response, 400, {
            code: 'INVALID_DATA',
            details: { resource_path_index: 2 },
            message: 'the id given seems to be invalid',
            status: 'error',
          });
    }
    if (id && method === 'DELETE') {
      const result = org.fields.delete(module.api_name, id);
      return json(response, result.status === 'success' ? 200 : 400, { fields: [result] });
    }
    if (!id && method === 'GET')
      return json(response, 200, { fields: org.fields.list(module.api_name).map((field) => org.fields.view(field)) });
    if (method === 'POST' || method === 'PATCH') {
      let items: unknown;
      try {
        items = (JSON.parse(body) as { fields?: unknown }).fields;
      } catch {
        items = undefined;
      }
      if (!Array.isArray(items) || items.length === 0)
        return json(response, 400, {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'fields', json_path: '$.fields' },
          message: 'required field not found',
          status: 'error',
        });
      // Zoho's pages say 5 per call and give no code for more: this one is inferred from its limit codes.
      if (items.length > MAX_FIELDS_PER_CALL)
        return json(response, 400, {
          code: 'LIMIT_EXCEEDED',
          details: { limit: MAX_FIELDS_PER_CALL, api_name: 'fields', json_path: '$.fields' },
          message: 'the number of fields in a request exceeds the limit',
          status: 'error',
        });
      if (method === 'PATCH') {
        const { status, results } = org.fields.update(module.api_name, items, id);
        if (this.faults.dropAfterFieldsUpdate) return void request.socket.destroy();
        return json(response, status, { fields: results });
      }
      if (id) return json(response, 405, INVALID_METHOD);
      const { status, results } = org.fields.create(module.api_name, items);
      if (this.faults.dropAfterFieldsCreate) return void request.socket.destroy();
      return json(response, status, { fields: results });
    }
    json(response, 405, INVALID_METHOD);
  }

  private async createModule(
    org: StandInOrg,
    request: IncomingMessage,
    response: ServerResponse,
    text: string,
    version: number,
  ): Promise<void> {
    if (this.faults.slowMs) await new Promise((resolve) => setTimeout(resolve, this.faults.slowMs));
    // A client that gave up has closed the socket: like Zoho's front end, nothing is created then.
    if (request.socket.destroyed) return;
    if (this.faults.editionWithoutModules)
      return json(response, 400, {
        code: 'NOT_SUPPORTED',
        details: {},
        message: 'module creation is not supported for the current edition',
        status: 'error',
      });
    if (this.faults.noPermission)
      return json(response, 403, {
        code: 'NO_PERMISSION',
        details: { permissions: ['Crm_Implied_Customize_Zoho_CRM'] },
        message: 'permission denied',
        status: 'error',
      });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(response, 400, {
        code: 'INVALID_DATA',
        details: {},
        message: 'body is not a valid JSON',
        status: 'error',
      });
    }
    if (this.faults.strangeAnswer && !this.faults.strangeAnswer.changed)
      return strange(response, this.faults.strangeAnswer);
    const verdict = checkCreateBody(
      body,
      org.modules,
      org.profiles.map((profile) => profile.id),
      version,
    );
    if (verdict) return json(response, verdict.httpStatus, { modules: [verdict.error] });
    if (this.faults.moduleLimitReached)
      return json(response, 400, {
        modules: [
          { code: 'LIMIT_EXCEEDED', details: {}, message: 'module creation limit has been reached', status: 'error' },
        ],
      });
    const module = (body as { modules: Record<string, any>[] }).modules[0];
    const id = org.newModuleId();
    org.createdHere.push(id);
    org.modules.push({
      id,
      generated_type: 'custom',
      plural_label: module.plural_label,
      singular_label: module.singular_label,
      // A team-based module has no profiles: records are shared by team.
      profiles: ((module.profiles ?? []) as { id: unknown }[]).map((profile) => ({ id: String(profile.id) })),
      api_name: module.api_name ?? String(module.plural_label).trim().replace(/\s+/g, '_'),
      modified_time: zohoTime(),
    });
    if (this.faults.dropAfterCreate) {
      request.socket.destroy();
      return;
    }
    if (this.faults.strangeAnswer) return strange(response, this.faults.strangeAnswer);
    json(response, this.faults.createdWith200 ? 200 : 201, {
      modules: [{ code: 'SUCCESS', details: { id }, message: 'module created successfully', status: 'success' }],
    });
  }

  private modulesPage(org: StandInOrg, response: ServerResponse): void {
    const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
    const created = new Set(org.createdHere);
    const rows = [...org.modules]
      .reverse()
      .map(
        (module) =>
          `<tr${created.has(module.id) ? ' class="new"' : ''}><td>${escape(module.plural_label)}${created.has(module.id) ? ' <b>new</b>' : ''}</td>` +
          `<td><code>${escape(module.api_name)}</code></td><td>${module.generated_type === 'custom' ? 'custom' : 'standard'}</td><td>${module.id}</td></tr>`,
      )
      .join('');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>Modules · ${escape(org.companyName)}</title><style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{padding:.4em 1em;border-bottom:1px solid #ddd;text-align:left}
tr.new{background:#eaf6ea}b{color:#1a7f37;font-size:.8em;margin-left:.5em}p{color:#666}</style></head><body>
<h1>Modules</h1><p>${escape(org.companyName)}: the local Zoho stand-in that npm start runs in place of Zoho CRM. In a real org this link opens Setup › Modules and Fields.</p>
<table><tr><th>Module</th><th>API name</th><th>Type</th><th>Id</th></tr>${rows}</table></body></html>`);
  }

  /** A module's profiles by id and name; standard modules are open to every normal profile. */
  private profilesOf(org: StandInOrg, module: StoredModule): { profiles: { id: string; name: string }[] } {
    const ids =
      module.profiles?.map((profile) => profile.id) ??
      org.profiles.filter((profile) => profile.type === 'normal_profile').map((profile) => profile.id);
    return { profiles: ids.map((id) => ({ id, name: org.profiles.find((known) => known.id === id)?.name ?? '' })) };
  }

  /** GET /settings/modules/{api_name}: the module's metadata, profiles by name; the api_name is case-sensitive. */
  private getModule(org: StandInOrg, apiName: string, response: ServerResponse): void {
    const module = org.modules.find((candidate) => candidate.api_name === apiName || candidate.id === apiName);
    if (!module)
      return json(response, 400, {
        code: 'INVALID_MODULE',
        details: { resource_path_index: 2 },
        message: 'the module name given seems to be invalid',
        status: 'error',
      });
    const { profiles } = this.profilesOf(org, module);
    json(response, 200, {
      modules: [
        {
          id: module.id,
          api_name: module.api_name,
          module_name: module.plural_label,
          plural_label: module.plural_label,
          singular_label: module.singular_label,
          actual_plural_label: module.plural_label,
          actual_singular_label: module.singular_label,
          generated_type: module.generated_type,
          access_type: 'org_based',
          api_supported: true,
          creatable: true,
          editable: true,
          deletable: module.generated_type === 'custom',
          profiles,
          profile_count: profiles.length,
          has_more_profiles: false,
          status: 'visible',
          modified_time: module.modified_time ?? '2026-01-05T09:00:00+05:30',
        },
      ],
    });
  }

  /** PUT /settings/modules/{api_name}: labels and profile access of one module, as Update Custom Module describes. */
  private updateModule(org: StandInOrg, apiName: string, response: ServerResponse, text: string): void {
    const module = org.modules.find((candidate) => candidate.api_name === apiName || candidate.id === apiName);
    if (!module)
      return json(response, 400, {
        code: 'INVALID_MODULE',
        details: { resource_path_index: 2 },
        message: 'the module name given seems to be invalid',
        status: 'error',
      });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(response, 400, {
        code: 'INVALID_DATA',
        details: {},
        message: 'body is not a valid JSON',
        status: 'error',
      });
    }
    if (this.faults.dropBeforeUpdate) {
      response.socket?.destroy();
      return;
    }
    if (this.faults.strangeAnswer && !this.faults.strangeAnswer.changed)
      return strange(response, this.faults.strangeAnswer);
    const result = checkUpdateBody(
      body,
      module,
      org.modules,
      org.profiles.map((profile) => profile.id),
    );
    if ('error' in result) return json(response, result.httpStatus, { modules: [result.error] });
    module.plural_label = result.plural_label;
    module.singular_label = result.singular_label;
    module.modified_time = zohoTime();
    const current = new Set((module.profiles ?? []).map((profile) => profile.id));
    for (const id of result.added) current.add(id);
    for (const id of result.removed) current.delete(id);
    module.profiles = [...current].map((id) => ({ id }));
    if (this.faults.dropAfterUpdate) {
      response.socket?.destroy();
      return;
    }
    if (this.faults.strangeAnswer) return strange(response, this.faults.strangeAnswer);
    json(response, 200, {
      modules: [
        { code: 'SUCCESS', details: { id: module.id }, message: 'module updated successfully', status: 'success' },
      ],
    });
  }

  // ---- control, for tests in other processes (the VS Code host) and for people trying it ----------

  private control(
    path: string,
    method: string,
    query: Record<string, string>,
    body: string,
    response: ServerResponse,
  ): void {
    const input = body ? JSON.parse(body) : {};
    const org = this.orgs[query.org === 'sandbox' ? 'sandbox' : 'production'];
    switch (`${method} ${path}`) {
      case 'GET /__standin/requests':
        return json(response, 200, this.requests);
      case 'DELETE /__standin/requests':
        this.requests.length = 0;
        return json(response, 200, {});
      case 'POST /__standin/faults':
        this.faults = input;
        return json(response, 200, this.faults);
      case 'POST /__standin/expire-access-tokens':
        this.expireAccessTokens();
        return json(response, 200, {});
      case 'GET /__standin/modules':
        return json(response, 200, org.modules);
      // Someone creates a module in Zoho's web UI, behind the editor's back.
      case 'POST /__standin/modules': {
        const id = org.newModuleId();
        org.modules.push({
          id,
          generated_type: 'custom',
          api_name: String(input.api_name),
          plural_label: String(input.plural_label),
          singular_label: String(input.singular_label),
          profiles: [{ id: org.profiles[0].id }],
        });
        return json(response, 200, { id });
      }
      // Someone changes a module's labels in Zoho's web UI (for conflicts).
      case 'PATCH /__standin/modules': {
        const module = org.modules.find((candidate) => candidate.api_name === input.api_name);
        if (!module) return json(response, 404, { message: 'no such module' });
        for (const key of ['plural_label', 'singular_label'] as const)
          if (typeof input[key] === 'string') module[key] = input[key];
        module.modified_time = zohoTime();
        return json(response, 200, module);
      }
      // Someone changes a field in Zoho's web UI (for conflicts): its label, its length.
      case 'PATCH /__standin/fields': {
        const field = org.fields.list(String(input.module)).find((candidate) => candidate.api_name === input.api_name);
        if (!field) return json(response, 404, { message: 'no such field' });
        if (typeof input.field_label === 'string') field.field_label = input.field_label;
        if (typeof input.length === 'number') field.length = input.length;
        field.modified_time = zohoTime();
        return json(response, 200, field);
      }
      // Someone deletes a module in Zoho's web UI (the API has no delete).
      case 'DELETE /__standin/modules':
        this.deleteModule(query.api_name ?? '', org);
        return json(response, 200, {});
      // Which org the next browser consent picks, as a person would choose on Zoho's consent page.
      case 'POST /__standin/consent-org':
        this.consentOrg = org.name;
        return json(response, 200, { org: org.name });
      case 'GET /__standin/refresh-tokens':
        return json(
          response,
          200,
          [...this.refreshTokens.entries()].map(([token, value]) => ({ token, ...value })),
        );
      // Every secret it ever handed out, so tests can prove none of them leaked anywhere.
      case 'GET /__standin/issued-secrets':
        return json(response, 200, {
          refreshTokens: [...this.refreshTokens.keys()],
          accessTokens: [...this.issuedAccessTokens],
          grantCodes: [...this.grants.keys()],
        });
      case 'GET /__standin/self-client-code':
      case 'POST /__standin/self-client-code': {
        const clientId = input.client_id ?? query.client_id ?? DEMO_CLIENT.clientId;
        const scope = String(
          input.scope ??
            query.scope ??
            'ZohoCRM.settings.modules.ALL,ZohoCRM.settings.fields.ALL,ZohoCRM.settings.profiles.READ,ZohoCRM.org.READ',
        ).split(',');
        try {
          return json(response, 200, {
            code: this.issueSelfClientCode(clientId, scope, org.name),
            expires_in: GRANT_LIFETIME_MS / 1000,
          });
        } catch (error) {
          return json(response, 400, { error: String(error) });
        }
      }
      default:
        return json(response, 404, { error: 'unknown control endpoint' });
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Zoho's answer to a token without the scope the call needs. */
function scopeMismatch(response: ServerResponse): void {
  json(response, 401, {
    code: 'OAUTH_SCOPE_MISMATCH',
    details: {},
    message: 'invalid oauth scope to access this URL',
    status: 'error',
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' });
  response.end(JSON.stringify(body));
}

function strange(response: ServerResponse, answer: { status: number; body: string }): void {
  let isJson = true;
  try {
    JSON.parse(answer.body);
  } catch {
    isJson = false;
  }
  response.writeHead(answer.status, { 'Content-Type': isJson ? 'application/json;charset=UTF-8' : 'text/plain' });
  response.end(answer.body);
}

function html(response: ServerResponse, status: number, title: string, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html' });
  response.end(`<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`);
}

function redirect(response: ServerResponse, target: string, params: Record<string, string | undefined>): void {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  response.writeHead(302, { Location: url.toString() });
  response.end();
}
