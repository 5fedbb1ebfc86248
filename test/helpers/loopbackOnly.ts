/**
 * Loaded first by any test that names a host that is not loopback (`--require` for a child process, an
 * import in process): every name resolves to 127.0.0.1, and a connection to any other address throws.
 * So a test of "http://zoho.example.test is refused" cannot send anything off this machine, even while
 * the code under test is wrong.
 */
import dns from 'node:dns';
import net from 'node:net';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

const loopbackLookup = ((_hostname: string, options: unknown, callback?: LookupCallback) => {
  const done = (typeof options === 'function' ? options : callback) as LookupCallback;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  process.nextTick(() => (all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)));
}) as typeof dns.lookup;
dns.lookup = loopbackLookup;

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const options = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string } | number;
  const host =
    typeof options === 'object' && options !== null ? options.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isPipe = typeof options === 'object' && options !== null && options.path !== undefined;
  if (!isPipe && host && net.isIP(host) && !/^127\./.test(host) && host !== '::1') {
    throw new Error(`test guard: a connection to ${host} was attempted; tests reach 127.0.0.1 only`);
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

export const LOOPBACK_ONLY = __filename;
