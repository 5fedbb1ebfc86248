/** The language service's editor actions as the commands of a client that said it runs them. */
import { Command } from 'vscode-languageserver';
import { EditorAction, EditorActionKind } from '@crm/languageservice';
import { EDITOR_COMMANDS } from '@crm/protocol';

/** What `initializationOptions.editorActions` names that we know; anything else is ignored. */
export function readEditorActions(value: unknown): Set<EditorActionKind> {
  const known = Object.keys(EDITOR_COMMANDS) as EditorActionKind[];
  return new Set(Array.isArray(value) ? known.filter((kind) => value.includes(kind)) : []);
}

/** The action as a command about the file at `uri`; undefined when the client does not run it. */
export function toCommand(
  action: EditorAction | undefined,
  title: string,
  uri: string,
  runs: ReadonlySet<EditorActionKind>,
): Command | undefined {
  if (!action || !runs.has(action.kind)) return undefined;
  const command = EDITOR_COMMANDS[action.kind];
  switch (action.kind) {
    case 'insertSnippet':
      return { title, command, arguments: [{ snippet: action.snippet }] };
    case 'useApiVersion':
      return { title, command, arguments: [action.apiVersion] };
    case 'createModule':
    case 'updateModule':
    case 'compareWithOrg':
    case 'createFields':
    case 'updateFields':
      return { title, command, arguments: [uri] };
    default:
      return { title, command };
  }
}
