/**
 * The rules an object answers to once all its keys are read: duplicate keys, mandatory keys, "one of",
 * keys that depend on a value (`if`/`then`), and unknown keys with "did you mean". Codes and messages come
 * from the schema's `x-zoho` annotations where Zoho documents them.
 */
import { Node } from 'jsonc-parser';
import { defaultValueText } from '../defaults';
import { didYouMean, insertPropertyEdit, removePropertyEdit } from '../edits';
import { inVersion, JSONSchema, resolve, ZohoAnnotations } from '../schema';
import { OWN_CODES, ZOHO_CODES } from '../codes';
import { parseApiVersion } from '../apiVersion';
import { Fix, TextEdit } from '../types';
import { annotationsOf, RuleContext } from './context';
import { find, ObjectFrame, Place, Property, Span } from './place';
import { checkVariants } from './variantRules';

export function checkObject(context: RuleContext, frame: ObjectFrame, span: Span): void {
  const schema = frame.place.schema!;
  // Most objects of a large file (each profile) break no rule: tell that cheaply first.
  if (
    !frame.deferred &&
    !schema.anyOf &&
    !schema.if &&
    !annotationsOf(schema).requiredUnless &&
    !annotationsOf(schema).variants &&
    (schema.required ?? []).every((key) => find(frame, key) !== undefined) &&
    frame.properties.every((property) => !property.duplicate && !property.unknown)
  )
    return;
  let node: Node | undefined;
  const object: ObjectAt = {
    frame,
    schema,
    zoho: annotationsOf(schema),
    has: (key) => find(frame, key) !== undefined,
    node: () => (node ??= objectNode(frame, span)),
    insert: (key) =>
      insertPropertyEdit(context.text, object.node(), key, defaultValueText(resolve(schema.properties![key]))),
  };
  duplicateKeys(context, object);
  mandatoryKeys(context, object);
  oneOfKeys(context, object);
  dependentKeys(context, object);
  if (object.zoho.variants) checkVariants(context, frame, object.zoho.variants, object.insert, object.node);
  unknownKeys(context, object);
  for (const run of frame.deferred ?? []) run();
}

/** An object being checked, with what its rules share. */
interface ObjectAt {
  frame: ObjectFrame;
  schema: JSONSchema;
  zoho: ZohoAnnotations;
  has(key: string): boolean;
  /** A jsonc-style node of the object, for the edits that add or remove properties. */
  node(): Node;
  /** The edit that adds `key` with its default value. */
  insert(key: string): TextEdit;
}

function duplicateKeys(context: RuleContext, { frame, node }: ObjectAt): void {
  frame.properties.forEach((property, index) => {
    if (!property.duplicate) return;
    context.report(
      {
        code: OWN_CODES.duplicateKey,
        severity: 'error',
        rule: 'duplicate-key',
        message: `"${property.key}" appears twice here; Zoho would read only one.`,
        fixes: [{ title: `Remove this "${property.key}"`, edits: [removePropertyEdit(node().children![index])] }],
      },
      property,
    );
  });
}

function mandatoryKeys(context: RuleContext, { frame, schema, zoho, has, insert, node }: ObjectAt): void {
  const { place } = frame;
  for (const key of schema.required ?? []) {
    const unless = zoho.requiredUnless?.[key];
    const condition =
      unless && inVersion(schema.properties?.[unless.key], context.apiVersion) ? find(frame, unless.key) : undefined;
    if (unless && condition?.value === unless.value) {
      // Not mandatory here, and not allowed either (profiles of a team-based module).
      const index = frame.properties.findIndex((property) => property.key === key && !property.duplicate);
      if (index >= 0) {
        context.report(
          {
            code: unless.code,
            severity: 'error',
            rule: 'required-unless',
            message: unless.message,
            fixes: [
              { title: `Remove "${key}"`, edits: [removePropertyEdit(node().children![index])], preferred: true },
            ],
          },
          frame.properties[index],
        );
      }
      continue;
    }
    if (has(key)) continue;
    context.report(
      {
        code: zoho.requiredCode ?? ZOHO_CODES.mandatoryNotFound,
        severity: 'error',
        rule: 'required',
        // One line in the Problems panel: what is missing. What the key is, the hover and the completion say.
        message: `${place.name} needs "${key}" (mandatory).`,
        fixes: [{ title: `Add "${key}"`, edits: [insert(key)], preferred: true }],
      },
      place.anchor,
    );
  }
}

