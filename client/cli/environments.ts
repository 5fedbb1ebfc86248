/**
 * The environments file (`crm-environments.json`): per named org, the settings that are not secret (data
 * center, environment, API host), the names of the environment variables holding its secrets, and profile
 * renames for promotion. A file from a repository never decides where a secret goes: hosts must be Zoho's own
 * (the user's ZOHO_ACCOUNTS_URL / ZOHO_API_DOMAIN still override them), and the variables it names must start
 * with ZOHO_, so a stranger's file cannot send another tool's secret anywhere. A file holding a secret is
 * refused whole, without repeating it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { oneLine } from '@crm/languageservice';
import { dataCenter, DATA_CENTERS, dataCenterOfUrl, Environment, messageOf, redactPatterns } from '@crm/zoho';

export const ENVIRONMENTS_FILE = 'crm-environments.json';
const MAX_BYTES = 256 * 1024;
const VARIABLE = /^ZOHO_[A-Z0-9_]{1,60}$/;
/** Shaped like a variable's name (refused later when not ZOHO_); anything else under "secrets" is a value. */
const NAME_LIKE = /^[A-Z][A-Z0-9_]{0,80}$/;
const SECRET_KEYS = ['clientId', 'clientSecret', 'refreshToken'] as const;
/** Keys that hold a secret's value wherever they appear (the file names variables, under "secrets"). */
const SECRET_NAMES =
  /^(client_?secret|refresh_?token|access_?token|grant_?code|code|token|password|secret|ZOHO_CLIENT_SECRET|ZOHO_REFRESH_TOKEN)$/i;

/** One named org of the file, resolved: where to sign in, where to send, and the secrets' variable names. */
export interface NamedEnvironment {
  name: string;
  accountsUrl: string;
  /** Zoho's API host for the org, when the file's settings name one (else the token answer's). */
  apiDomain?: string;
  variables: Record<(typeof SECRET_KEYS)[number], string>;
  /** Profile names that differ in this org: another org's name → this org's. */
  profiles: Record<string, string>;
}

/** The file's entry `name`, checked; a sentence saying what is wrong (and that nothing was sent) otherwise. */
export function readEnvironment(file: string, name: string): NamedEnvironment | { error: string } {
  const shown = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      error: `${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? messageOf(error)}): --env names an entry of it.`,
    };
  }
  if (text.length > MAX_BYTES)
    return { error: `${shown} is larger than ${MAX_BYTES >> 10} KB: it is not an environments file.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: `${shown} is not JSON.` };
  }
  const secret = secretIn(value, []);
  if (secret)
    return {
      error: `${shown} holds a secret at ${secret}: the file names environment variables only (like "refreshToken": "ZOHO_PRODUCTION_REFRESH_TOKEN"), never their values. Nothing was read or sent. Remove it from the file, and revoke it in Zoho's API console: it may be in your history.`,
    };
  const environments = record(record(value)?.environments);
  if (!environments) return { error: `${shown} has no "environments": {"<name>": {…}}.` };
  const entry = Object.prototype.hasOwnProperty.call(environments, name) ? record(environments[name]) : undefined;
  if (!entry)
    return {
      error: `${shown} has no environment ${JSON.stringify(oneLine(name, 40))}. It has: ${
        Object.keys(environments)
          .map((key) => oneLine(key, 40))
          .join(', ') || 'none'
      }.`,
    };
  const at = (key: string) => `${shown}: environments.${oneLine(name, 40)}.${key}`;
  const center = DATA_CENTERS.find((candidate) => candidate.id === String(entry.dataCenter ?? 'us').toLowerCase());
  if (!center)
    return {
      error: `${at('dataCenter')} takes one of ${DATA_CENTERS.map((candidate) => candidate.id).join(', ')}.`,
    };
  const environment = String(entry.environment ?? 'production') as Environment;
  if (!['production', 'sandbox', 'developer'].includes(environment))
    return { error: `${at('environment')} takes production, sandbox or developer.` };
  // Named, the environment picks Zoho's host for it; unnamed, the token answer's api_domain says where the org is.
  let apiDomain = entry.environment === undefined ? undefined : dataCenter(center.id).apiDomains[environment];
  if (entry.apiDomain !== undefined) {
    // Only one of Zoho's hosts: a repository's file must not send the token anywhere else.
    const given = String(entry.apiDomain);
    if (!/^https:\/\//.test(given) || dataCenterOfUrl(given)?.id !== center.id)
      return { error: `${at('apiDomain')} must be one of Zoho's API hosts for the ${center.id} data center.` };
    apiDomain = given.replace(/\/+$/, '');
  }
  const secrets = record(entry.secrets);
  if (!secrets)
    return { error: `${at('secrets')} names the variables of its clientId, clientSecret and refreshToken.` };
  const variables = {} as NamedEnvironment['variables'];
  for (const key of SECRET_KEYS) {
    const variable = secrets[key];
    if (typeof variable !== 'string' || !VARIABLE.test(variable))
      return {
        error: `${at(`secrets.${key}`)} names an environment variable starting with ZOHO_ (like ZOHO_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}).`,
      };
    variables[key] = variable;
  }
  const profiles: Record<string, string> = {};
  const renames = entry.profiles === undefined ? {} : record(entry.profiles);
  if (!renames) return { error: `${at('profiles')} maps profile names: {"name elsewhere": "name here"}.` };
  for (const [from, to] of Object.entries(renames)) {
    if (typeof to !== 'string' || !to.trim())
      return { error: `${at(`profiles.${oneLine(from, 40)}`)} takes this org's profile name.` };
    profiles[from] = to;
  }
  return { name, accountsUrl: center.accountsUrl, apiDomain, variables, profiles };
}

/** Where a value that looks like a secret sits ("environments.production.secrets.refreshToken"), if any. */
function secretIn(value: unknown, at: string[]): string | undefined {
  if (typeof value === 'string') {
    const inSecrets = at.includes('secrets');
    const looksLikeToken = redactPatterns(value) !== value;
    const underSecretKey = SECRET_NAMES.test(at[at.length - 1] ?? '') && value !== '';
    const valueNotName = inSecrets && !NAME_LIKE.test(value);
    return looksLikeToken || (underSecretKey && !NAME_LIKE.test(value)) || valueNotName ? at.join('.') : undefined;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = secretIn(value[index], [...at, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  const entries = record(value);
  if (!entries) return undefined;
  for (const [key, item] of Object.entries(entries)) {
    const found = secretIn(item, [...at, oneLine(key, 40)]);
    if (found) return found;
  }
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
