/**
 * Every rule's finding as a person meets it in the Problems panel: its code, severity, the text it marks, its
 * message word for word, and the titles of its fixes (★: the preferred one, which VS Code applies on Ctrl+.), and
 * what the first fix writes. Other tests check which rule fires; these check what it says and offers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ApiVersion } from '../../server/languageservice';
import { applyEdits, body } from '../helpers/modules';

type Seen = [code: string, rule: string, severity: string, marks: string, message: string, fixes: string[]];

function seen(text: string, apiVersion?: ApiVersion): Seen[] {
  return analyze(text, apiVersion).findings.map((finding) => [
    finding.code,
    finding.rule ?? '',
    finding.severity,
    text.substr(finding.offset, finding.length),
    finding.message,
    (finding.fixes ?? []).map((fix) => `${fix.preferred ? '★ ' : ''}${fix.title}`),
  ]);
}

const ADMIN = '2423488000000015972';
const sampleModule = () => JSON.parse(body()).modules[0];

const cases: [string, string, Seen[], ApiVersion?][] = [
  [
    'a number where a string goes',
    body((m) => (m.plural_label = 5)),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '5',
        'plural_label must be a string, not the number 5.',
        ['★ Write 5 as a string: "5"'],
      ],
    ],
  ],
  [
    'true where a string goes',
    body((m) => (m.plural_label = true)),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        'true',
        'plural_label must be a string, not true or false.',
        ['★ Write true as a string: "true"'],
      ],
    ],
  ],
  [
    'a long number where an id goes, which would lose digits',
    body((m) => (m.profiles = [{ id: 0 }])).replace('"id": 0', '"id": 2423488000000015972'),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '2423488000000015972',
        'id must be a string, not the number 2423488000000015972. As a number it would also lose digits (JSON numbers keep about 15).',
        ['★ Write 2423488000000015972 as a string: "2423488000000015972"'],
      ],
    ],
  ],
  [
    'a short number where an id goes, which keeps its digits',
    body((m) => (m.profiles = [{ id: 42 }])),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '42',
        'id must be a string, not the number 42.',
        ['★ Write 42 as a string: "42"'],
      ],
    ],
  ],
  [
    'an object where a list goes',
    '{"modules": {"plural_label": "A"}}',
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '{"plural_label": "A"}',
        'modules must be an array, not an object.',
        ['★ Put the object in an array: [ … ]'],
      ],
    ],
  ],
  [
    'a string where an object goes',
    body((m) => (m.display_field = 'x')),
    [['INVALID_DATA', 'type', 'error', '"x"', 'display_field must be an object, not a string.', []]],
  ],
  [
    'a list where an object goes',
    body((m) => (m.display_field = [])),
    [['INVALID_DATA', 'type', 'error', '[]', 'display_field must be an object, not an array.', []]],
  ],
  [
    'a body that is not an object',
    '[]',
    [['INVALID_DATA', 'type', 'error', '[]', 'The request body must be a JSON object: {"modules": [ … ]}.', []]],
  ],
  [
    'profiles null',
    body((m) => (m.profiles = null)),
    [
      [
        'MINIMUM_DATA_NOT_FOUND',
        'null',
        'error',
        'null',
        'A new module needs at least one profile in profiles.',
        ['★ Add an empty profiles entry'],
      ],
    ],
  ],
  [
    'profiles empty',
    body((m) => (m.profiles = [])),
    [
      [
        'MINIMUM_DATA_NOT_FOUND',
        'min-items',
        'error',
        '[]',
        'A new module needs at least one profile in profiles.',
        ['★ Add an empty profiles entry'],
      ],
    ],
  ],
  [
    'modules empty',
    '{"modules": []}',
    [
      [
        'MANDATORY_NOT_FOUND',
        'min-items',
        'error',
        '[]',
        'modules needs at least 1 entry.',
        ['★ Add an empty modules entry'],
      ],
    ],
  ],
  [
    'two modules',
    `{"modules": [${JSON.stringify(sampleModule())}, ${JSON.stringify({ ...sampleModule(), plural_label: 'Others' })}]}`,
    [
      [
        'INVALID_DATA',
        'max-items',
        'error',
        JSON.stringify({ ...sampleModule(), plural_label: 'Others' }),
        'Zoho creates one module per call: put each other module in a file of its own.',
        [],
      ],
    ],
  ],
  [
    'a profile twice',
    body((m) => (m.profiles = [{ id: ADMIN }, { id: ADMIN }])),
    [
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        `"${ADMIN}"`,
        `id "${ADMIN}" is in profiles twice; Zoho does not allow duplicate profile ids.`,
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a profile twice, once written with an escape',
    body((m) => (m.profiles = [{ id: ADMIN }, { id: 'second' }])).replace('"second"', `"\\u0032${ADMIN.slice(1)}"`),
    [
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        `"\\u0032${ADMIN.slice(1)}"`,
        `id "${ADMIN}" is in profiles twice; Zoho does not allow duplicate profile ids.`,
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  // The repeat check hashes each id (FNV-1a over its text); these two ids hash alike, and are still two ids.
  [
    'two ids whose hashes meet, one of them twice',
    body(
      (m) =>
        (m.profiles = [{ id: '2423488001310428672' }, { id: '2423488000154937344' }, { id: '2423488001310428672' }]),
    ),
    [
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        '"2423488001310428672"',
        'id "2423488001310428672" is in profiles twice; Zoho does not allow duplicate profile ids.',
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a repeat after more entries than the list first makes room for',
    body(
      (m) =>
        (m.profiles = [
          ...Array.from({ length: 20 }, (_, index) => ({ id: `24234880000000${10000 + index}` })),
          { id: '2423488000000010000' },
        ]),
    ),
    [
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        '"2423488000000010000"',
        'id "2423488000000010000" is in profiles twice; Zoho does not allow duplicate profile ids.',
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a profile id whose digits would still be too many has no fix',
    body((m) => (m.profiles = [{ id: `${'1'.repeat(20)}a` }])),
    [
      [
        'INVALID_DATA',
        'profile-id-digits',
        'error',
        '"11111111111111111111a"',
        'id must be a profile id of up to 19 digits: "11111111111111111111a".',
        [],
      ],
    ],
  ],
  [
    'a prefix of no letter or digit may be emptied (a prefix is optional)',
    body((m) => (m.display_field.auto_number.prefix = '---')),
    [
      [
        'INVALID_DATA',
        'affix-characters',
        'error',
        '"---"',
        'prefix allows only letters and digits, not "-": "---".',
        ['★ Keep only letters and digits: ""'],
      ],
    ],
  ],
  [
    'a key twice',
    '{"modules": [{"plural_label": "A", "plural_label": "B", "singular_label": "S", "profiles": [{"id": "1"}]}]}',
    [
      [
        'DUPLICATE_KEY',
        'duplicate-key',
        'error',
        '"plural_label"',
        '"plural_label" appears twice here; Zoho would read only one.',
        ['Remove this "plural_label"'],
      ],
    ],
  ],
  [
    'a mandatory key missing',
    body((m) => delete m.singular_label),
    [
      [
        'MANDATORY_NOT_FOUND',
        'required',
        'error',
        '{',
        'modules[0] needs "singular_label" (mandatory).',
        ['★ Add "singular_label"'],
      ],
    ],
  ],
  [
    'the body without modules',
    '{}',
    [['MANDATORY_NOT_FOUND', 'required', 'error', '{', 'The body needs "modules" (mandatory).', ['★ Add "modules"']]],
  ],
  [
    'autonumber without auto_number',
    body((m) => delete m.display_field.auto_number),
    [
      [
        'DEPENDENT_FIELD_MISSING',
        'dependent',
        'error',
        '"autonumber"',
        'data_type "autonumber" needs an auto_number object with a start_number.',
        ['★ Add "auto_number"'],
      ],
    ],
  ],
  [
    'display_field with neither key',
    body((m) => (m.display_field = {})),
    [
      [
        'EXPECTED_FIELD_MISSING',
        'any-of',
        'error',
        '"display_field"',
        'display_field needs field_label or data_type (or both).',
        ['Add "field_label"', '★ Add "data_type"'],
      ],
    ],
  ],
  [
    'an unknown key with a close known one',
    body((m) => {
      delete m.api_name;
      m.api_nmae = 'x';
    }),
    [
      [
        'UNKNOWN_KEY',
        'unknown-key',
        'warning',
        '"api_nmae"',
        'Unknown key "api_nmae" in modules[0]. Did you mean "api_name"?',
        ['★ Change to "api_name"', 'Remove "api_nmae"'],
      ],
    ],
  ],
  [
    'an unknown key at the top level',
    `{"modules": [${JSON.stringify(sampleModule())}], "zzz": 1}`,
    [['UNKNOWN_KEY', 'unknown-key', 'warning', '"zzz"', 'Unknown key "zzz" at the top level.', ['Remove "zzz"']]],
  ],
  [
    'an unknown key where other keys could go',
    body((m) => {
      delete m.display_field.auto_number.suffix;
      m.display_field.auto_number.zzzz = 1;
    }),
    [
      [
        'UNKNOWN_KEY',
        'unknown-key',
        'warning',
        '"zzzz"',
        'Unknown key "zzzz" in auto_number; known here: suffix.',
        ['Remove "zzzz"'],
      ],
    ],
  ],
  [
    'a key of API v8 under v7',
    body((m) => (m.access_type = 'org_based')),
    [
      [
        'NEEDS_LATER_API_VERSION',
        'later-version',
        'warning',
        '"access_type"',
        '"access_type" needs Zoho CRM API v8; v7 ignores it. Set zohoCrm.apiVersion to "v8" to use it.',
        ['Remove "access_type"', 'Switch to API v8'],
      ],
    ],
    'v7',
  ],
  [
    'profiles of a team-based module (v8)',
    body((m) => (m.access_type = 'team_based')),
    [
      [
        'INVALID_DATA',
        'required-unless',
        'error',
        '"profiles"',
        'A team-based module takes no profiles: Zoho gives access by team.',
        ['★ Remove "profiles"'],
      ],
    ],
    'v8',
  ],
  [
    'a value not in the list, close to one',
    body((m) => (m.display_field.data_type = 'Text ')),
    [
      [
        'INVALID_DATA',
        'enum',
        'error',
        '"Text "',
        '"Text " is not a valid data_type: use "autonumber" or "text".',
        ['★ Change to "text"', 'Change to "autonumber"'],
      ],
    ],
  ],
  [
    'a value not in the list, close to none',
    body((m) => (m.display_field.data_type = 'qqqq')),
    [
      [
        'INVALID_DATA',
        'enum',
        'error',
        '"qqqq"',
        '"qqqq" is not a valid data_type: use "autonumber" or "text".',
        ['Change to "autonumber"', 'Change to "text"'],
      ],
    ],
  ],
  [
    'a label too long',
    body((m) => (m.plural_label = 'A'.repeat(26))),
    [
      [
        'INVALID_DATA',
        'max-length',
        'error',
        `"${'A'.repeat(26)}"`,
        'plural_label is 26 characters long; Zoho allows at most 25 (letters, digits and spaces).',
        [`★ Trim to 25 characters: "${'A'.repeat(25)}"`],
      ],
    ],
  ],
  [
    'an api_name too long, trimmed without a trailing underscore',
    body((m) => (m.api_name = `${'A'.repeat(49)}_BCD`)),
    [
      [
        'INVALID_DATA',
        'max-length',
        'error',
        `"${'A'.repeat(49)}_BCD"`,
        'api_name is 53 characters long; Zoho allows at most 50 (English letters, digits, spaces and underscores).',
        [`★ Trim to 50 characters: "${'A'.repeat(49)}"`],
      ],
    ],
  ],
  [
    'a field label too long, whose characters the schema does not name',
    body((m) => (m.display_field.field_label = 'F'.repeat(101))),
    [
      [
        'INVALID_DATA',
        'max-length',
        'error',
        `"${'F'.repeat(101)}"`,
        'field_label is 101 characters long; Zoho allows at most 100.',
        [`★ Trim to 100 characters: "${'F'.repeat(100)}"`],
      ],
    ],
  ],
  [
    'an api_name that starts with a digit and ends with an underscore',
    body((m) => (m.api_name = '1stock_')),
    [
      [
        'INVALID_DATA',
        'api-name-start',
        'error',
        '"1stock_"',
        'api_name must start with an English letter: "1stock_".',
        ['★ Start with the first letter: "stock_"'],
      ],
      [
        'INVALID_DATA',
        'api-name-trailing-underscore',
        'error',
        '"1stock_"',
        'api_name must not end with an underscore: "1stock_".',
        ['★ Remove the trailing underscore: "1stock"'],
      ],
    ],
  ],
  [
    'two underscores in a row',
    body((m) => (m.api_name = 'my__stock')),
    [
      [
        'INVALID_DATA',
        'api-name-double-underscore',
        'error',
        '"my__stock"',
        'api_name must not contain two underscores in a row (__): "my__stock".',
        ['★ Replace "__" with "_": "my_stock"'],
      ],
    ],
  ],
  [
    'a reserved api_name in another letter case',
    body((m) => (m.api_name = 'notes')),
    [
      [
        'RESERVED_KEYWORD_NOT_ALLOWED',
        'reserved',
        'error',
        '"notes"',
        '"notes" is reserved for Zoho\'s own API names ("Notes", in any letter case); choose another api_name.',
        ['★ Rename to "Stocks"'],
      ],
    ],
  ],
  [
    'a reserved api_name as written, whose plural label would be reserved too',
    body((m) => {
      m.api_name = 'Notes';
      m.plural_label = 'Notes';
    }),
    [
      [
        'RESERVED_KEYWORD_NOT_ALLOWED',
        'reserved',
        'error',
        '"Notes"',
        '"Notes" is reserved for Zoho\'s own API names; choose another api_name.',
        ['★ Rename to "Notes_Custom"'],
      ],
    ],
  ],
  [
    'a reserved label',
    body((m) => (m.plural_label = 'CustomModule')),
    [
      [
        'INVALID_DATA',
        'reserved',
        'error',
        '"CustomModule"',
        '"CustomModule" is reserved for Zoho\'s own modules; choose another plural_label.',
        [],
      ],
    ],
  ],
  [
    'a label of spaces only',
    body((m) => (m.plural_label = '   ')),
    [['INVALID_DATA', 'label-blank', 'error', '"   "', 'plural_label must not be empty or only spaces: "   ".', []]],
  ],
  [
    'a label with many refused characters',
    body((m) => (m.plural_label = 'a!b@c#d$e%f^g')),
    [
      [
        'INVALID_DATA',
        'label-characters',
        'error',
        '"a!b@c#d$e%f^g"',
        'plural_label allows only letters, digits and spaces, not "!" "@" "#" "$" "%" …: "a!b@c#d$e%f^g".',
        ['★ Remove special characters: "a b c d e f g"'],
      ],
    ],
  ],
  [
    'a label with a tab and a refused character',
    body((m) => (m.singular_label = 'R&D\tX')),
    [
      [
        'INVALID_DATA',
        'label-characters',
        'error',
        '"R&D\\tX"',
        'singular_label allows only letters, digits and spaces, not "&" "\\t": "R&D\\tX".',
        ['★ Remove special characters: "R D X"'],
      ],
    ],
  ],
  [
    'a profile id with letters',
    body((m) => (m.profiles = [{ id: '12ab' }])),
    [
      [
        'INVALID_DATA',
        'profile-id-digits',
        'error',
        '"12ab"',
        'id must be a profile id of up to 19 digits: "12ab".',
        ['★ Keep only the digits: "12"'],
      ],
    ],
  ],
  [
    'a negative start number',
    body((m) => (m.display_field.auto_number.start_number = -5)),
    [['INVALID_DATA', 'minimum', 'error', '-5', 'start_number must not be negative: only digits are allowed.', []]],
  ],
  [
    'a start number of 17 digits, as a number',
    body((m) => (m.display_field.auto_number.start_number = 0)).replace(
      '"start_number": 0',
      '"start_number": 12345678901234567',
    ),
    [
      [
        'INVALID_DATA',
        'max-digits',
        'error',
        '12345678901234567',
        'start_number has 17 digits; Zoho allows at most 16.',
        ['Keep the first 16 digits: 1234567890123456'],
      ],
    ],
  ],
  [
    'a start number of 17 digits, as a string',
    body((m) => (m.display_field.auto_number.start_number = '12345678901234567')),
    [
      [
        'INVALID_DATA',
        'max-digits',
        'error',
        '"12345678901234567"',
        'start_number has 17 digits; Zoho allows at most 16.',
        ['Keep the first 16 digits: 1234567890123456'],
      ],
    ],
  ],
  [
    'an empty start number',
    body((m) => (m.display_field.auto_number.start_number = '')),
    [['INVALID_DATA', 'start-number-empty', 'error', '""', 'start_number must not be empty: "".', []]],
  ],
  [
    'a start number with a letter',
    body((m) => (m.display_field.auto_number.start_number = '12a')),
    [
      [
        'INVALID_DATA',
        'start-number-digits',
        'error',
        '"12a"',
        'start_number allows only digits, not "a": "12a".',
        ['★ Keep only the digits: "12"'],
      ],
    ],
  ],
  [
    'a prefix with a dash',
    body((m) => (m.display_field.auto_number.prefix = 'ZO-HO')),
    [
      [
        'INVALID_DATA',
        'affix-characters',
        'error',
        '"ZO-HO"',
        'prefix allows only letters and digits, not "-": "ZO-HO".',
        ['★ Keep only letters and digits: "ZOHO"'],
      ],
    ],
  ],
  [
    'an object where a string goes: no fix',
    body((m) => (m.plural_label = { a: 1 })),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '{\n        "a": 1\n      }',
        'plural_label must be a string, not an object.',
        [],
      ],
    ],
  ],
  [
    'a string where a list goes: no fix',
    body((m) => (m.profiles = 'x')),
    [['INVALID_DATA', 'type', 'error', '"x"', 'profiles must be an array, not a string.', []]],
  ],
  [
    'a long number where an object goes: no note on digits',
    body((m) => (m.display_field = 0)).replace('"display_field": 0', '"display_field": 1234567890123456789'),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '1234567890123456789',
        'display_field must be an object, not the number 1234567890123456789.',
        [],
      ],
    ],
  ],
  [
    'a profile id of 20 digits is too long an id, not a digit count',
    body((m) => (m.profiles = [{ id: '1'.repeat(20) }])),
    [
      [
        'INVALID_DATA',
        'profile-id-digits',
        'error',
        '"11111111111111111111"',
        'id must be a profile id of up to 19 digits: "11111111111111111111".',
        [],
      ],
    ],
  ],
  [
    'a start number that ends in digits is not counted as digits',
    body((m) => (m.display_field.auto_number.start_number = `a${'1'.repeat(17)}`)),
    [
      [
        'INVALID_DATA',
        'start-number-digits',
        'error',
        '"a11111111111111111"',
        'start_number allows only digits, not "a": "a11111111111111111".',
        ['★ Keep only the digits: "11111111111111111"'],
      ],
    ],
  ],
  [
    'a start number that starts with digits is not counted as digits',
    body((m) => (m.display_field.auto_number.start_number = `${'1'.repeat(17)}a`)),
    [
      [
        'INVALID_DATA',
        'start-number-digits',
        'error',
        '"11111111111111111a"',
        'start_number allows only digits, not "a": "11111111111111111a".',
        ['★ Keep only the digits: "11111111111111111"'],
      ],
    ],
  ],
  [
    'a prefix with a space names the space',
    body((m) => (m.display_field.auto_number.prefix = 'ZO HO')),
    [
      [
        'INVALID_DATA',
        'affix-characters',
        'error',
        '"ZO HO"',
        'prefix allows only letters and digits, not space: "ZO HO".',
        ['★ Keep only letters and digits: "ZOHO"'],
      ],
    ],
  ],
  [
    'five refused characters are all named, without an ellipsis',
    body((m) => (m.plural_label = 'a!b@c#d$e%f')),
    [
      [
        'INVALID_DATA',
        'label-characters',
        'error',
        '"a!b@c#d$e%f"',
        'plural_label allows only letters, digits and spaces, not "!" "@" "#" "$" "%": "a!b@c#d$e%f".',
        ['★ Remove special characters: "a b c d e f"'],
      ],
    ],
  ],
  [
    'a long value is quoted shortened',
    body((m) => (m.api_name = `A-${'b'.repeat(70)}`)),
    [
      [
        'INVALID_DATA',
        'api-name-characters',
        'error',
        '"A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"',
        'api_name allows only English letters, digits, spaces and underscores, not "-": "A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…".',
        [
          '★ Replace special characters with underscores: "A_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"',
        ],
      ],
      [
        'INVALID_DATA',
        'max-length',
        'error',
        '"A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"',
        'api_name is 72 characters long; Zoho allows at most 50 (English letters, digits, spaces and underscores).',
        ['★ Trim to 50 characters: "A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"'],
      ],
    ],
  ],
  ['25 letters outside the 16-bit range are 25 characters', body((m) => (m.plural_label = '𝐀'.repeat(25))), []],
  [
    '26 of them are 26',
    body((m) => (m.plural_label = '𝐀'.repeat(26))),
    [
      [
        'INVALID_DATA',
        'max-length',
        'error',
        '"𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀"',
        'plural_label is 26 characters long; Zoho allows at most 25 (letters, digits and spaces).',
        ['★ Trim to 25 characters: "𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀𝐀"'],
      ],
    ],
  ],
  [
    'an api_name that fixing would leave empty has no fix',
    body((m) => (m.api_name = '1')),
    [['INVALID_DATA', 'api-name-start', 'error', '"1"', 'api_name must start with an English letter: "1".', []]],
  ],
  [
    'a label of 26 spaces: nothing to trim to',
    body((m) => (m.plural_label = ' '.repeat(26))),
    [
      [
        'INVALID_DATA',
        'label-blank',
        'error',
        '"                          "',
        'plural_label must not be empty or only spaces: "                          ".',
        [],
      ],
      [
        'INVALID_DATA',
        'max-length',
        'error',
        '"                          "',
        'plural_label is 26 characters long; Zoho allows at most 25 (letters, digits and spaces).',
        [],
      ],
    ],
  ],
  [
    'a value in the wrong case and with spaces around is still matched',
    body((m) => (m.display_field.data_type = '  AUTONUMBER ')),
    [
      [
        'INVALID_DATA',
        'enum',
        'error',
        '"  AUTONUMBER "',
        '"  AUTONUMBER " is not a valid data_type: use "autonumber" or "text".',
        ['★ Change to "autonumber"', 'Change to "text"'],
      ],
    ],
  ],
  [
    'a reserved api_name whose plural label is not text',
    body((m) => {
      m.api_name = 'Notes';
      m.plural_label = 5;
    }),
    [
      [
        'INVALID_DATA',
        'type',
        'error',
        '5',
        'plural_label must be a string, not the number 5.',
        ['★ Write 5 as a string: "5"'],
      ],
      [
        'RESERVED_KEYWORD_NOT_ALLOWED',
        'reserved',
        'error',
        '"Notes"',
        '"Notes" is reserved for Zoho\'s own API names; choose another api_name.',
        ['★ Rename to "Notes_Custom"'],
      ],
    ],
  ],
  [
    'a reserved api_name whose plural label makes no API name',
    body((m) => {
      m.api_name = 'Notes';
      m.plural_label = '!!!';
    }),
    [
      [
        'INVALID_DATA',
        'label-characters',
        'error',
        '"!!!"',
        'plural_label allows only letters, digits and spaces, not "!": "!!!".',
        [],
      ],
      [
        'RESERVED_KEYWORD_NOT_ALLOWED',
        'reserved',
        'error',
        '"Notes"',
        '"Notes" is reserved for Zoho\'s own API names; choose another api_name.',
        ['★ Rename to "Notes_Custom"'],
      ],
    ],
  ],
  [
    'a repeat after an entry without an id',
    '{"modules": [{"plural_label": "A", "singular_label": "S", "profiles": [{"id": "1"}, {}, {"id": "1"}]}]}',
    [
      ['MANDATORY_NOT_FOUND', 'required', 'error', '{', 'profiles[1] needs "id" (mandatory).', ['★ Add "id"']],
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        '"1"',
        'id "1" is in profiles twice; Zoho does not allow duplicate profile ids.',
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a repeat written with other spacing around it',
    '{"modules": [{"plural_label": "A", "singular_label": "S", "profiles": [{"id": "1"}, {"id": "1" }]}]}',
    [
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        '"1"',
        'id "1" is in profiles twice; Zoho does not allow duplicate profile ids.',
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a second value after the body is a syntax error only',
    '{"modules": [{"plural_label": "A", "singular_label": "S", "profiles": [{"id": "1"}]}]} {}',
    [
      [
        'INVALID_DATA',
        'syntax',
        'error',
        '{',
        'Only one JSON value is allowed; the file should end here. Zoho accepts strict JSON only.',
        [],
      ],
    ],
  ],
  [
    'a stray value among keys does not stand for the key before it',
    '{"modules": [{"plural_label": "A", "singular_label": "S", "profiles": [{"id": "1"}], "display_field": {"data_type": "autonumber", 5}}]}',
    [
      [
        'DEPENDENT_FIELD_MISSING',
        'dependent',
        'error',
        '"autonumber"',
        'data_type "autonumber" needs an auto_number object with a start_number.',
        ['★ Add "auto_number"'],
      ],
      [
        'INVALID_DATA',
        'syntax-trailing-comma',
        'error',
        ',',
        'Trailing comma: Zoho accepts strict JSON only. Remove the comma.',
        ['★ Remove the trailing comma'],
      ],
      [
        'INVALID_DATA',
        'syntax',
        'error',
        '5',
        'A key in double quotes is expected here. Zoho accepts strict JSON only.',
        [],
      ],
      ['INVALID_DATA', 'syntax', 'error', '}', 'A value is expected here. Zoho accepts strict JSON only.', []],
    ],
  ],
  [
    'a key inside a list',
    '{"modules": ["plural_label": "A"]}',
    [
      ['INVALID_DATA', 'type', 'error', '"plural_label"', 'modules[0] must be an object, not a string.', []],
      ['INVALID_DATA', 'syntax', 'error', ':', 'A comma is expected here. Zoho accepts strict JSON only.', []],
      ['INVALID_DATA', 'syntax', 'error', ':', 'A value is expected here. Zoho accepts strict JSON only.', []],
    ],
  ],
  [
    'a key with no object around it',
    '"a": 1',
    [
      ['INVALID_DATA', 'type', 'error', '"a"', 'The request body must be a JSON object: {"modules": [ … ]}.', []],
      [
        'INVALID_DATA',
        'syntax',
        'error',
        ':',
        'Only one JSON value is allowed; the file should end here. Zoho accepts strict JSON only.',
        [],
      ],
    ],
  ],
  [
    'a profile entry with another key before its id: the id is what repeats',
    body(
      (m) =>
        (m.profiles = [
          { name: 'A', id: '2423488000000015972' },
          { name: 'B', id: '2423488000000015972' },
        ]),
    ),
    [
      ['UNKNOWN_KEY', 'unknown-key', 'warning', '"name"', 'Unknown key "name" in profiles[0].', ['Remove "name"']],
      ['UNKNOWN_KEY', 'unknown-key', 'warning', '"name"', 'Unknown key "name" in profiles[1].', ['Remove "name"']],
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        '"2423488000000015972"',
        'id "2423488000000015972" is in profiles twice; Zoho does not allow duplicate profile ids.',
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a value of exactly 60 characters is quoted whole',
    body((m) => (m.api_name = `A-${'b'.repeat(58)}`)),
    [
      [
        'INVALID_DATA',
        'api-name-characters',
        'error',
        '"A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"',
        'api_name allows only English letters, digits, spaces and underscores, not "-": "A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".',
        [
          '★ Replace special characters with underscores: "A_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"',
        ],
      ],
      [
        'INVALID_DATA',
        'max-length',
        'error',
        '"A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"',
        'api_name is 60 characters long; Zoho allows at most 50 (English letters, digits, spaces and underscores).',
        ['★ Trim to 50 characters: "A-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"'],
      ],
    ],
  ],
  [
    'the 17th entry repeating the first (past the first room for 16)',
    body(
      (m) =>
        (m.profiles = [
          ...Array.from({ length: 16 }, (_, index) => ({ id: `24234880000000${10000 + index}` })),
          { id: '2423488000000010000' },
          { id: '2423488000000020000' },
        ]),
    ),
    [
      [
        'INVALID_DATA',
        'unique-items',
        'error',
        '"2423488000000010000"',
        'id "2423488000000010000" is in profiles twice; Zoho does not allow duplicate profile ids.',
        ['★ Remove the repeated entry'],
      ],
    ],
  ],
  [
    'a label trimmed keeps an underscore (its own rule says it is refused)',
    body((m) => (m.plural_label = `${'A'.repeat(24)}_BC`)),
    [
      [
        'INVALID_DATA',
        'label-characters',
        'error',
        '"AAAAAAAAAAAAAAAAAAAAAAAA_BC"',
        'plural_label allows only letters, digits and spaces, not "_": "AAAAAAAAAAAAAAAAAAAAAAAA_BC".',
        ['★ Remove special characters: "AAAAAAAAAAAAAAAAAAAAAAAA BC"'],
      ],
      [
        'INVALID_DATA',
        'max-length',
        'error',
        '"AAAAAAAAAAAAAAAAAAAAAAAA_BC"',
        'plural_label is 27 characters long; Zoho allows at most 25 (letters, digits and spaces).',
        ['★ Trim to 25 characters: "AAAAAAAAAAAAAAAAAAAAAAAA_"'],
      ],
    ],
  ],
  [
    'a reserved api_name in a module without a plural label',
    body((m) => {
      m.api_name = 'Notes';
      delete m.plural_label;
    }),
    [
      [
        'MANDATORY_NOT_FOUND',
        'required',
        'error',
        '{',
        'modules[0] needs "plural_label" (mandatory).',
        ['★ Add "plural_label"'],
      ],
      [
        'RESERVED_KEYWORD_NOT_ALLOWED',
        'reserved',
        'error',
        '"Notes"',
        '"Notes" is reserved for Zoho\'s own API names; choose another api_name.',
        ['★ Rename to "Notes_Custom"'],
      ],
    ],
  ],
  [
    'a value with spaces around, in another case, far from the others by spelling',
    body((m) => (m.display_field.data_type = '   TEXT   ')),
    [
      [
        'INVALID_DATA',
        'enum',
        'error',
        '"   TEXT   "',
        '"   TEXT   " is not a valid data_type: use "autonumber" or "text".',
        ['★ Change to "text"', 'Change to "autonumber"'],
      ],
    ],
  ],
];

const BARE = '{"modules": [{"plural_label": "A", "singular_label": "S", "profiles": [{"id": "1"}]}]}';

/** What the first fix of the finding of `rule` writes: the text with `from` replaced by `to`. */
const fixResults: [string, string, string, [string, string], ApiVersion?][] = [
  [
    'a number written as a string',
    body((m) => (m.plural_label = 5)),
    'type',
    ['"plural_label": 5', '"plural_label": "5"'],
  ],
  [
    'an object put in a list',
    '{"modules": {"plural_label": "A"}}',
    'type',
    ['{"plural_label": "A"}', '[{"plural_label": "A"}]'],
  ],
  [
    'null profiles get an entry to fill',
    body((m) => (m.profiles = null)),
    'null',
    ['"profiles": null', '"profiles": [{ "id": "" }]'],
  ],
  [
    'the second of a key twice removed, with its comma',
    BARE.replace('"A", ', '"A", "plural_label": "B", '),
    'duplicate-key',
    [', "plural_label": "B"', ''],
  ],
  [
    'a repeated entry removed from the end of the one before it',
    BARE.replace('{"id": "1"}]', '{"id": "1"}, {}, {"id": "1"}]'),
    'unique-items',
    ['{}, {"id": "1"}]', '{}]'],
  ],
  [
    'a key of a later API version removed',
    BARE.replace('"S", ', '"S", "access_type": "org_based", '),
    'later-version',
    ['"access_type": "org_based", ', ''],
    'v7',
  ],
  [
    'a mandatory key added at the end',
    BARE.replace('"singular_label": "S", ', ''),
    'required',
    ['[{"id": "1"}]}', '[{"id": "1"}], "singular_label": ""}'],
  ],
  [
    'one of two keys added',
    BARE.replace(']}]}', '], "display_field": {}}]}'),
    'any-of',
    ['"display_field": {}', '"display_field": { "field_label": "" }'],
  ],
  [
    'profiles of a team-based module removed when they come first',
    '{"modules": [{"profiles": [{"id": "1"}], "plural_label": "A", "singular_label": "S", "access_type": "team_based"}]}',
    'required-unless',
    ['"profiles": [{"id": "1"}], ', ''],
    'v8',
  ],
  ['an unknown key without a value removed', '{"modules": [], "zzz"}', 'unknown-key', [', "zzz"', '']],
  [
    'a label trimmed at a space loses the space',
    body((m) => (m.plural_label = `${'A'.repeat(24)} BBBBB`)),
    'max-length',
    [`${'A'.repeat(24)} BBBBB`, 'A'.repeat(24)],
  ],
  [
    'an api_name trimmed keeps its inner underscore',
    body((m) => (m.api_name = `AB_${'C'.repeat(46)}_DEF`)),
    'max-length',
    [`AB_${'C'.repeat(46)}_DEF`, `AB_${'C'.repeat(46)}`],
  ],
  [
    'an api_name trimmed at two underscores loses both',
    body((m) => (m.api_name = `${'A'.repeat(48)}__B`)),
    'max-length',
    [`${'A'.repeat(48)}__B`, 'A'.repeat(48)],
  ],
  [
    'a reserved api_name renamed after the plural label',
    body((m) => (m.api_name = 'notes')),
    'reserved',
    ['"api_name": "notes"', '"api_name": "Stocks"'],
  ],
  [
    'a value matched in another case',
    body((m) => (m.display_field.data_type = '  AUTONUMBER ')),
    'enum',
    ['"  AUTONUMBER "', '"autonumber"'],
  ],
];

describe('what each rule says', () => {
  for (const [name, text, expected, apiVersion] of cases) {
    it(name, () => assert.deepEqual(seen(text, apiVersion), expected));
  }
});

describe("what each rule's first fix writes", () => {
  for (const [name, text, rule, [from, to], apiVersion] of fixResults) {
    it(name, () => {
      assert.ok(text.includes(from), `the case's text holds ${from}`);
      const fix = analyze(text, apiVersion).findings.find((finding) => finding.rule === rule)?.fixes?.[0];
      assert.ok(fix, `a ${rule} finding with a fix`);
      assert.equal(applyEdits(text, fix.edits), text.replace(from, to));
    });
  }

  it('an entry added for null profiles leaves the cursor in its id (a snippet)', () => {
    const fix = analyze(body((m) => (m.profiles = null))).findings[0].fixes![0];
    assert.deepEqual(
      fix.edits.map((edit) => edit.snippet),
      ['[{ "id": "$1" }]'],
    );
  });
});