function oneOfKeys(context: RuleContext, { frame: { place }, schema, zoho, has, insert }: ObjectAt): void {
  if (!schema.anyOf || !schema.anyOf.every((alternative) => (alternative.required ?? []).some((key) => !has(key))))
    return;
  const options = schema.anyOf.flatMap((alternative) => alternative.required ?? []);
  context.report(
    {
      code: zoho.anyOfCode ?? ZOHO_CODES.expectedFieldMissing,
      severity: 'error',
      rule: 'any-of',
      message: zoho.anyOfMessage ?? `${place.name} needs one of ${options.join(', ')}.`,
      fixes: options.map((key, index) => ({
        title: `Add "${key}"`,
        edits: [insert(key)],
        preferred: index === options.length - 1,
      })),
    },
    place.anchor,
  );
}

/** `if data_type is "autonumber" then auto_number is required`, in the schema's own words. */
function dependentKeys(context: RuleContext, { frame, schema, zoho, has, insert }: ObjectAt): void {
  if (!schema.if || !schema.then) return;
  let trigger: Span | undefined;
  const holds = (schema.if.required ?? []).every((key) => {
    const property = find(frame, key);
    const expected = schema.if!.properties?.[key]?.const;
    if (!property?.valueSpan || (expected !== undefined && property.value !== expected)) return false;
    trigger = property.valueSpan;
    return true;
  });
  if (!holds) return;
  for (const key of schema.then.required ?? []) {
    if (has(key)) continue;
    context.report(
      {
        code: zoho.thenCode ?? ZOHO_CODES.dependentFieldMissing,
        severity: 'error',
        rule: 'dependent',
        message: zoho.thenMessage ?? `${frame.place.name} needs "${key}".`,
        fixes: [{ title: `Add "${key}"`, edits: [insert(key)], preferred: true }],
      },
      trigger ?? frame.place.anchor,
    );
  }
}

function unknownKeys(context: RuleContext, { frame, schema, has, node }: ObjectAt): void {
  frame.properties.forEach((property, index) => {
    if (!property.unknown || property.duplicate) return;
    const later = schema.properties?.[property.key];
    if (later) return laterVersionKey(context, property, node().children![index], later['x-zoho']?.since);
    const candidates = Object.keys(schema.properties ?? {}).filter(
      (name) => !has(name) && inVersion(schema.properties![name], context.apiVersion),
    );
    unknownKey(context, frame.place, property, node().children![index], candidates);
  });
}

/** A key this API version does not know yet (access_type under v7): say which version has it and how to choose it. */
function laterVersionKey(
  context: RuleContext,
  property: Property,
  propertyNode: Node,
  since: number | undefined,
): void {
  context.report(
    {
      code: OWN_CODES.laterApiVersion,
      severity: 'warning',
      rule: 'later-version',
      message: `"${property.key}" needs Zoho CRM API v${since}; ${context.apiVersion} ignores it. Set zohoCrm.apiVersion to "v${since}" to use it.`,
      fixes: [
        { title: `Remove "${property.key}"`, edits: [removePropertyEdit(propertyNode)] },
        ...switchVersionFix(since),
      ],
    },
    { offset: property.offset, length: property.length },
  );
}

/** The other way out: the version that has the key (a setting, changed only when the user picks this). */
function switchVersionFix(since: number | undefined): Fix[] {
  const apiVersion = parseApiVersion(`v${since}`);
  return apiVersion
    ? [{ title: `Switch to API ${apiVersion}`, edits: [], then: { kind: 'useApiVersion', apiVersion } }]
    : [];
}

function unknownKey(
  context: RuleContext,
  place: Place,
  property: Property,
  propertyNode: Node,
  candidates: string[],
): void {
  const keySpan = { offset: property.offset, length: property.length };
  const suggestion = didYouMean(property.key, candidates);
  const fixes: Fix[] = [];
  if (suggestion)
    fixes.push({
      title: `Change to "${suggestion}"`,
      edits: [{ ...keySpan, newText: JSON.stringify(suggestion) }],
      preferred: true,
    });
  fixes.push({ title: `Remove "${property.key}"`, edits: [removePropertyEdit(propertyNode)] });
  const where = place.isRoot ? ' at the top level' : ` in ${place.name}`;
  const known = candidates.length ? `; known here: ${candidates.join(', ')}` : '';
  context.report(
    {
      code: OWN_CODES.unknownKey,
      severity: 'warning',
      rule: 'unknown-key',
      message: suggestion
        ? `Unknown key "${property.key}"${where}. Did you mean "${suggestion}"?`
        : `Unknown key "${property.key}"${where}${known}.`,
      fixes,
    },
    keySpan,
  );
}

function objectNode(frame: ObjectFrame, span: Span): Node {
  const children: Node[] = [];
  const node: Node = { type: 'object', offset: span.offset, length: span.length, children };
  for (const property of frame.properties)
    children.push({ type: 'property', offset: property.offset, length: property.end - property.offset, parent: node });
  return node;
}
