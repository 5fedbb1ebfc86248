/**
 * One axios instance per use, never throwing on an HTTP status (callers read the body), and bounded: an
 * answer must arrive whole within the deadline and be at most MAX_ANSWER_BYTES after decompression, so a
 * server that trickles or floods cannot hang the CLI or fill the extension host's memory.
 */
import axios, { AxiosInstance } from 'axios';
import { version } from '../../package.json';
import { messageOf } from './errors';

export interface HttpOptions {
  /** The whole exchange, from connecting to the answer's last byte. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** Far above any metadata answer (300 modules, 500 profiles: well under 1 MB), far below a memory problem. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export function createHttp(options: HttpOptions = {}): AxiosInstance {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const http = axios.create({
    // axios's own timeout restarts with every byte (a trickle never ends it); the signal below is the deadline.
    timeout: timeoutMs,
    validateStatus: () => true,
    // Zoho answers JSON; keep the raw text so an HTML error page can be recognised and reported.
    responseType: 'text',
    transformResponse: [(data) => data],
    // Send bodies byte for byte: axios would otherwise trim a JSON string (dropping the file's final newline).
    transformRequest: [(data) => data],
    // Counted after decompression, so a small gzip bomb is stopped too.
    maxContentLength: MAX_ANSWER_BYTES,
    maxBodyLength: MAX_ANSWER_BYTES,
    maxRedirects: 0,
    proxy: false,
    headers: { 'User-Agent': `zoho-crm-modules/${version}` },
  });
  http.interceptors.request.use((config) => {
    config.signal ??= AbortSignal.timeout(timeoutMs);
    return config;
  });
  return http;
}

export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Was the request possibly received by the server? Only errors before any byte was sent are safe to retry. */
export function failedBeforeSending(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'ERR_INVALID_URL' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH'
  );
}

/** Why a request got no (complete) answer, as the end of a sentence: "the connection was refused. Is …?" */
export function networkReason(error: unknown): string {
  const { code, message, config } = error as { code?: string; message?: string; config?: { timeout?: number } };
  const seconds = config?.timeout
    ? ` (${(config.timeout / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s)`
    : '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused. Is the URL right, and is the server up?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved. Are you online?';
    case 'ECONNABORTED':
    case 'ETIMEDOUT':
      return `no answer in time${seconds}.`;
    // The deadline: no answer, or one that trickled, did not arrive whole in time.
    case 'ERR_CANCELED':
      return `no answer in time: the whole answer must arrive within the deadline${seconds}.`;
    case 'ECONNRESET':
      return 'the connection was dropped.';
    case 'ERR_BAD_RESPONSE':
      if (/maxContentLength/.test(message ?? ''))
        return `the answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, more than any Zoho metadata answer, so it was not read further.`;
      return `the answer could not be read (${message ?? code}).`;
    default:
      return `${code ?? messageOf(error)}.`;
  }
}

/** `what`, then why the request got no (complete) answer. */
export function networkErrorMessage(error: unknown, what: string): string {
  return `${what}: ${networkReason(error)}`;
}
