/** `crm-module lint`: the editor's rules for pipelines, `file:line:col CODE message` or JSON. */
import { readFileSync } from 'node:fs';
import { decodeFile } from './readText';

import type { Io } from './io';
import { analyze, ApiVersion, DEFAULT_API_VERSION, documentKindOf, Finding, LineIndex } from '@crm/languageservice';

export interface FileReport {
  file: string;
  problems: {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
  }[];
  error?: string;
}

export function lintFile(file: string, apiVersion: ApiVersion = DEFAULT_API_VERSION): FileReport & { text?: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return {
      file,
      problems: [],
      error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  }
  const read = decodeFile(bytes);
  if ('error' in read) return { file, problems: [], error: `${file} ${read.error}` };
  const { text } = read;
  const lines = new LineIndex(text);
  const problems = analyze(text, apiVersion, documentKindOf(file)).findings.map((finding) => toProblem(lines, finding));
  return { file, text, problems };
}

export function toProblem(lines: LineIndex, finding: Finding): FileReport['problems'][number] {
  const start = lines.position(finding.offset);
  const end = lines.position(finding.offset + finding.length);
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  };
}

export function formatReports(reports: FileReport[], format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(reports, null, 2)}\n`;
  const lines: string[] = [];
  for (const report of reports) {
    if (report.error) lines.push(`${report.file}: error ${report.error}`);
    for (const problem of report.problems)
      lines.push(
        `${report.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}`,
      );
  }
  const errors = reports.reduce(
    (sum, report) =>
      sum + report.problems.filter((problem) => problem.severity === 'error').length + (report.error ? 1 : 0),
    0,
  );
  const warnings = reports.reduce(
    (sum, report) => sum + report.problems.filter((problem) => problem.severity === 'warning').length,
    0,
  );
  lines.push(
    `${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

export function reportsFailed(reports: FileReport[]): boolean {
  return reports.some(
    (report) => report.error !== undefined || report.problems.some((problem) => problem.severity === 'error'),
  );
}

/**
 * The file a verb will send, read once and checked by the rules: its text, or the exit code 1 after saying
 * why nothing was sent (unreadable, or errors, printed as lint prints them). A fields file only where
 * `fields` says the verb takes one.
 */
export function readToSend(file: string, format: 'text' | 'json', io: Io, fields = false): string | 1 {
  if (!fields && documentKindOf(file) === 'fields') {
    io.err(`${file} holds fields; this verb takes module files (*.crm-module.json).\n`);
    return 1;
  }
  const { text, ...report } = lintFile(file, io.apiVersion);
  if (report.error || text === undefined) {
    io.err(`${report.error}\n`);
    return 1;
  }
  if (reportsFailed([report])) {
    io.err(`${file} has errors; nothing was sent.\n`);
    io.out(formatReports([report], format));
    return 1;
  }
  return text;
}
