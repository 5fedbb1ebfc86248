/**
 * The rules are the schema's: a key Zoho adds tomorrow with a pattern, a length or a list of values is checked
 * without new code, in default words where the schema names no code or message. The shipped schema annotates
 * every rule it uses, so these defaults are tested here over a small schema of their own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visit } from 'jsonc-parser';
import { JSONSchema } from '../../server/src/languageservice/schema';
import { SchemaValidator } from '../../server/src/languageservice/rules/validator';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, pattern: '^[a-z]*$' },
    code: { type: 'string', minLength: 2, maxLength: 4 },
    size: { type: 'integer' },
    tags: { type: 'array', minItems: 2, maxItems: 3, uniqueItems: true, items: { type: 'string' } },
    one: { type: 'array', minItems: 1, items: { type: 'string' } },
    pick: { type: 'object', anyOf: [{ required: ['left'] }, { required: ['right'] }], properties: { left: { type: 'string' }, right: { type: 'string' } } },
    kind: {
      type: 'object',
      properties: { is: { type: 'string' }, extra: { type: 'string' } },
      if: { required: ['is'], properties: { is: { const: 'special' } } },
      then: { required: ['extra'] },
    },
  },
} as unknown as JSONSchema;

function check(text: string): [string, string, string, string][] {
  const validator = new SchemaValidator(text, 7, SCHEMA);
  visit(text, validator.visitor());
  return validator.findings.map((finding) => [finding.code, finding.rule ?? '', text.substr(finding.offset, finding.length), finding.message]);
}

describe('the rules in their default words, for a schema that names no code or message', () => {
  it('a valid object has no finding', () => assert.deepEqual(check('{"name": "abc", "code": "ab", "size": 3, "tags": ["a", "b"], "pick": {"left": "x"}, "kind": {"is": "special", "extra": "e"}}'), []));
  it('a mandatory key', () => assert.deepEqual(check('{}'), [['MANDATORY_NOT_FOUND', 'required', '{', 'The body needs "name" (mandatory).']]));
  it('a pattern with no checks of its own', () => assert.deepEqual(check('{"name": "Ab1"}'), [['INVALID_DATA', 'pattern', '"Ab1"', 'name has characters Zoho does not allow: "Ab1".']]));
  it('an empty string', () => assert.deepEqual(check('{"name": ""}'), [['INVALID_DATA', 'min-length', '""', 'name must not be empty.']]));
  it('a string too short for a minimum above one is not called empty twice, and a long one is trimmed', () => {
    assert.deepEqual(check('{"name": "a", "code": "abcde"}'), [['INVALID_DATA', 'max-length', '"abcde"', 'code is 5 characters long; Zoho allows at most 4.']]);
    assert.deepEqual(check('{"name": "a", "code": "a"}'), [['INVALID_DATA', 'min-length', '"a"', 'code must not be empty.']]);
  });
  it('a length counts characters, not UTF-16 units', () => {
    assert.deepEqual(check('{"name": "a", "code": "😀😀😀😀"}'), []);
    assert.deepEqual(check('{"name": "a", "code": "😀"}'), [['INVALID_DATA', 'min-length', '"😀"', 'code must not be empty.']]);
  });
  it('a whole number: 3 and 30 are, 3.5 is not', () => {
    assert.deepEqual(check('{"name": "a", "size": 30}'), []);
    assert.deepEqual(check('{"name": "a", "size": 3.5}'), [['INVALID_DATA', 'type', '3.5', 'size must be a whole number, not the number 3.5.']]);
  });
  it('null where the schema names no code for it is a wrong type', () => {
    assert.deepEqual(check('{"name": "a", "tags": null}'), [['INVALID_DATA', 'type', 'null', 'tags must be an array, not null.']]);
  });
  it('too few, too many, and a repeated entry', () => {
    assert.deepEqual(check('{"name": "a", "tags": ["x"]}'), [['INVALID_DATA', 'min-items', '["x"]', 'tags needs at least 2 entries.']]);
    assert.deepEqual(check('{"name": "a", "one": []}'), [['INVALID_DATA', 'min-items', '[]', 'one needs at least 1 entry.']]);
    assert.deepEqual(check('{"name": "a", "tags": ["w", "x", "y", "z"]}'), [['INVALID_DATA', 'max-items', '"z"', 'tags takes at most 3 entries.']]);
    assert.deepEqual(check('{"name": "a", "tags": ["x", "y", "x"]}'), [['INVALID_DATA', 'unique-items', '"x"', '"x" appears twice in the list.']]);
  });
  it('entries are the same when their text decodes the same', () => {
    assert.deepEqual(check('{"name": "a", "tags": ["x", "\\u0078"]}'), [['INVALID_DATA', 'unique-items', '"\\u0078"', '"x" appears twice in the list.']]);
  });
  it('one of several keys', () => {
    assert.deepEqual(check('{"name": "a", "pick": {}}'), [['EXPECTED_FIELD_MISSING', 'any-of', '"pick"', 'pick needs one of left, right.']]);
  });
  it('a key a value makes mandatory, and only that value', () => {
    assert.deepEqual(check('{"name": "a", "kind": {"is": "special"}}'), [['DEPENDENT_FIELD_MISSING', 'dependent', '"special"', 'kind needs "extra".']]);
    assert.deepEqual(check('{"name": "a", "kind": {"is": "plain"}}'), []);
  });
});
