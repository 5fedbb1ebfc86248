/**
 * The browser sign-in's redirect target: listens on 127.0.0.1 only, accepts one callback whose `state`
 * matches, then closes. Gives up after a timeout or when cancelled.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { ZohoError } from './errors';

export interface CallbackResult {
  code: string;
  /** The user's data center, as Zoho says (us, eu, in, …). */
  location?: string;
  /** The accounts server of the user's data center: the code must be exchanged there. */
  accountsServer?: string;
}

export interface Loopback {
  redirectUri: string;
  result: Promise<CallbackResult>;
  close(): void;
}

export const CALLBACK_PATH = '/callback';
export const SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000;

export function startLoopback(options: {
  port: number;
  expectedState: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<Loopback> {
  return new Promise((resolveStart, rejectStart) => {
    let settle: { resolve: (result: CallbackResult) => void; reject: (error: Error) => void };
    const result = new Promise<CallbackResult>((resolve, reject) => {
      settle = { resolve, reject };
    });
    result.catch(() => {}); // the caller awaits it; avoid an unhandled rejection when it never does
    let done = false;
    const server: Server = createServer((request, response) => handle(request, response));
    const timer = setTimeout(
      () =>
        finish(
          new ZohoError('Sign-in timed out: no answer came back from the browser within 5 minutes. Try again.', 'auth'),
        ),
      options.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
    );
    const onAbort = () => finish(new ZohoError('Sign-in cancelled.', 'auth'));
    options.signal?.addEventListener('abort', onAbort);

    function finish(outcome: CallbackResult | Error): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.close();
      server.closeAllConnections?.();
      if (outcome instanceof Error) settle.reject(outcome);
      else settle.resolve(outcome);
    }

    function handle(request: IncomingMessage, response: ServerResponse): void {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      const params = url.searchParams;
      if (params.get('state') !== options.expectedState) {
        page(
          response,
          400,
          'Sign-in refused',
          'This answer did not carry the state VS Code sent, so it was not trusted. Start the sign-in again from VS Code.',
        );
        finish(
          new ZohoError(
            "Sign-in refused: the answer from the browser did not carry the state VS Code sent (a stale tab, or someone else's link). Try again.",
            'auth',
          ),
        );
        return;
      }
      const error = params.get('error');
      if (error) {
        page(response, 400, 'Sign-in failed', `Zoho answered: ${error}. You can close this tab.`);
        finish(
          new ZohoError(
            error === 'access_denied'
              ? "Sign-in cancelled in Zoho's consent page."
              : `Zoho answered the sign-in with "${error}".`,
            'auth',
            error,
          ),
        );
        return;
      }
      const code = params.get('code');
      if (!code) {
        page(response, 400, 'Sign-in failed', 'The answer carried no code. Start the sign-in again from VS Code.');
        finish(new ZohoError("Sign-in failed: Zoho's answer carried no code.", 'auth'));
        return;
      }
      page(response, 200, 'Signed in to Zoho CRM', 'You can close this tab and go back to VS Code.');
      finish({
        code,
        location: params.get('location') ?? undefined,
        accountsServer: params.get('accounts-server') ?? undefined,
      });
    }

    server.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      rejectStart(
        new ZohoError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on 127.0.0.1 is in use, so the sign-in cannot receive Zoho's answer. Close what uses it, or change the setting zohoCrm.oauth.redirectPort (and the redirect URI registered in the Zoho API console).`
            : `Could not listen on 127.0.0.1:${options.port} for the sign-in: ${error.message}`,
          'network',
        ),
      );
    });
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolveStart({
        redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
        result,
        close: () => finish(new ZohoError('Sign-in cancelled.', 'auth')),
      });
    });
  });
}

function page(response: ServerResponse, status: number, title: string, text: string): void {
  const escape = (value: string) =>
    value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  response.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body style="font-family:sans-serif;margin:3em"><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`,
  );
}
