/**
 * Reads a module file the way Zoho reads it: strict JSON. Comments and trailing commas are reported
 * (with fixes) but tolerated, so every other problem is still found in the same pass.
 */
import { createScanner, Node, parseTree, ParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
import { fastWalk, WalkVisitor } from './walk/fastWalk';
import { OWN_CODES, ZOHO_CODES } from './codes';
import { Finding, Fix } from './types';
import { StringValues } from './rules/stringValues';
import { SchemaValidator } from './rules/validator';
import { ApiVersion, DEFAULT_API_VERSION } from './apiVersion';
import { DocumentKind } from './documentKind';
import { rootSchemaOf } from './schema';

export interface ParsedDocument {
  text: string;
  /** The Zoho CRM API version it was checked for. */
  apiVersion: ApiVersion;
  /** Which body the file holds (a module's, or a module's fields), told by its name. */
  kind: DocumentKind;
  /** The tree, built on first use (completion, hover, outline); undefined for an empty or too deep file. */
  readonly root: Node | undefined;
  syntaxFindings: Finding[];
  /** The schema rules' findings, from the same pass as the syntax. */
  ruleFindings: Finding[];
  /** The string values the rules checked, when the text was well formed (see incremental.ts); handed on to
   * the next analysis when it re-uses this one. */
  strings?: StringValues;
}

/** Module bodies are five levels deep; anything past this is not a module file, and recursion must stop. */
export const MAX_DEPTH = 256;
/** Garbage yields an error per character; past this many the rest are summarised in one finding. */
export const MAX_SYNTAX_FINDINGS = 50;

const SYNTAX_CODE = ZOHO_CODES.invalidData;
const EMPTY_BODY_EXAMPLE: Record<DocumentKind, string> = {
  module: '{"modules": [{"plural_label": …, "singular_label": …, "profiles": [{"id": …}]}]}',
  fields: '{"fields": [{"field_label": …, "data_type": …}]}',
};
const OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/** One pass over the text finds comments, trailing commas, syntax errors and every rule's findings. */
export function parseDocument(
  given: string,
  options: { fastPath?: boolean; apiVersion?: ApiVersion; kind?: DocumentKind } = {},
): ParsedDocument {
  // A byte order mark is the encoding's, not the JSON's (VS Code hides it; other editors may pass it on):
  // read as a space, so every offset stays where it is.
  const text = given.charCodeAt(0) === 0xfeff ? ` ${given.slice(1)}` : given;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const kind = options.kind ?? 'module';
  const document = (text: string, syntax: Finding[], rules: Finding[], hasTree: boolean) =>
    documentOf(text, syntax, rules, hasTree, apiVersion, kind);
  // Well-formed text (the usual case) takes the fast walk; a syntax error re-reads it with jsonc-parser.
  const fast =
    options.fastPath === false ? undefined : readWith(text, apiVersion, kind, (visitor) => fastWalk(text, visitor));
  const result =
    fast ??
    readWith(text, apiVersion, kind, (visitor) => {
      visit(text, visitor, OPTIONS);
      return true;
    })!;
  const { syntax, rules, tooDeepAt } = result;
  if (tooDeepAt !== undefined) {
    return document(
      text,
      [
        {
          code: OWN_CODES.tooDeep,
          severity: 'error',
          rule: 'syntax-depth',
          offset: tooDeepAt,
          length: 1,
          message: `The JSON is nested more than ${MAX_DEPTH} levels deep here; a Create Custom Module body is only a few levels deep. The rest of the file was not checked.`,
        },
      ],
      [],
      false,
    );
  }
  if (!syntax.sawValue) {
    return document(
      text,
      [
        ...syntax.findings.filter((finding) => finding.rule === 'syntax-comment'),
        {
          code: SYNTAX_CODE,
          severity: 'error',
          rule: 'syntax-empty',
          offset: 0,
          length: Math.min(text.length, 1),
          message: `The file holds no JSON. Zoho expects an object such as ${EMPTY_BODY_EXAMPLE[kind]}; a snippet writes one (Ctrl+Space).`,
        },
      ],
      [],
      false,
    );
  }
  const parsed = document(text, syntax.findings, rules.findings, true);
  if (fast && syntax.findings.length === 0) parsed.strings = rules.strings;
  return parsed;
}

type Walk = (visitor: WalkVisitor) => boolean;

/**
 * One walk feeding both collectors. Undefined when the walk gave up (the fast walk at a syntax error).
 * jsonc-parser recurses per level, so a pathological nesting ends its walk with a RangeError: too deep.
 */
function readWith(
  text: string,
  apiVersion: ApiVersion,
  kind: DocumentKind,
  walk: Walk,
): { syntax: SyntaxCollector; rules: SchemaValidator; tooDeepAt?: number } | undefined {
  const syntax = new SyntaxCollector(text);
  const rules = new SchemaValidator(text, apiVersion, rootSchemaOf(kind));
  const ruleVisitor = rules.visitor();
  let depth = 0;
  let tooDeepAt: number | undefined;
  const opened = (offset: number) => {
    if (++depth > MAX_DEPTH && tooDeepAt === undefined) tooDeepAt = offset;
    syntax.significant();
  };
  try {
    const completed = walk({
      onObjectBegin: (offset, length, line, column, path) => {
        opened(offset);
        if (tooDeepAt === undefined) ruleVisitor.onObjectBegin!(offset, length, line, column, path);
      },
      onArrayBegin: (offset, length, line, column, path) => {
        opened(offset);
        if (tooDeepAt === undefined) ruleVisitor.onArrayBegin!(offset, length, line, column, path);
      },
      onObjectEnd: (offset, length, line, column) => {
        depth--;
        syntax.closing();
        ruleVisitor.onObjectEnd!(offset, length, line, column);
      },
      onArrayEnd: (offset, length, line, column) => {
        depth--;
        syntax.closing();
        ruleVisitor.onArrayEnd!(offset, length, line, column);
      },
      onObjectProperty: (name, offset, length, line, column, path) => {
        syntax.significant();
        ruleVisitor.onObjectProperty!(name, offset, length, line, column, path);
      },
      onLiteralValue: (value, offset, length, line, column, path) => {
        syntax.significant();
        ruleVisitor.onLiteralValue!(value, offset, length, line, column, path);
      },
      onSeparator: (character, offset) => syntax.separator(character, offset),
      onComment: (offset, length) => syntax.comment(offset, length),
      onError: (error, offset, length) => syntax.error(error, offset, length),
    });
    if (!completed && tooDeepAt === undefined) return undefined;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    tooDeepAt ??= firstTooDeep(text) ?? 0;
  }
  return { syntax, rules, tooDeepAt };
}

export function documentOf(
  text: string,
  syntaxFindings: Finding[],
  ruleFindings: Finding[],
  hasTree: boolean,
  apiVersion: ApiVersion,
  kind: DocumentKind,
): ParsedDocument {
  let root: Node | undefined;
  let built = !hasTree;
  return {
    text,
    syntaxFindings,
    ruleFindings,
    apiVersion,
    kind,
    get root() {
      if (!built) {
        built = true;
        root = parseTree(text, [], OPTIONS);
      }
      return root;
    },
  };
}

/** Where the nesting first passes MAX_DEPTH, found with the scanner (no recursion); undefined if it never does. */
export function firstTooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Comments, trailing commas and syntax errors, from the parser's events. */
class SyntaxCollector {
  readonly findings: Finding[] = [];
  sawValue = false;
  private pendingComma: number | undefined;
  private errors = 0;

  constructor(private readonly text: string) {}

  significant(): void {
    this.sawValue = true;
    this.pendingComma = undefined;
  }

  closing(): void {
    this.sawValue = true;
    if (this.pendingComma !== undefined) this.findings.push(trailingCommaFinding(this.pendingComma));
    this.pendingComma = undefined;
  }

  separator(character: string, offset: number): void {
    this.sawValue = true;
    this.pendingComma = character === ',' ? offset : undefined;
  }

  comment(offset: number, length: number): void {
    this.findings.push(commentFinding(this.text, offset, length));
  }

  error(code: ParseErrorCode, offset: number, length: number): void {
    this.sawValue = true;
    if (this.errors > MAX_SYNTAX_FINDINGS) return;
    if (this.errors++ === MAX_SYNTAX_FINDINGS) {
      this.findings.push({
        code: OWN_CODES.tooManyProblems,
        severity: 'error',
        rule: 'syntax-too-many',
        offset,
        length: Math.max(1, length),
        message: `More than ${MAX_SYNTAX_FINDINGS} JSON syntax errors; the rest are not listed. Is this a JSON file?`,
      });
      return;
    }
    this.findings.push({
      code: SYNTAX_CODE,
      severity: 'error',
      rule: 'syntax',
      offset,
      length: Math.max(1, length),
      message: `${describeParseError(code)} Zoho accepts strict JSON only.`,
    });
  }
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
  const fix: Fix = {
    title: 'Remove this comment',
    edits: [{ offset: start, length: end - start, newText: '' }],
    preferred: true,
  };
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
    case ParseErrorCode.InvalidSymbol:
      return 'Unexpected character.';
    case ParseErrorCode.InvalidNumberFormat:
      return 'Invalid number.';
    case ParseErrorCode.PropertyNameExpected:
      return 'A key in double quotes is expected here.';
    case ParseErrorCode.ValueExpected:
      return 'A value is expected here.';
    case ParseErrorCode.ColonExpected:
      return 'A colon (:) is expected after the key.';
    case ParseErrorCode.CommaExpected:
      return 'A comma is expected here.';
    case ParseErrorCode.CloseBraceExpected:
      return 'A closing brace (}) is expected.';
    case ParseErrorCode.CloseBracketExpected:
      return 'A closing bracket (]) is expected.';
    case ParseErrorCode.EndOfFileExpected:
      return 'Only one JSON value is allowed; the file should end here.';
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'A comment is not closed.';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'A string is not closed (missing ").';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'A number is cut off.';
    case ParseErrorCode.InvalidUnicode:
      return 'Invalid \\u escape in a string.';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'Invalid escape character in a string.';
    case ParseErrorCode.InvalidCharacter:
      return 'Invalid character in a string (control characters must be escaped).';
    default:
      return 'Invalid JSON.';
  }
}
