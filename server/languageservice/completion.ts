/** Completions: the keys valid at the cursor, enum values, whole-entry snippets (snippets.ts) and a derived api_name. */
import { findNodeAtLocation, getLocation, Node } from 'jsonc-parser';
import { toApiName } from './edits';
import { ParsedDocument } from './parse';
import { parseApiVersion } from './apiVersion';
import { inVersion, resolve, schemaAtPath, typesOf } from './schema';
import { defaultValueSnippet } from './defaults';
import { describeKey } from './describe';
import { Completion, EditorActionKind, KeyReference, TextEdit } from './types';
import { DocumentKind } from './documentKind';
import { isProfileIdPath, profileCompletions } from './org/orgCompletion';
import { OrgSnapshot } from './org/snapshot';
import { snippetsAt } from './snippets';

/** The markdown that describes a completed key: the same as its hover. */
export function keyDocumentation(reference: KeyReference): string | undefined {
  const objectSchema = schemaAtPath(reference.objectPath, reference.kind === 'fields' ? 'fields' : 'module');
  const propertySchema = objectSchema?.properties?.[reference.key];
  if (!propertySchema) return undefined;
  return describeKey(
    reference.key,
    propertySchema,
    objectSchema.required?.includes(reference.key) ?? false,
    parseApiVersion(reference.apiVersion),
  );
}

export function complete(
  parsed: ParsedDocument,
  offset: number,
  snapshot?: OrgSnapshot,
  actions?: ReadonlySet<EditorActionKind>,
): Completion[] {
  return completeAt(parsed, offset, snapshot, actions).items;
}

const NO_ACTIONS: ReadonlySet<EditorActionKind> = new Set();

/**
 * The completions at `offset`; `incomplete` when the list was cut short (ask again as the user types).
 * `actions`: what the editor runs after an item (none: plain items only).
 */
export function completeAt(
  parsed: ParsedDocument,
  offset: number,
  snapshot?: OrgSnapshot,
  actions: ReadonlySet<EditorActionKind> = NO_ACTIONS,
): { items: Completion[]; incomplete: boolean } {
  const { text, root } = parsed;
  if (text.trim() === '')
    return { items: snippetsAt(parsed, [], { offset: 0, length: text.length }, snapshot), incomplete: false };
  if (!root) return { items: [], incomplete: false };
  const location = getLocation(text, offset);
  const previous = location.previousNode;
  // A key typed without quotes (`api|`): the word is what the completion replaces, as VS Code's JSON does.
  const word = bareWordAt(text, offset);
  if (location.isAtPropertyKey)
    return {
      items: keyCompletions(parsed, location.path, previous ?? word, offset, actions, snapshot),
      incomplete: false,
    };
  if (afterCompleteValue(text, location.path, previous, offset, word)) {
    // `"data_type": "text" |`: the next key of the same object (a comma goes after the value), not a new value.
    return {
      items: keyCompletions(parsed, [...location.path.slice(0, -1), ''], word, offset, actions, snapshot),
      incomplete: false,
    };
  }
  if (typingKeyAfterValue(text, location.path, previous, offset)) {
    // `"plural_label": "A"⏎ "p|`: a key after the last property, its comma not typed yet.
    return { items: keyCompletions(parsed, location.path, previous, offset, actions, snapshot), incomplete: false };
  }

  const path = location.path;
  const replace =
    previous && previous.type !== 'property' && offset <= previous.offset + previous.length && offset >= previous.offset
      ? { offset: previous.offset, length: previous.length }
      : { offset, length: 0 };
  const schema = schemaAtPath(path, parsed.kind);
  if (!schema) return { items: [], incomplete: false };
  const results: Completion[] = [];
  let incomplete = false;
  if (!previous) results.push(...snippetsAt(parsed, path, replace, snapshot));
  if (snapshot && isProfileIdPath(path)) {
    const value = previous && (previous.type === 'string' || previous.type === 'number') ? previous : undefined;
    const current = value && value.value !== '' ? String(value.value) : undefined;
    const typed = value?.type === 'string' ? text.slice(value.offset + 1, Math.max(value.offset + 1, offset)) : '';
    const profiles = profileCompletions(snapshot, replace, current, typed);
    results.push(...profiles.items);
    incomplete = profiles.incomplete;
  } else if (!snapshot && isProfileIdPath(path) && actions.has('signIn')) {
    // Signed out, "No suggestions" would say nothing: one item says where the names come from, and gets them.
    results.push({
      label: 'Sign in to list the profiles',
      kind: 'value',
      insertText: '',
      replace: { offset, length: 0 },
      filterText: '',
      detail: 'Zoho CRM: Sign In',
      documentation: "Signed in, this list shows the org's profiles by name; choosing one writes its id.",
      then: { kind: 'signIn' },
    });
  }
  if (schema.enum) {
    const descriptions = schema['x-zoho']?.enumDescriptions ?? [];
    const chosen = preselectedValue(schema.enum, schema.default, text, previous, offset);
    schema.enum.forEach((value, index) =>
      results.push({
        label: JSON.stringify(value),
        kind: 'value',
        insertText: JSON.stringify(value),
        replace,
        filterText: JSON.stringify(value),
        documentation: descriptions[index],
        preselect: value === chosen || undefined,
      }),
    );
  }
  const derivedFrom = schema['x-zoho']?.derivedFrom;
  if (derivedFrom) {
    const moduleNode = findNodeAtLocation(root, path.slice(0, -1));
    const source = moduleNode ? findNodeAtLocation(moduleNode, [derivedFrom])?.value : undefined;
    const derived = typeof source === 'string' ? toApiName(source) : '';
    if (derived) {
      results.push({
        label: JSON.stringify(derived),
        kind: 'value',
        insertText: JSON.stringify(derived),
        replace,
        // Filtered against what the value holds now, so a filled api_name ("Projects") still offers the derived one.
        filterText: replace.length
          ? text.slice(replace.offset, replace.offset + replace.length)
          : JSON.stringify(derived),
        detail: `derived from ${derivedFrom}`,
        preselect: true,
        documentation: `The API name Zoho would derive from ${derivedFrom}: English letters, digits and single underscores.`,
      });
    }
  }
  return { items: results, incomplete };
}

