/**
 * Parses a module file the way Zoho reads it: strict JSON. Comments and trailing commas are reported
 * (with fixes) but tolerated while building the tree, so every other problem is still found in one pass.
 */
import { createScanner, parseTree, Node, ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { Finding, Fix, OWN_CODES } from './types';

export interface ParsedDocument {
  text: string;
  /** Undefined for an empty file or one nested too deeply to read safely. */
  root: Node | undefined;
  syntaxFindings: Finding[];
}

/** Module bodies are five levels deep; anything past this is not a module file, and recursion must stop. */
export const MAX_DEPTH = 256;
/** Garbage yields an error per character; past this many the rest are summarised in one finding. */
export const MAX_SYNTAX_FINDINGS = 50;

const SYNTAX_CODE = 'INVALID_DATA';

export function parseDocument(text: string): ParsedDocument {
  const findings: Finding[] = [];
  const scan = scanTrivia(text, findings);
  if (scan.tooDeepAt !== undefined) {
    findings.push({
      code: OWN_CODES.tooDeep,
      severity: 'error',
      message: `The JSON is nested more than ${MAX_DEPTH} levels deep here; a Create Custom Module body is only a few levels deep. The rest of the file was not checked.`,
      offset: scan.tooDeepAt,
      length: 1,
      rule: 'syntax-depth',
    });
    return { text, root: undefined, syntaxFindings: findings };
  }
  if (scan.significantTokens === 0) {
    findings.push({
      code: SYNTAX_CODE,
      severity: 'error',
      message:
        'The file holds no JSON. Zoho expects an object such as {"modules": [{"plural_label": …, "singular_label": …, "profiles": [{"id": …}]}]}; the "module" completion writes one.',
      offset: 0,
      length: Math.min(text.length, 1),
      rule: 'syntax-empty',
    });
    return { text, root: undefined, syntaxFindings: findings };
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  let reported = 0;
  for (const error of errors) {
    if (error.error === ParseErrorCode.InvalidCommentToken) continue; // reported by scanTrivia, with a fix
    if (reported === MAX_SYNTAX_FINDINGS) {
      findings.push({
        code: OWN_CODES.tooManyProblems,
        severity: 'error',
        message: `More than ${MAX_SYNTAX_FINDINGS} JSON syntax errors; the rest are not listed. Is this a JSON file?`,
        offset: error.offset,
        length: Math.max(1, error.length),
        rule: 'syntax-too-many',
      });
      break;
    }
    findings.push({
      code: SYNTAX_CODE,
      severity: 'error',
      message: `${describeParseError(error.error)} Zoho accepts strict JSON only.`,
      offset: error.offset,
      length: Math.max(1, error.length),
      rule: 'syntax',
    });
    reported++;
  }
  return { text, root, syntaxFindings: findings };
}

interface TriviaScan {
  significantTokens: number;
  tooDeepAt?: number;
}

/** One pass of the scanner (no recursion, so any size and depth is safe): comments, trailing commas, depth. */
function scanTrivia(text: string, findings: Finding[]): TriviaScan {
  const scanner = createScanner(text, false);
  let depth = 0;
  let significantTokens = 0;
  let lastSignificant: { kind: SyntaxKind; offset: number } | undefined;
  const strays: Finding[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        strays.push(commentFinding(text, offset, scanner.getTokenLength()));
        continue;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (++depth > MAX_DEPTH) return { significantTokens: significantTokens + 1, tooDeepAt: offset };
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth = Math.max(0, depth - 1);
        if (lastSignificant?.kind === SyntaxKind.CommaToken) strays.push(trailingCommaFinding(lastSignificant.offset));
        break;
    }
    significantTokens++;
    lastSignificant = { kind, offset };
  }
  findings.push(...strays);
  return { significantTokens };
}

function commentFinding(text: string, offset: number, length: number): Finding {
  // Remove the whole line when the comment is alone on it, so no blank line is left behind.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = offset + length;
  let start = offset;
  if (text.slice(lineStart, offset).trim() === '') {
    const lineEnd = text.indexOf('\n', end);
    const rest = lineEnd === -1 ? text.slice(end) : text.slice(end, lineEnd);
    if (rest.trim() === '') {
      start = lineStart;
      end = lineEnd === -1 ? text.length : lineEnd + 1;
    }
  } else {
    while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  const fix: Fix = { title: 'Remove this comment', edits: [{ offset: start, length: end - start, newText: '' }], preferred: true };
  return {
    code: SYNTAX_CODE,
    severity: 'error',
    message: 'Comments are not allowed: Zoho accepts strict JSON only. Remove the comment.',
    offset,
    length,
    rule: 'syntax-comment',
    fixes: [fix],
  };
}

function trailingCommaFinding(offset: number): Finding {
  return {
    code: SYNTAX_CODE,
    severity: 'error',
    message: 'Trailing comma: Zoho accepts strict JSON only. Remove the comma.',
    offset,
    length: 1,
    rule: 'syntax-trailing-comma',
    fixes: [{ title: 'Remove the trailing comma', edits: [{ offset, length: 1, newText: '' }], preferred: true }],
  };
}

function describeParseError(code: ParseErrorCode): string {
  switch (code) {
    case ParseErrorCode.InvalidSymbol: return 'Unexpected character.';
    case ParseErrorCode.InvalidNumberFormat: return 'Invalid number.';
    case ParseErrorCode.PropertyNameExpected: return 'A key in double quotes is expected here.';
    case ParseErrorCode.ValueExpected: return 'A value is expected here.';
    case ParseErrorCode.ColonExpected: return 'A colon (:) is expected after the key.';
    case ParseErrorCode.CommaExpected: return 'A comma is expected here.';
    case ParseErrorCode.CloseBraceExpected: return 'A closing brace (}) is expected.';
    case ParseErrorCode.CloseBracketExpected: return 'A closing bracket (]) is expected.';
    case ParseErrorCode.EndOfFileExpected: return 'Only one JSON value is allowed; the file should end here.';
    case ParseErrorCode.UnexpectedEndOfComment: return 'A comment is not closed.';
    case ParseErrorCode.UnexpectedEndOfString: return 'A string is not closed (missing ").';
    case ParseErrorCode.UnexpectedEndOfNumber: return 'A number is cut off.';
    case ParseErrorCode.InvalidUnicode: return 'Invalid \\u escape in a string.';
    case ParseErrorCode.InvalidEscapeCharacter: return 'Invalid escape character in a string.';
    case ParseErrorCode.InvalidCharacter: return 'Invalid character in a string (control characters must be escaped).';
    default: return 'Invalid JSON.';
  }
}
