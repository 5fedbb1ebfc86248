/**
 * The plain data the language service speaks: offsets into the text, never LSP or VS Code types,
 * so the server, the CLI and the tests share one implementation.
 */
import type { ApiVersion } from './apiVersion';

export type Severity = 'error' | 'warning' | 'information';

/** Replace `length` characters at `offset` with `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
  /** The same text as a snippet (`$1` where the cursor should go), for editors that can apply one. */
  snippet?: string;
}

/**
 * Something the editor does beyond an edit: open the suggestions, sign in, switch the API version, send or
 * compare the file, insert a snippet. The server turns each into a command the client said it runs; an editor
 * that runs none gets the edit alone (or the lens's text without a command).
 */
export type EditorAction =
  | { kind: 'suggest' }
  | { kind: 'signIn' }
  | { kind: 'useApiVersion'; apiVersion: ApiVersion }
  | { kind: 'createModule' }
  | { kind: 'updateModule' }
  | { kind: 'compareWithOrg' }
  | { kind: 'createFields' }
  | { kind: 'updateFields' }
  | { kind: 'insertSnippet'; snippet: string };

export type EditorActionKind = EditorAction['kind'];

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Run after the edits (or alone, for a fix that changes a setting rather than the file). */
  then?: EditorAction;
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

/** A completion item, in offsets: the server turns it into LSP's. */
export type CompletionKind = 'property' | 'value' | 'snippet';

export interface Completion {
  label: string;
  kind: CompletionKind;
  /** Snippet syntax ($1, ${1|a,b|}); plain text when it has no placeholders. */
  insertText: string;
  /** The text the completion replaces. */
  replace: { offset: number; length: number };
  /** Edits elsewhere that come with it (a comma after the previous property). */
  additionalEdits?: TextEdit[];
  detail?: string;
  /** Short markdown, sent with the item. */
  documentation?: string;
  /** A key's full description, looked up only when the editor shows it (completionItem/resolve). */
  documentationOf?: KeyReference;
  filterText?: string;
  sortText?: string;
  preselect?: boolean;
  /** Run once the item is inserted: open the next list, or an item that is only an action (Sign In). */
  then?: EditorAction;
}

/** A line of text above the file (a CodeLens): the file's state in the org, or what to write in an empty file. */
export interface Lens {
  offset: number;
  title: string;
  action?: EditorAction;
}

/** A key of the object at `objectPath`: enough to describe it later, and small enough to send. */
export interface KeyReference {
  objectPath: (string | number)[];
  key: string;
  /** The version the file was checked for (the description links to its page); sent back by the editor, so read again. */
  apiVersion?: string;
  /** The kind of file ("module" or "fields"); sent back by the editor, so read again. */
  kind?: string;
}