function keyCompletions(
  parsed: ParsedDocument,
  path: (string | number)[],
  previous: KeySpan | undefined,
  offset: number,
  actions: ReadonlySet<EditorActionKind>,
  snapshot: OrgSnapshot | undefined,
): Completion[] {
  const objectPath = path.slice(0, -1);
  const schema = schemaAtPath(objectPath, parsed.kind);
  if (!schema?.properties) return [];
  const objectNode = findNodeAtLocation(parsed.root!, objectPath);
  const typing =
    (previous?.type === 'property' || previous?.type === 'string') &&
    offset >= previous.offset &&
    offset <= previous.offset + previous.length
      ? previous
      : undefined;
  const present = new Set(
    (objectNode?.type === 'object' ? (objectNode.children ?? []) : [])
      .map((property) => property.children?.[0])
      .filter((key) => key && key.offset !== typing?.offset)
      .map((key) => String(key!.value)),
  );
  const replace = typing ? { offset: typing.offset, length: typing.length } : { offset, length: 0 };
  const end = typing ? typing.offset + typing.length : offset;
  const hasColon = /^\s*:/.test(parsed.text.slice(end, end + 200));
  // A whole property between others needs its commas, as VS Code's JSON inserts them.
  const { before, after } = hasColon
    ? { before: undefined, after: '' }
    : commasAround(parsed.text, replace.offset, end);
  const required = new Set(schema.required ?? []);
  const hasOrg = snapshot !== undefined || actions.has('signIn');
  return Object.entries(schema.properties)
    .filter(([key, propertySchema]) => !present.has(key) && inVersion(propertySchema, parsed.apiVersion))
    .map(([key, propertySchema], index) => {
      const resolved = resolve(propertySchema);
      return {
        label: key,
        kind: 'property' as const,
        insertText: hasColon ? JSON.stringify(key) : `${JSON.stringify(key)}: ${defaultValueSnippet(resolved)}${after}`,
        additionalEdits: before,
        replace,
        // A bare word is filtered against the bare key; a quoted one against the quoted key.
        filterText: typing && parsed.text.charAt(typing.offset) !== '"' ? key : JSON.stringify(key),
        detail: `${typesOf(resolved).join(' | ')}${required.has(key) ? ' · mandatory' : ' · optional'}`,
        documentationOf: { objectPath, key, apiVersion: parsed.apiVersion, kind: parsed.kind },
        sortText: `${required.has(key) ? 0 : 1}${index}`,
        then:
          !hasColon && actions.has('suggest') && valueHasList(parsed.kind, objectPath, key, objectNode, hasOrg)
            ? SUGGEST
            : undefined,
      };
    });
}

