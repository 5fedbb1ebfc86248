/** The CLI's way into an org: credentials from the environment, the API host from the token answer. */
import { ApiVersion, DEFAULT_API_VERSION, oneLine } from '@crm/languageservice';
import {
  checkedServerUrl,
  createHttp,
  CrmClient,
  DEFAULT_TIMEOUT_MS,
  Logger,
  OAuthClient,
  OrgSummary,
  Redactor,
  TokenManager,
  ZohoError,
} from '@crm/zoho';

import * as path from 'node:path';
import { ENVIRONMENTS_FILE, NamedEnvironment, readEnvironment } from './environments';
import type { Io } from './io';

export const ENVIRONMENT_HELP = `Reads ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_ACCOUNTS_URL (default
https://accounts.zoho.com) and ZOHO_API_DOMAIN (default: the api_domain of the token answer); both
https, or http to this machine only. ZOHO_TIMEOUT_SECONDS bounds each request, start to last byte
(default 60). ZOHO_VERBOSE=1 logs each request and a summary of its answer, ZOHO_VERBOSE=2 their whole bodies too (secrets redacted).
With --env <name>, the entry of crm-environments.json (or --environments <file>, or ZOHO_ENVIRONMENTS_FILE)
gives the org instead: {"environments": {"production": {"dataCenter": "us", "environment": "production",
"secrets": {"clientId": "ZOHO_PROD_CLIENT_ID", "clientSecret": "ZOHO_PROD_CLIENT_SECRET", "refreshToken":
"ZOHO_PROD_REFRESH_TOKEN"}, "profiles": {"Sandbox name": "Production name"}}}}: names of variables, never
their values (a file holding a secret is refused); ZOHO_ACCOUNTS_URL and ZOHO_API_DOMAIN still override.`;

export interface Connected {
  client: CrmClient;
  log: Logger;
  /** How messages name the org: its environment's name and API host (the CLI does not ask for the org's name). */
  label: string;
  /** The environments file's entry, when --env named one (its profile renames). */
  environment?: NamedEnvironment;
}

/**
 * A client for the org of ZOHO_REFRESH_TOKEN, or of the environments file's entry --env names (its secrets from
 * the variables it names), or the exit code after saying what is missing.
 */
