/** Text in, findings out: the whole check of a module file, shared by the server, the CLI and tests. */
import { reanalyzeEdit } from './incremental';
import { parseDocument, ParsedDocument } from './parse';
import { Finding } from './types';

export interface Analysis {
  parsed: ParsedDocument;
  findings: Finding[];
}

export function analyze(text: string): Analysis {
  const parsed = parseDocument(text);
  const findings = [...parsed.syntaxFindings, ...parsed.ruleFindings].sort((a, b) => a.offset - b.offset);
  return { parsed, findings };
}

/** The analysis of `text`, re-using `previous` when the edit between them allows (see incremental.ts). */
export function reanalyze(previous: Analysis | undefined, text: string): Analysis {
  return (previous && reanalyzeEdit(previous, text)) ?? analyze(text);
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** 1-based line and column of an offset, for the CLI and messages outside an editor. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