const SUGGEST = { kind: 'suggest' } as const;

/**
 * True when the new value's first place to type has a list of its own (the api_name derived from a label
 * already typed, the org's profiles or the item that signs in to get them): the list opens there, as VS
 * Code's JSON opens the values of a new key. Enums have their choice list already.
 */
function valueHasList(
  kind: DocumentKind,
  objectPath: (string | number)[],
  key: string,
  objectNode: Node | undefined,
  hasOrg: boolean,
): boolean {
  const source = schemaAtPath([...objectPath, key], kind)?.['x-zoho']?.derivedFrom;
  if (source) {
    const value = objectNode?.type === 'object' ? findNodeAtLocation(objectNode, [source])?.value : undefined;
    return typeof value === 'string' && toApiName(value) !== '';
  }
  return hasOrg && isProfileIdPath([...objectPath, key, 0, 'id']);
}

/** The value Enter should pick: the current one, else the first that starts with what is typed, else the default. */
function preselectedValue(
  values: unknown[],
  fallback: unknown,
  text: string,
  previous: Node | undefined,
  offset: number,
): unknown {
  if (previous?.type !== 'string') return fallback;
  if (values.includes(previous.value)) return previous.value;
  const typed = text.slice(previous.offset + 1, Math.min(offset, previous.offset + previous.length - 1));
  return typed ? (values.find((value) => String(value).startsWith(typed)) ?? fallback) : fallback;
}

function afterCompleteValue(
  text: string,
  path: (string | number)[],
  previous: Node | undefined,
  offset: number,
  word: KeySpan | undefined,
): boolean {
  if (!previous || previous.type === 'property' || typeof path[path.length - 1] !== 'string') return false;
  const end = previous.offset + previous.length;
  const between = text.slice(end, word ? word.offset : offset);
  return offset > end && /^\s+$/.test(between);
}

/** A quoted key being typed where the parser read a property without its colon: after a value, on a new line. */
function typingKeyAfterValue(
  text: string,
  path: (string | number)[],
  previous: Node | undefined,
  offset: number,
): boolean {
  if (previous?.type !== 'property' || path[path.length - 1] !== previous.value) return false;
  if (offset < previous.offset || offset > previous.offset + previous.length) return false;
  // The key stands after a value (no comma typed yet) or a comma, never after a colon.
  const before = /\S(?=\s*$)/.exec(text.slice(Math.max(0, previous.offset - 200), previous.offset))?.[0];
  return before !== undefined && before !== ':' && !/^\s*:/.test(text.slice(previous.offset + previous.length));
}

/** Where a completion replaces text: the typed key, quoted or not. */
type KeySpan = Pick<Node, 'offset' | 'length' | 'type'>;

/** The bare word (`api`) around the cursor, where a key is typed without quotes. */
function bareWordAt(text: string, offset: number): KeySpan | undefined {
  const before = /[A-Za-z_$][\w$]*$/.exec(text.slice(Math.max(0, offset - 100), offset))?.[0] ?? '';
  const after = /^[\w$]*/.exec(text.slice(offset, offset + 100))?.[0] ?? '';
  if (!before) return undefined;
  // Inside a string or a literal (true, 12) it is not a key.
  const start = offset - before.length;
  if (/["\w$.]/.test(text.charAt(start - 1))) return undefined;
  return { offset: start, length: before.length + after.length, type: 'property' };
}

/**
 * The commas a new property needs: one right after the previous value when it ends without one (an edit of its
 * own, as VS Code's JSON does it), one after the new property when another follows.
 */
function commasAround(text: string, start: number, end: number): { before?: TextEdit[]; after: string } {
  const window = Math.max(0, start - 200);
  const previous = /\S(?=\s*$)/.exec(text.slice(window, start));
  const next = /^\s*(\S)/.exec(text.slice(end, end + 200))?.[1];
  const needsBefore = previous && previous[0] !== '{' && previous[0] !== ',';
  return {
    before: needsBefore ? [{ offset: window + previous.index + 1, length: 0, newText: ',' }] : undefined,
    after: next === '"' ? ',' : '',
  };
}