export async function connectFromEnvironment(io: Io): Promise<Connected | number> {
  let environment: NamedEnvironment | undefined;
  if (io.environment !== undefined) {
    const file = path.resolve(io.environmentsFile ?? (io.env.ZOHO_ENVIRONMENTS_FILE || ENVIRONMENTS_FILE));
    const read = readEnvironment(file, io.environment);
    if ('error' in read) {
      io.err(`crm-module: ${read.error}\n`);
      return 2;
    }
    environment = read;
  }
  const variables = environment?.variables ?? {
    clientId: 'ZOHO_CLIENT_ID',
    clientSecret: 'ZOHO_CLIENT_SECRET',
    refreshToken: 'ZOHO_REFRESH_TOKEN',
  };
  // Whatever variables hold the secrets, they never reach the terminal.
  io.redactor?.add(io.env[variables.clientSecret]);
  io.redactor?.add(io.env[variables.refreshToken]);
  const missing = Object.values(variables).filter((name) => !io.env[name]);
  if (missing.length) {
    io.err(
      `Set ${missing.join(', ')} in the environment (${environment ? `named by the environment ${environment.name}` : 'see crm-module --help'}).\n`,
    );
    return 2;
  }
  const timeoutMs = timeoutFrom(io.env.ZOHO_TIMEOUT_SECONDS);
  if (timeoutMs === undefined) {
    io.err(
      `ZOHO_TIMEOUT_SECONDS takes a number of seconds from 1 to 3600, not ${JSON.stringify(io.env.ZOHO_TIMEOUT_SECONDS)}.\n`,
    );
    return 2;
  }
  let accountsServer: string;
  let apiDomain: string | undefined;
  try {
    accountsServer = checkedServerUrl(
      io.env.ZOHO_ACCOUNTS_URL || environment?.accountsUrl || 'https://accounts.zoho.com',
      'ZOHO_ACCOUNTS_URL',
    );
    apiDomain = io.env.ZOHO_API_DOMAIN
      ? checkedServerUrl(io.env.ZOHO_API_DOMAIN, 'ZOHO_API_DOMAIN')
      : environment?.apiDomain;
  } catch (error) {
    if (!(error instanceof ZohoError)) throw error;
    io.err(`${error.message}\n`);
    return 2;
  }
  // 1: each request and a summary of its answer; 2: their whole bodies too.
  const verbosity = io.env.ZOHO_VERBOSE === '2' ? 2 : io.env.ZOHO_VERBOSE === '1' ? 1 : 0;
  const log = new Logger(
    {
      info: (m) => verbosity >= 1 && io.err(`${m}\n`),
      warn: (m) => io.err(`${m}\n`),
      error: (m) => io.err(`${m}\n`),
      trace: (m) => verbosity >= 2 && io.err(`${m}\n`),
    },
    io.redactor ?? new Redactor(),
  );
  const credentials = {
    clientId: io.env[variables.clientId]!,
    clientSecret: io.env[variables.clientSecret]!,
    refreshToken: io.env[variables.refreshToken]!,
    accountsServer,
  };
  const oauth = new OAuthClient(createHttp({ timeoutMs }), log);
  const tokens = new TokenManager(credentials, oauth, log);
  if (!apiDomain) {
    // The token answer names the org's API host; one refresh gives both.
    const answer = await oauth.refresh(credentials);
    tokens.seed(answer.accessToken, answer.expiresAt);
    apiDomain = answer.apiDomain
      ? checkedServerUrl(answer.apiDomain, "The api_domain of Zoho's token answer")
      : 'https://www.zohoapis.com';
  }
  return {
    client: new CrmClient(apiDomain, tokens, log, createHttp({ timeoutMs }), io.apiVersion),
    log,
    label: environment ? `${oneLine(environment.name, 40)} (${new URL(apiDomain).host})` : new URL(apiDomain).host,
    environment,
  };
}

/** ZOHO_TIMEOUT_SECONDS in milliseconds (the default when unset); undefined when it is not a sensible number. */
function timeoutFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return DEFAULT_TIMEOUT_MS;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : undefined;
}

/** The org's name and host ("Zylker (www.zohoapis.com)"), or the host when the sign-in cannot read the org. */
export async function orgName(connected: Connected): Promise<string> {
  const org = await connected.client.org().catch(() => undefined);
  return org?.company_name ? `${oneLine(org.company_name, 60)} (${connected.label})` : connected.label;
}

/**
 * A create in a production org (see orgKind) goes out only with --yes, or after a "y" at a terminal: a pipeline
 * must say it means production. Sandbox and developer orgs (Zoho's GET /org says which) need neither.
 */
export async function allowedInProduction(
  connected: Connected,
  yes: boolean,
  org: OrgSummary | undefined,
  action: string,
  subject: string,
  io: Io,
): Promise<boolean> {
  if (yes) return true;
  const name = org?.company_name ? `${oneLine(org.company_name, 60)} (${connected.label})` : connected.label;
  const question = org
    ? `${name} is a production org`
    : `The type of ${name} could not be read (ZohoCRM.org.READ), so it may be production`;
  if (io.ask)
    return /^y(es)?$/i.test(
      (await io.ask(`${question}. ${action[0].toUpperCase()}${action.slice(1)} ${subject} there? [y/N] `)).trim(),
    );
  io.err(`${question}: nothing was sent. Add --yes to ${action} ${subject} there.\n`);
  return false;
}

/** The org (GET /org) and whether it is, or may be, production: unread, it may be. */
export async function orgKind(connected: Connected): Promise<{ org: OrgSummary | undefined; production: boolean }> {
  const org = await connected.client.org().catch(() => undefined);
  return { org, production: !org?.type || org.type === 'production' };
}

/** The API version the CLI was asked for (main parsed it). */
export function rulesVersion(io: Io): ApiVersion {
  return io.apiVersion ?? DEFAULT_API_VERSION;
}
