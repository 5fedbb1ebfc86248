/** Text in, findings out: the whole check of a module file, shared by the server, the CLI and tests. */
import { reanalyzeEdit } from './incremental';
import { parseDocument, ParsedDocument } from './parse';
import { ApiVersion, DEFAULT_API_VERSION } from './schema';
import { Finding } from './types';

export interface Analysis {
  parsed: ParsedDocument;
  findings: Finding[];
}

export function analyze(text: string, apiVersion: ApiVersion = DEFAULT_API_VERSION): Analysis {
  const parsed = parseDocument(text, { apiVersion });
  const findings = [...parsed.syntaxFindings, ...parsed.ruleFindings].sort((a, b) => a.offset - b.offset);
  return { parsed, findings };
}

/** The analysis of `text`, re-using `previous` when the edit between them allows (see incremental.ts). */
export function reanalyze(previous: Analysis | undefined, text: string, apiVersion: ApiVersion = DEFAULT_API_VERSION): Analysis {
  const reusable = previous?.parsed.apiVersion === apiVersion ? previous : undefined;
  return (reusable && reanalyzeEdit(reusable, text)) ?? analyze(text, apiVersion);
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
