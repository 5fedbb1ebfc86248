/**
 * Which module a fields file's fields belong to, for the org rules: its sibling module file's api_name (the
 * open document's text, else the file on disk), else its own name. Glue: the rule itself is the language
 * service's moduleOfFieldsFile.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf, moduleOfFieldsFile, siblingModuleFile } from '@crm/languageservice';

/** A module file larger than this is not read for its api_name (the file's own name is used instead). */
const MAX_SIBLING_BYTES = 1 << 20;

export function fieldsModuleResolver(documents: TextDocuments<TextDocument>): (uri: string) => string | undefined {
  return (uri) => {
    if (documentKindOf(uri) !== 'fields') return undefined;
    const sibling = siblingModuleFile(uri);
    const text = documents.get(sibling)?.getText() ?? readSmallFile(sibling);
    let name = uri;
    try {
      name = decodeURIComponent(uri.replace(/^.*\//, ''));
    } catch {
      // A malformed escape: the raw name is still a name.
    }
    return moduleOfFieldsFile(name, text);
  };
}

function readSmallFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    return statSync(path).size <= MAX_SIBLING_BYTES ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
