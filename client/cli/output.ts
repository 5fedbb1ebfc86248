/** How the CLI prints an outcome: JSON or a line, and Zoho's refusal at the file's lines. */
import { Finding, LineIndex } from '@crm/languageservice';
import { describeApiError, locateError, ZohoErrorEntry } from '@crm/zoho';

import { toProblem } from './lint';

import type { Io } from './io';

export type Format = 'text' | 'json';

export const printer = (io: Io, format: Format) => (value: unknown, text: string) =>
  io.out(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

/** Zoho's errors as `file:line:col error CODE message` (or JSON), then the summary; the exit code 1. */
export function printRejection(
  io: Io,
  format: Format,
  file: string,
  text: string,
  rejection: { errors: ZohoErrorEntry[]; status: number; message: string },
): 1 {
  const lines = new LineIndex(text);
  const problems = rejection.errors.map((error) => {
    const { line, column } = lines.position(locateError(text, error).offset);
    return { line, column, code: error.code, message: describeApiError(error), details: error.details };
  });
  if (format === 'json')
    printer(io, format)(
      { status: 'rejected', httpStatus: rejection.status, message: rejection.message, problems, file },
      '',
    );
  else
    io.out(
      `${[...problems.map((p) => `${file}:${p.line}:${p.column} error ${p.code} ${p.message}`), rejection.message].join('\n')}\n`,
    );
  return 1;
}

/** The org's findings that stopped a send, as `file:line:col error CODE message` (or JSON); the exit code 1. */
export function printOrgProblems(io: Io, format: Format, file: string, text: string, findings: Finding[]): 1 {
  const lines = new LineIndex(text);
  const problems = findings.map((finding) => toProblem(lines, finding));
  const message = `${file} has ${findings.length} problem${findings.length === 1 ? '' : 's'} with the org's data that Zoho would refuse; nothing was sent.`;
  if (format === 'json') printer(io, format)({ status: 'blocked', message, problems, file }, '');
  else
    io.out(
      `${[...problems.map((p) => `${file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`), message].join('\n')}\n`,
    );
  return 1;
}
