/**
 * The plain data the language service speaks: offsets into the text, never LSP or VS Code types,
 * so the server, the CLI and the tests share one implementation.
 */

export type Severity = 'error' | 'warning' | 'information';

/** Replace `length` characters at `offset` with `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
  /** The same text as a snippet (`$1` where the cursor should go), for editors that can apply one. */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix for its finding (VS Code's "preferred" quick fix, applied by auto-fix). */
  preferred?: boolean;
}

export interface Finding {
  /** The Zoho error code the API would answer with (or our own code for warnings Zoho does not send). */
  code: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** Stable id of the rule that produced it, for tests and telemetry-free debugging. */
  rule: string;
  fixes?: Fix[];
}

/** Our own codes, for problems Zoho has no code of its own for. */
export const OWN_CODES = {
  unknownKey: 'UNKNOWN_KEY',
  duplicateKey: 'DUPLICATE_KEY',
  tooDeep: 'NESTING_TOO_DEEP',
  tooManyProblems: 'TOO_MANY_PROBLEMS',
  laterApiVersion: 'NEEDS_LATER_API_VERSION',
  replacementCharacter: 'INVALID_ENCODING',
} as const;
