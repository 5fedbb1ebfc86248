/**
 * Where a secret may be sent: an https URL, or plain http to this machine only (the local stand-in, a
 * proxy on loopback). Checked where a URL enters (a setting, a variable, Zoho's token answer), naming it,
 * and again just before a request, so no path around the edge sends a token in clear text.
 */
import { ZohoError } from './errors';

/** 127.0.0.0/8, ::1 and localhost: nothing on the network sees this traffic. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The base URL to send to, as `scheme://host[:port][/path]` without a trailing slash (a path is kept: a
 * proxy may serve Zoho below one). `source` names where the value came from: the setting or variable.
 */
export function checkedServerUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ZohoError(
      `${source} is not a URL (${JSON.stringify(withoutUserInfo(value))}): give one such as https://accounts.zoho.com.`,
      'config',
    );
  }
  if (url.username || url.password) {
    throw new ZohoError(
      `${source} must not carry a user name or password (${url.protocol}//…@${url.host}): Zoho signs in with OAuth tokens only.`,
      'config',
    );
  }
  if (url.search || url.hash)
    throw new ZohoError(`${source} must not have a query or fragment (${url.origin}${url.pathname}…).`, 'config');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ZohoError(
      url.protocol === 'http:'
        ? `${source} is plain http to ${url.host}: tokens and the client secret would cross the network unencrypted. Use https (plain http is allowed to this machine only: 127.0.0.1, localhost).`
        : `${source} must be an https URL, not ${url.protocol}.`,
      'config',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `base` + an absolute path: `https://proxy/zoho` + `/oauth/v2/token`, never dropping the base's path. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** A URL as it may be shown: any `user:password@` removed. */
export function withoutUserInfo(text: string): string {
  return text.replace(/(\/\/)[^/@\s]*@/g, '$1');
}
