/** Text in, findings out: the whole check of a module file, shared by the server, the CLI and tests. */
import { reanalyzeEdit } from './incremental';
import { parseDocument, ParsedDocument } from './parse';
import { ApiVersion, DEFAULT_API_VERSION } from './apiVersion';
import { OWN_CODES } from './codes';
import { Finding } from './types';
import { DocumentKind } from './documentKind';

export interface Analysis {
  parsed: ParsedDocument;
  findings: Finding[];
}

/** `kind`: the body the file holds (`documentKindOf` its name); a module file unless said. */
export function analyze(
  text: string,
  apiVersion: ApiVersion = DEFAULT_API_VERSION,
  kind: DocumentKind = 'module',
): Analysis {
  const parsed = parseDocument(text, { apiVersion, kind });
  const findings = [...parsed.syntaxFindings, ...parsed.ruleFindings, ...replacementCharacters(text)].sort(
    (a, b) => a.offset - b.offset,
  );
  return { parsed, findings };
}

/** The analysis of `text`, re-using `previous` when the edit between them allows (see incremental.ts). */
export function reanalyze(
  previous: Analysis | undefined,
  text: string,
  apiVersion: ApiVersion = DEFAULT_API_VERSION,
  kind: DocumentKind = 'module',
): Analysis {
  const reusable =
    previous &&
    previous.parsed.apiVersion === apiVersion &&
    previous.parsed.kind === kind &&
    !text.includes(REPLACEMENT) &&
    !previous.parsed.text.includes(REPLACEMENT)
      ? previous
      : undefined;
  return (reusable && reanalyzeEdit(reusable, text)) ?? analyze(text, apiVersion, kind);
}

const REPLACEMENT = '\ufffd';
const MAX_ENCODING_FINDINGS = 20;

/**
 * U+FFFD is what a reader puts where bytes were not valid UTF-8 (VS Code does, and so would any editor):
 * sent, Zoho would keep the mark instead of the text meant. An error in the editor, the server and the CLI
 * alike (the CLI refuses the invalid bytes themselves before this).
 */
function replacementCharacters(text: string): Finding[] {
  const findings: Finding[] = [];
  for (
    let offset = text.indexOf(REPLACEMENT);
    offset !== -1 && findings.length < MAX_ENCODING_FINDINGS;
    offset = text.indexOf(REPLACEMENT, offset + 1)
  ) {
    findings.push({
      code: OWN_CODES.replacementCharacter,
      severity: 'error',
      rule: 'encoding-replacement',
      offset,
      length: 1,
      message:
        'U+FFFD (�) marks bytes that were not valid UTF-8 when the file was read: Zoho would store the mark, not the text meant. Retype it, or reopen the file in its real encoding.',
    });
  }
  return findings;
}
