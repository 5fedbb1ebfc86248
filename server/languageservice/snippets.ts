/**
 * Whole-entry snippets: a module (text or autonumber display field; team-based under API v8) in a module
 * file's `modules`, a field in a fields file's `fields`, and each wrapped as the whole body for an empty file.
 * Named by what differs, first: the suggest widget cuts a long label at its end.
 */
import { Completion } from './types';
import { ApiVersion, isAtLeast } from './apiVersion';
import { escapeSnippet } from './safeText';
import { ParsedDocument } from './parse';
import { indexOf, OrgSnapshot } from './org/snapshot';
import { rootSchemaOf } from './schema';

/** Zoho's documentation's sample id: what a new file gets when no org is known. */
export const SAMPLE_PROFILE_ID = '2423488000000015972';
const PROFILE_PLACEHOLDER = '${3:PROFILE_ID}';

/**
 * API v8: a module whose records are shared by team; it takes no profiles. The snippets leave api_name out:
 * Zoho derives it from plural_label, and a fixed one would go stale as soon as the labels are typed.
 */
const TEAM_BASED_SNIPPET = `{
\t"plural_label": "\${1:Projects}",
\t"singular_label": "\${2:Project}",
\t"access_type": "team_based"
}`;

export const MODULE_SNIPPETS = {
  text: `{
\t"plural_label": "\${1:Zylkers}",
\t"singular_label": "\${2:Zylker}",
\t"profiles": [{ "id": "${PROFILE_PLACEHOLDER}" }],
\t"display_field": {
\t\t"field_label": "\${4:Name}",
\t\t"data_type": "text"
\t}
}`,
  autonumber: `{
\t"plural_label": "\${1:Stocks}",
\t"singular_label": "\${2:Stock}",
\t"profiles": [{ "id": "${PROFILE_PLACEHOLDER}" }],
\t"display_field": {
\t\t"field_label": "\${4:Stock Number}",
\t\t"data_type": "autonumber",
\t\t"auto_number": {
\t\t\t"prefix": "\${6:STK}",
\t\t\t"start_number": "\${7:1}",
\t\t\t"suffix": "\${8}"
\t\t}
\t}
}`,
};

/** The module snippets with the org's Administrator profile, or the documentation's sample id without an org. */
function snippetsFor(snapshot: OrgSnapshot | undefined): typeof MODULE_SNIPPETS {
  const id = (snapshot && indexOf(snapshot).administrator?.id) ?? SAMPLE_PROFILE_ID;
  const withId = (snippet: string) => snippet.replace(PROFILE_PLACEHOLDER, () => `\${3:${escapeSnippet(id)}}`);
  return { text: withId(MODULE_SNIPPETS.text), autonumber: withId(MODULE_SNIPPETS.autonumber) };
}

function moduleSnippets(
  snippets: typeof MODULE_SNIPPETS,
  replace: { offset: number; length: number },
  apiVersion: ApiVersion,
): Completion[] {
  const teamBased: Completion[] = isAtLeast(apiVersion, 8)
    ? [
        {
          label: 'Team-based module',
          kind: 'snippet',
          insertText: TEAM_BASED_SNIPPET,
          replace,
          detail: 'Zoho CRM custom module · API v8',
          documentation: 'A module whose records are shared by team (access_type team_based): it takes no profiles.',
          filterText: '{ module team',
        },
      ]
    : [];
  return [
    {
      label: 'Text display field module',
      kind: 'snippet',
      insertText: snippets.text,
      replace,
      detail: 'Zoho CRM custom module',
      documentation: 'A module whose display field is text that users type.',
      filterText: '{ module text',
    },
    {
      label: 'Autonumber display field module',
      kind: 'snippet',
      insertText: snippets.autonumber,
      replace,
      detail: 'Zoho CRM custom module',
      documentation: 'A module whose display field numbers each record: prefix, start number, suffix.',
      filterText: '{ module autonumber',
    },
    ...teamBased,
  ];
}

/**
 * Fields of the common data types, each with what its type needs (a picklist its options, a lookup its module),
 * then one of any type, the type picked from Zoho's list.
 */
