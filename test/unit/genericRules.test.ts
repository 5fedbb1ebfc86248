/**
 * The rules are the schema's: a key Zoho adds tomorrow with a pattern, a length or a list of values is checked
 * without new code, in default words where the schema names no code or message. The shipped schema annotates
 * every rule it uses, so these defaults are tested here over a small schema of their own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visit } from 'jsonc-parser';
import {
  DERIVATION_SOURCES,
  JSONSchema,
  KEYS_READ_BY_OTHER_RULES,
  rootSchemaOf,
} from '../../server/languageservice/schema';
import { MAX_FINDINGS, SchemaValidator } from '../../server/languageservice/rules/validator';

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
    ratio: { type: 'number' },
    flag: { type: 'boolean' },
    either: { type: ['string', 'integer'] },
    anything: {},
    open: { type: 'object', properties: { known: { type: 'string' } } },
    nullable: { type: 'array', items: { type: 'string' }, 'x-zoho': { nullCode: 'MANDATORY_NOT_FOUND' } },
    word: {
      type: 'string',
      minLength: 1,
      'x-zoho': { checks: [{ id: 'word-letters', pattern: '^[a-z]+$', message: 'allows only small letters' }] },
    },
    pick: {
      type: 'object',
      anyOf: [{ required: ['left', 'right'] }, { required: ['middle'] }],
      properties: { left: { type: 'string' }, right: { type: 'string' }, middle: { type: 'string' } },
    },
    kind: {
      type: 'object',
      properties: { is: { type: 'string' }, level: { type: 'string' }, extra: { type: 'string' } },
      if: { required: ['is', 'level'], properties: { is: { const: 'special' } } },
      then: { required: ['extra'] },
    },
    pair: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'string' } } },
    short: { type: 'string', minLength: 2, pattern: '^[a-z]*$' },
    lonely: { type: 'object', properties: { x: { type: 'string' } }, if: { required: ['x'] } },
  },
} as unknown as JSONSchema;

function check(text: string): [string, string, string, string][] {
  const validator = new SchemaValidator(text, 'v7', SCHEMA);
  visit(text, validator.visitor());
  return validator.findings.map((finding) => [
    finding.code,
    finding.rule ?? '',
    text.substr(finding.offset, finding.length),
    finding.message,
  ]);
}

describe('the rules in their default words, for a schema that names no code or message', () => {
  it('a valid object has no finding', () =>
    assert.deepEqual(
      check(
        '{"name": "abc", "code": "ab", "size": 3, "tags": ["a", "b"], "pick": {"middle": "x"}, "kind": {"is": "special", "level": "1", "extra": "e"}, "lonely": {"x": "y"}}',
      ),
      [],
    ));
  it('each type in its words', () => {
    assert.deepEqual(check('{"name": "a", "ratio": "1", "flag": 1, "either": true}'), [
      ['INVALID_DATA', 'type', '"1"', 'ratio must be a number, not a string.'],
      ['INVALID_DATA', 'type', '1', 'flag must be true or false, not the number 1.'],
      ['INVALID_DATA', 'type', 'true', 'either must be a string or a whole number, not true or false.'],
    ]);
    assert.deepEqual(check('{"name": "a", "ratio": 1.5, "flag": false, "either": 7, "anything": [1]}'), []);
  });
  it("a key an open object does not name is not flagged; a closed one's is", () => {
    assert.deepEqual(check('{"name": "a", "open": {"known": "k", "other": 1}}'), []);
    assert.deepEqual(check('{"name": "a", "zzz": 1}'), [
      [
        'UNKNOWN_KEY',
        'unknown-key',
        '"zzz"',
        'Unknown key "zzz" at the top level; known here: code, size, tags, one, ratio, flag, either, anything, open, nullable, word, pick, kind, pair, short, lonely.',
      ],
    ]);
  });
  it('null where the schema names a code for it, in default words', () => {
    assert.deepEqual(check('{"name": "a", "nullable": null}'), [
      ['MANDATORY_NOT_FOUND', 'null', 'null', 'nullable must not be null.'],
    ]);
  });
  it('a negative whole number where the schema sets no minimum', () =>
    assert.deepEqual(check('{"name": "a", "size": -3}'), []));
  it('a check that fails with no character to blame says the value; an empty string is its check\'s, not "empty" too', () => {
    assert.deepEqual(check('{"name": "a", "word": ""}'), [
      ['INVALID_DATA', 'word-letters', '""', 'word allows only small letters: "".'],
    ]);
    assert.deepEqual(check('{"name": "a", "word": "aB"}'), [
      ['INVALID_DATA', 'word-letters', '"aB"', 'word allows only small letters, not "B": "aB".'],
    ]);
  });
  it('a mandatory key', () =>
    assert.deepEqual(check('{}'), [['MANDATORY_NOT_FOUND', 'required', '{', 'The body needs "name" (mandatory).']]));
  it('a pattern with no checks of its own', () =>
    assert.deepEqual(check('{"name": "Ab1"}'), [
      ['INVALID_DATA', 'pattern', '"Ab1"', 'name has characters Zoho does not allow: "Ab1".'],
    ]));
  it('an object that needs two keys and has one', () => {
    assert.deepEqual(check('{"name": "a", "pair": {"a": "x"}}'), [
      ['MANDATORY_NOT_FOUND', 'required', '"pair"', 'pair needs "b" (mandatory).'],
    ]);
  });
  it('a value that breaks its pattern is not called too short as well; both are errors', () => {
    assert.deepEqual(check('{"name": "a", "short": "A"}'), [
      ['INVALID_DATA', 'pattern', '"A"', 'short has characters Zoho does not allow: "A".'],
    ]);
    const validator = new SchemaValidator('{"name": "A", "short": "a"}', 'v7', SCHEMA);
    visit(validator.text, validator.visitor());
    assert.deepEqual(
      validator.findings.map((finding) => [finding.rule, finding.severity]),
      [
        ['pattern', 'error'],
        ['min-length', 'error'],
      ],
    );
  });
  it('an empty string', () =>
    assert.deepEqual(check('{"name": ""}'), [['INVALID_DATA', 'min-length', '""', 'name must not be empty.']]));
  it('a string too short for a minimum above one is not called empty twice, and a long one is trimmed', () => {
    assert.deepEqual(check('{"name": "a", "code": "abcde"}'), [
      ['INVALID_DATA', 'max-length', '"abcde"', 'code is 5 characters long; Zoho allows at most 4.'],
    ]);
    assert.deepEqual(check('{"name": "a", "code": "a"}'), [
      ['INVALID_DATA', 'min-length', '"a"', 'code must not be empty.'],
    ]);
  });
  it('a length counts characters, not UTF-16 units', () => {
    assert.deepEqual(check('{"name": "a", "code": "😀😀😀😀"}'), []);
    assert.deepEqual(check('{"name": "a", "code": "😀"}'), [
      ['INVALID_DATA', 'min-length', '"😀"', 'code must not be empty.'],
    ]);
  });
  it('a whole number: 3 and 30 are, 3.5 is not', () => {
    assert.deepEqual(check('{"name": "a", "size": 30}'), []);
    assert.deepEqual(check('{"name": "a", "size": 3.5}'), [
      ['INVALID_DATA', 'type', '3.5', 'size must be a whole number, not the number 3.5.'],
    ]);
  });
  it('null where the schema names no code for it is a wrong type', () => {
    assert.deepEqual(check('{"name": "a", "tags": null}'), [
      ['INVALID_DATA', 'type', 'null', 'tags must be an array, not null.'],
    ]);
  });
  it('too few, too many, and a repeated entry', () => {
    assert.deepEqual(check('{"name": "a", "tags": ["x"]}'), [
      ['INVALID_DATA', 'min-items', '["x"]', 'tags needs at least 2 entries.'],
    ]);
    assert.deepEqual(check('{"name": "a", "one": []}'), [
      ['INVALID_DATA', 'min-items', '[]', 'one needs at least 1 entry.'],
    ]);
    assert.deepEqual(check('{"name": "a", "tags": ["w", "x", "y", "z"]}'), [
      ['INVALID_DATA', 'max-items', '"z"', 'tags takes at most 3 entries.'],
    ]);
    assert.deepEqual(check('{"name": "a", "tags": ["x", "y", "x"]}'), [
      ['INVALID_DATA', 'unique-items', '"x"', '"x" appears twice in the list.'],
    ]);
  });
  it('entries are the same when their text decodes the same', () => {
    assert.deepEqual(check('{"name": "a", "tags": ["x", "\\u0078"]}'), [
      ['INVALID_DATA', 'unique-items', '"\\u0078"', '"x" appears twice in the list.'],
    ]);
  });
  it('one of several sets of keys: half a set is not one', () => {
    assert.deepEqual(check('{"name": "a", "pick": {"left": "l"}}'), [
      ['EXPECTED_FIELD_MISSING', 'any-of', '"pick"', 'pick needs one of left, right, middle.'],
    ]);
    assert.deepEqual(check('{"name": "a", "pick": {"left": "l", "right": "r"}}'), []);
  });
  it("a key that a value and another key's presence make mandatory, and only when both hold", () => {
    assert.deepEqual(check('{"name": "a", "kind": {"is": "special", "level": "1"}}'), [
      ['DEPENDENT_FIELD_MISSING', 'dependent', '"1"', 'kind needs "extra".'],
    ]);
    assert.deepEqual(check('{"name": "a", "kind": {"is": "special"}}'), []);
    assert.deepEqual(check('{"name": "a", "kind": {"is": "plain", "level": "1"}}'), []);
  });
  it('past 16 keys an object is indexed: a repeated key is still found, and the first one still counts', () => {
    const filler = Array.from({ length: 17 }, (_, index) => `"k${index}": 1`).join(', ');
    const expected = (text: string) =>
      [
        ['DUPLICATE_KEY', 'duplicate-key', '"is"', '"is" appears twice here; Zoho would read only one.'],
        ['DEPENDENT_FIELD_MISSING', 'dependent', '"1"', 'kind needs "extra".'],
      ].map(([code, rule, marks, message]) => [
        code,
        rule,
        marks === '"is"' ? text.slice(text.lastIndexOf('"is"'), text.lastIndexOf('"is"') + 4) : marks,
        message,
      ]);
    for (const text of [
      `{"name": "a", "kind": {${filler}, "is": "special", "level": "1", "is": "plain"}}`,
      `{"name": "a", "kind": {"is": "special", "level": "1", ${filler}, "is": "plain"}}`,
      `{"name": "a", "kind": {"is": "special", "level": "1", "is": "plain", ${filler}}}`,
    ])
      assert.deepEqual(check(text), expected(text), text);
  });
  it('a findings list stops at its cap', () => {
    const validator = new SchemaValidator(`{"name": "a", "tags": [${'1,'.repeat(1500)}1]}`, 'v7', SCHEMA);
    visit(validator.text, validator.visitor());
    assert.equal(validator.findings.length, MAX_FINDINGS);
  });
  it('a string value checked on its own (the incremental re-check) names it by its key', () => {
    const text = '{"name": "aB1"}';
    const findings = new SchemaValidator(text, 'v7', SCHEMA).checkString(SCHEMA.properties!.name, 'name', 'aB1', {
      offset: 9,
      length: 5,
    });
    assert.deepEqual(
      findings.map((finding) => [finding.rule, finding.message, finding.offset, finding.length]),
      [['pattern', 'name has characters Zoho does not allow: "aB1".', 9, 5]],
    );
  });
});

describe('a value derived from another key (x-zoho.derivedFrom)', () => {
  const derived = {
    type: 'object',
    properties: {
      title: { type: 'string' },
      slug: {
        type: 'string',
        'x-zoho': {
          derivedFrom: 'title',
          reserved: { words: ['Admin'], code: 'RESERVED', why: 'a word kept for the system' },
        },
      },
    },
  } as unknown as JSONSchema;
  const fixOf = (text: string) => {
    const validator = new SchemaValidator(text, 'v7', derived);
    visit(text, validator.visitor());
    return validator.findings.map((finding) => [finding.code, finding.fixes?.map((fix) => fix.edits[0].newText)]);
  };

  it('a reserved value is renamed after the key the schema names, wherever that key stands, for any key', () => {
    assert.deepEqual(fixOf('{"slug": "admin", "title": "Home Page"}'), [['RESERVED', ['"Home_Page"']]]);
    assert.deepEqual(fixOf('{"title": "Home Page", "slug": "admin"}'), [['RESERVED', ['"Home_Page"']]]);
    assert.deepEqual(fixOf('{"slug": "admin"}'), [['RESERVED', ['"admin_Custom"']]]);
  });

  it("the shipped schemas say a module's api_name derives from plural_label and a field's from field_label, and the incremental re-check reads them from there", () => {
    assert.equal(
      rootSchemaOf('module').definitions!.module.properties!.api_name['x-zoho']?.derivedFrom,
      'plural_label',
    );
    assert.equal(rootSchemaOf('fields').definitions!.field.properties!.api_name['x-zoho']?.derivedFrom, 'field_label');
    assert.ok(KEYS_READ_BY_OTHER_RULES.has('api_name'));
    assert.deepEqual([...DERIVATION_SOURCES], ['plural_label', 'field_label']);
  });
});
