/** How the CLI prints an outcome: JSON or a line, and Zoho's refusal at the file's lines. */
import { LineIndex } from '@crm/languageservice';
import { describeApiError, locateError, ZohoErrorEntry } from '@crm/zoho';

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
