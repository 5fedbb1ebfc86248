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

/** The module file beside a fields file: `<name>.crm-module.json` for `<name>.crm-fields.json`. */
export function siblingModuleFile(fieldsFile: string): string {
  return fieldsFile.replace(FIELDS_FILE, '.crm-module.json');
}

/**
 * The module a fields file's fields belong to: the api_name of `<name>.crm-module.json` beside it, else
 * `<name>` itself (`Leads.crm-fields.json` holds the Leads module's fields). `siblingText`: that module file's
 * text, when there is one. The same answer for the server, the CLI and the extension.
 */
export function moduleOfFieldsFile(fileName: string, siblingText: string | undefined): string {
  const name = fileName.replace(/^.*[\\/]/, '').replace(FIELDS_FILE, '');
  return apiNameIn(siblingText) ?? name;
}

function apiNameIn(moduleText: string | undefined): string | undefined {
  if (moduleText === undefined) return undefined;
  try {
    const apiName = JSON.parse(moduleText)?.modules?.[0]?.api_name;
    return typeof apiName === 'string' && apiName ? apiName : undefined;
  } catch {
    return undefined;
  }
}
