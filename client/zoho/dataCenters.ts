/** Zoho's data centers: where to sign in, and which CRM API host each org kind lives on. */

export type Environment = 'production' | 'sandbox' | 'developer';

export interface DataCenter {
  id: string;
  label: string;
  accountsUrl: string;
  /** The CRM web app, for "open in Zoho CRM" links. */
  crmWebUrl: string;
  apiDomains: Record<Environment, string | undefined>;
}

function dc(
  id: string,
  label: string,
  accountsUrl: string,
  tld: string,
  crmWebUrl: string,
  knownApi = true,
): DataCenter {
  return {
    id,
    label,
    accountsUrl,
    crmWebUrl,
    apiDomains: knownApi
      ? {
          production: `https://www.zohoapis.${tld}`,
          sandbox: `https://sandbox.zohoapis.${tld}`,
          developer: `https://developer.zohoapis.${tld}`,
        }
      : { production: undefined, sandbox: undefined, developer: undefined },
  };
}

export const DATA_CENTERS: DataCenter[] = [
  dc('us', 'United States', 'https://accounts.zoho.com', 'com', 'https://crm.zoho.com'),
  dc('eu', 'Europe', 'https://accounts.zoho.eu', 'eu', 'https://crm.zoho.eu'),
  dc('in', 'India', 'https://accounts.zoho.in', 'in', 'https://crm.zoho.in'),
  dc('au', 'Australia', 'https://accounts.zoho.com.au', 'com.au', 'https://crm.zoho.com.au'),
  dc('jp', 'Japan', 'https://accounts.zoho.jp', 'jp', 'https://crm.zoho.jp'),
  dc('cn', 'China', 'https://accounts.zoho.com.cn', 'com.cn', 'https://crm.zoho.com.cn'),
  dc('ca', 'Canada', 'https://accounts.zohocloud.ca', 'ca', 'https://crm.zohocloud.ca'),
  dc('sa', 'Saudi Arabia', 'https://accounts.zoho.sa', 'sa', 'https://crm.zoho.sa'),
  // Zoho has not published the UK CRM API hosts; the token answer's api_domain is used instead.
  dc('uk', 'United Kingdom', 'https://accounts.zoho.uk', 'uk', 'https://crm.zoho.uk', false),
];

export function dataCenter(id: string): DataCenter {
  const found = DATA_CENTERS.find((candidate) => candidate.id === id.toLowerCase());
  if (!found)
    throw new Error(
      `Unknown Zoho data center "${id}". Known: ${DATA_CENTERS.map((candidate) => candidate.id).join(', ')}.`,
    );
  return found;
}

/** Every data center but China signs in at accounts.zoho.com, which moves the user to their own. */
export function authorizeAccountsUrl(dataCenterId: string): string {
  return dataCenterId === 'cn' ? dataCenter('cn').accountsUrl : dataCenter('us').accountsUrl;
}

/** The data center whose accounts server or API host this URL is, if it is one of Zoho's. */
export function dataCenterOfUrl(url: string): DataCenter | undefined {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return undefined;
  }
  return DATA_CENTERS.find(
    (candidate) =>
      new URL(candidate.accountsUrl).host === host ||
      Object.values(candidate.apiDomains).some((api) => api && new URL(api).host === host),
  );
}

export function environmentOfApiDomain(apiDomain: string): Environment {
  const host = (() => {
    try {
      return new URL(apiDomain).host;
    } catch {
      return '';
    }
  })();
  if (host.startsWith('sandbox.')) return 'sandbox';
  if (host.startsWith('developer.')) return 'developer';
  return 'production';
}

/** The token answer names the production host; sandbox and developer orgs live beside it. */
export function apiDomainFor(tokenApiDomain: string, environment: Environment): string {
  if (environment === 'production') return tokenApiDomain;
  return tokenApiDomain.replace(/^https:\/\/www\./, `https://${environment}.`);
}
