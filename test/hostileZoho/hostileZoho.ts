/**
 * A Zoho that attacks its client, for the safety tests (the polite one is zohoStandIn). The accounts
 * server answers a refresh with a token and `api_domain` pointing back here, unless a test scripts it;
 * every other answer is whatever the test scripts: echo what was received, trickle, flood, a gzip bomb,
 * a redirect, odd types, control characters. Listens on 127.0.0.1 only; streams stop by themselves.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** How one request is answered; `received` is that request. */
export type Behaviour = (response: ServerResponse, received: Received, server: HostileZoho) => void | Promise<void>;

export const ACCESS_TOKEN = '1000.hostileaccesstoken0123456789abcdef.0123456789abcdef0123';

export class HostileZoho {
  readonly received: Received[] = [];
  /** Scripted answers: the first whose path test matches answers. */
  routes: { path: RegExp; behaviour: Behaviour }[] = [];
  /** Bytes written by the streaming behaviours, to show a client stopped reading. */
  bytesStreamed = 0;
  private server?: Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  on(path: RegExp, behaviour: Behaviour): this {
    this.routes.push({ path, behaviour });
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Counts as CRM requests: anything outside the accounts server's paths. */
  crmRequests(): Received[] {
    return this.received.filter((request) => !request.path.includes('/oauth/'));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const received = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.received.push(received);
    const route = this.routes.find((candidate) => candidate.path.test(received.path));
    if (route) return route.behaviour(response, received, this);
    if (received.path.endsWith('/oauth/v2/token'))
      return json(200, { access_token: ACCESS_TOKEN, api_domain: this.url, token_type: 'Bearer', expires_in: 3600 })(
        response,
        received,
        this,
      );
    return json(404, { code: 'INVALID_URL_PATTERN', message: 'no such route here', status: 'error', details: {} })(
      response,
      received,
      this,
    );
  }

  /** Repeats `write` every `everyMs` until it returns false or the client goes; bounded by `limit` writes. */
  stream(response: ServerResponse, everyMs: number, limit: number, write: () => boolean): void {
    let count = 0;
    const timer = setInterval(() => {
      if (response.destroyed || response.writableEnded || ++count > limit || !write()) {
        clearInterval(timer);
        this.timers.delete(timer);
        if (!response.writableEnded && !response.destroyed) response.end();
      }
    }, everyMs);
    this.timers.add(timer);
    response.on('close', () => {
      clearInterval(timer);
      this.timers.delete(timer);
    });
  }
}

export const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): Behaviour =>
  (response) => {
    response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
    response.end(JSON.stringify(value));
  };

/** Answers with the request it received inside Zoho's error shape: secrets sent are secrets echoed. */
export const echoError =
  (status: number, where: 'token' | 'crm'): Behaviour =>
  (response, received, server) => {
    const echoed = `${received.body} ${JSON.stringify(received.headers)}`;
    const answer =
      where === 'token'
        ? { error: 'invalid_request', error_description: `You sent ${echoed}` }
        : {
            code: 'INVALID_DATA',
            message: `you sent ${echoed}`,
            status: 'error',
            details: {
              json_path: '$.modules[0].api_name',
              sent: echoed,
              authorization: received.headers.authorization,
            },
          };
    return json(status, answer)(response, received, server);
  };

/** Headers at once, then one byte every `everyMs`: a client with an idle timeout only waits forever. */
export const trickle =
  (everyMs: number): Behaviour =>
  (response, _received, server) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{');
    server.stream(response, everyMs, 10_000, () => {
      server.bytesStreamed++;
      return response.write(' ');
    });
  };

/** An endless body (bounded at `limitBytes`), written as fast as the client reads. */
export const flood =
  (limitBytes: number): Behaviour =>
  (response, _received, server) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    response.write('{"profiles": [');
    const pump = () => {
      while (server.bytesStreamed < limitBytes && !response.destroyed) {
        server.bytesStreamed += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end(']}');
    };
    pump();
  };

let bombMember: Buffer | undefined;

/** A gzip body of about `members` × 64 KB that inflates to `members` × 64 MB (zeros compress 1,000 to 1). */
export const gzipBomb =
  (members: number): Behaviour =>
  (response, _received, server) => {
    bombMember ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    let sent = 0;
    const pump = () => {
      while (sent < members && !response.destroyed) {
        sent++;
        server.bytesStreamed += bombMember!.length;
        if (!response.write(bombMember)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };

export const redirect =
  (status: number, location: string): Behaviour =>
  (response) => {
    response.writeHead(status, { Location: location });
    response.end();
  };