const FIELD_SNIPPETS: { label: string; documentation: string; body: string }[] = [
  {
    label: 'Text field',
    documentation: 'One line of text, up to 255 characters.',
    body: '"data_type": "text",\n\t"length": ${2:255}',
  },
  {
    label: 'Picklist field',
    documentation:
      'A choice of options: each a display_value (what users see) and an actual_value (what the API stores).',
    body: '"data_type": "picklist",\n\t"pick_list_values": [\n\t\t{ "display_value": "${2:First}", "actual_value": "${3:First}" },\n\t\t{ "display_value": "${4:Second}", "actual_value": "${5:Second}" }\n\t]',
  },
  {
    label: 'Lookup field',
    documentation: 'A link to a record of another module; display_label names the related list it adds there.',
    body: '"data_type": "lookup",\n\t"lookup": {\n\t\t"module": { "api_name": "${2:Accounts}" },\n\t\t"display_label": "${3:Related}"\n\t}',
  },
  { label: 'Number field', documentation: 'A whole number of up to 9 digits.', body: '"data_type": "integer"' },
  {
    label: 'Decimal field',
    documentation: 'A decimal number (Zoho calls it double).',
    body: '"data_type": "double",\n\t"decimal_place": ${2:2}',
  },
  {
    label: 'Currency field',
    documentation: 'An amount of money, rounded as currency says.',
    body: '"data_type": "currency",\n\t"decimal_place": ${2:2}',
  },
  { label: 'Date field', documentation: 'A date.', body: '"data_type": "date"' },
  { label: 'Checkbox field', documentation: 'True or false (Zoho calls it boolean).', body: '"data_type": "boolean"' },
  {
    label: 'Text area field',
    documentation: 'Several lines of text; its size is textarea.type.',
    body: '"data_type": "textarea",\n\t"textarea": { "type": "${2|small,large,rich_text|}" }',
  },
  {
    label: 'Formula field',
    documentation: "A value computed from the record's other fields.",
    body: '"data_type": "formula",\n\t"formula": {\n\t\t"expression": "${2}",\n\t\t"return_type": "${3|double,currency,text,date,datetime,boolean|}"\n\t}',
  },
  {
    label: 'Auto-number field',
    documentation: 'A number Zoho gives each record; a module has at most one.',
    body: '"data_type": "autonumber",\n\t"auto_number": { "prefix": "${2:NO-}", "start_number": ${3:1} }',
  },
  {
    label: 'Field of any type',
    documentation: 'A field: its label and its data type (the keys of that type complete inside it).',
    body: `"data_type": "\${2|${(rootSchemaOf('fields').definitions?.field?.properties?.data_type?.enum ?? ['text']).join(',')}|}"`,
  },
];

function fieldSnippets(replace: Replace): Completion[] {
  return FIELD_SNIPPETS.map(({ label, documentation, body }, index) => ({
    label,
    kind: 'snippet',
    insertText: `{\n\t"field_label": "\${1:${label.replace(/ field$| of any type$/, '')}}",\n\t${body}\n}`,
    replace,
    detail: 'Zoho CRM custom field',
    documentation,
    filterText: `{ field ${label}`,
    sortText: String(index).padStart(2, '0'),
  }));
}

type Replace = { offset: number; length: number };

/** The snippets offered at `path` (the root of an empty file, an entry of the list): none elsewhere. */
export function snippetsAt(
  parsed: Pick<ParsedDocument, 'kind' | 'apiVersion'>,
  path: (string | number)[],
  replace: Replace,
  snapshot: OrgSnapshot | undefined,
): Completion[] {
  const list = parsed.kind === 'fields' ? 'fields' : 'modules';
  const entries =
    parsed.kind === 'fields'
      ? fieldSnippets(replace)
      : moduleSnippets(snippetsFor(snapshot), replace, parsed.apiVersion);
  if (path.length === 0) return entries.map((item) => asBody(item, list));
  if (path.length === 2 && path[0] === list && typeof path[1] === 'number') return entries;
  return [];
}

/** The whole-body snippets a new, empty file starts from (its completions and its lenses). */
export function newFileSnippets(
  parsed: Pick<ParsedDocument, 'kind' | 'apiVersion'>,
  snapshot: OrgSnapshot | undefined,
): Completion[] {
  return snippetsAt(parsed, [], { offset: 0, length: 0 }, snapshot);
}

/** An entry's snippet as the whole body: the list around it, named the same, its detail saying so. */
function asBody(item: Completion, list: string): Completion {
  return {
    ...item,
    detail: `${item.detail} · whole ${list === 'fields' ? 'Create Custom Fields' : 'Create Custom Module'} body`,
    insertText: `{\n\t"${list}": [\n${item.insertText.replace(/^/gm, '\t\t')}\n\t]\n}`,
    filterText: `{ body ${item.filterText}`,
  };
}
