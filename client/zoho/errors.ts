/** Errors with a message a person understands; the technical detail goes to the log. */

export type ZohoFailureKind =
  | 'auth' // sign in again: the refresh token is revoked, expired or the client is wrong
  | 'throttled' // too many requests: wait
  | 'network' // no answer: offline, DNS, refused, timed out before sending
  | 'server' // Zoho answered 5xx or something that is not JSON
  | 'request' // Zoho rejected the request itself
  | 'config' // a setting or variable is unsafe or malformed: nothing was sent
  | 'answer'; // Zoho's answer is not what its documentation shows (shape, types, names)

export class ZohoError extends Error {
  constructor(
    message: string,
    readonly kind: ZohoFailureKind,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ZohoError';
  }
}

/** The accounts server's `error` values, in words. */
export function describeAccountsError(error: string, description?: string): { message: string; kind: ZohoFailureKind } {
  switch (error) {
    case 'invalid_code':
      return {
        kind: 'auth',
        message:
          'Zoho did not accept the code or token: a grant code is valid for a few minutes and once only, and a refresh token stops working when it is revoked. Sign in again.',
      };
    case 'invalid_client':
      return {
        kind: 'auth',
        message:
          'Zoho does not know this client id, or the client secret does not match it. Check both in the Zoho API console of your data center.',
      };
    case 'invalid_client_secret':
      return {
        kind: 'auth',
        message: 'The client secret does not match the client id. Copy it again from the Zoho API console.',
      };
    case 'invalid_redirect_uri':
      return {
        kind: 'auth',
        message:
          'The redirect URI is not the one registered for this client in the Zoho API console. Register http://127.0.0.1:<port>/callback with the port of the setting zohoCrm.oauth.redirectPort.',
      };
    case 'access_denied':
      return { kind: 'auth', message: "Access was denied in Zoho's consent page." };
    case 'Access Denied':
      return {
        kind: 'throttled',
        message: `Zoho's accounts server refused: too many requests in a short time. Wait a few minutes and try again.${description ? ` (${description})` : ''}`,
      };
    default:
      return {
        kind: 'auth',
        message: `Zoho's accounts server answered "${error}"${description ? `: ${description}` : ''}.`,
      };
  }
}

/** The message of anything thrown, for logs and notifications. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The user's sentence for any failure, the one way the client side turns an error into words: a ZohoError
 * already is one (Zoho's words, or ours about Zoho); anything else is "<what> failed: <its message>".
 */
export function errorSentence(error: unknown, what: string): string {
  return error instanceof ZohoError ? error.message : `${what} failed: ${messageOf(error)}`;
}
