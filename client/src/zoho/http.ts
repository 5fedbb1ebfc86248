/** One axios instance per use, with timeouts, never throwing on an HTTP status (callers read the body). */
import axios, { AxiosInstance } from 'axios';
import { version } from '../../../package.json';
import { messageOf } from './errors';

export interface HttpOptions {
  /** Time to connect and get an answer. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createHttp(options: HttpOptions = {}): AxiosInstance {
  return axios.create({
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    validateStatus: () => true,
    // Zoho answers JSON; keep the raw text so an HTML error page can be recognised and reported.
    responseType: 'text',
    transformResponse: [(data) => data],
    // Send bodies byte for byte: axios would otherwise trim a JSON string (dropping the file's final newline).
    transformRequest: [(data) => data],
    maxRedirects: 0,
    proxy: false,
    headers: { 'User-Agent': `zoho-crm-modules/${version}` },
  });
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
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ERR_INVALID_URL' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH';
}

export function networkErrorMessage(error: unknown, what: string): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED': return `${what}: the connection was refused. Is the URL right, and is the server up?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return `${what}: the host name could not be resolved. Are you online?`;
    case 'ECONNABORTED':
    case 'ETIMEDOUT': return `${what}: no answer in time.`;
    case 'ECONNRESET': return `${what}: the connection was dropped.`;
    default: return `${what}: ${code ?? messageOf(error)}.`;
  }
}
