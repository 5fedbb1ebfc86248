/**
 * The kinds of file the language service reads, told by their names: `*.crm-module.json` holds a Create Custom
 * Module body, `*.crm-fields.json` a Create Custom Fields body. One rule, shared by the server, the CLI and the
 * extension.
 */
export type DocumentKind = 'module' | 'fields';

const FIELDS_FILE = /\.crm-fields\.json$/i;
export const MODULE_FILE = /\.crm-module\.json$/i;

/** The kind of a file, by its name or URI; anything else is read as a module file (the default, as before). */
export function documentKindOf(nameOrUri: string): DocumentKind {
  return FIELDS_FILE.test(nameOrUri) ? 'fields' : 'module';
}

/** What the body is called in messages. */
export function bodyName(kind: DocumentKind): string {
  return kind === 'fields' ? 'Create Custom Fields body' : 'Create Custom Module body';
}
