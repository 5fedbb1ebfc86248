import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, LineIndex } from '../../server/languageservice';
import { body, codes, findings, SAMPLE_AUTONUMBER, SAMPLE_TEXT } from '../helpers/modules';

function only(text: string) {
  const list = findings(text);
  assert.equal(
    list.length,
    1,
    `expected one finding, got ${JSON.stringify(list.map((f) => [f.code, f.rule, f.message]))}`,
  );
  return list[0];
}

function ruleOf(text: string) {
  const finding = only(text);
  return `${finding.code}/${finding.rule}`;
}

describe('the page samples', () => {
  it('the autonumber sample has no error and no warning', () => assert.deepEqual(findings(SAMPLE_AUTONUMBER), []));
  it('the text sample has no error and no warning', () => assert.deepEqual(findings(SAMPLE_TEXT), []));
});

describe('modules', () => {
  it('is mandatory', () => assert.equal(ruleOf('{}'), 'MANDATORY_NOT_FOUND/required'));
  it('must be an array', () => assert.equal(ruleOf('{"modules": {}}'), 'INVALID_DATA/type'));
  it('must not be empty', () => assert.equal(ruleOf('{"modules": []}'), 'MANDATORY_NOT_FOUND/min-items'));
  it('holds one module only', () => {
    const module = JSON.parse(body()).modules[0];
    const text = JSON.stringify({ modules: [module, { ...module, plural_label: 'Others' }] }, null, 2);
    const finding = only(text);
    assert.equal(finding.code, 'INVALID_DATA');
    assert.match(finding.message, /one module per call/);
    assert.equal(
      new LineIndex(text).position(finding.offset).line,
      new LineIndex(text).position(text.indexOf('"Others"')).line - 1,
    );
  });
  it('the body must be an object', () => assert.equal(ruleOf('[]'), 'INVALID_DATA/type'));
});

for (const key of ['plural_label', 'singular_label']) {
  describe(key, () => {
    it('is mandatory', () => {
      const text = body((m) => delete m[key]);
      const finding = only(text);
      assert.equal(finding.code, 'MANDATORY_NOT_FOUND');
      assert.match(finding.message, new RegExp(`"${key}"`));
    });
    it('takes 25 characters', () => assert.deepEqual(codes(body((m) => (m[key] = 'A'.repeat(25)))), []));
    it('rejects 26 characters', () => {
      const finding = only(body((m) => (m[key] = 'A'.repeat(26))));
      assert.equal(finding.code, 'INVALID_DATA');
      assert.match(finding.message, /26 characters long; Zoho allows at most 25/);
    });
    it('counts spaces in the 25', () =>
      assert.equal(ruleOf(body((m) => (m[key] = `${'A'.repeat(13)} ${'B'.repeat(12)}`))), 'INVALID_DATA/max-length'));
    it('takes letters, digits and spaces', () =>
      assert.deepEqual(codes(body((m) => (m[key] = 'Stock Items 2024'))), []));
    it('takes letters beyond English', () => assert.deepEqual(codes(body((m) => (m[key] = 'Bücher Éléments'))), []));
    for (const bad of ['Stock-Items', 'Stocks!', 'A_B', 'R&D', 'Stock.Items']) {
      it(`rejects special characters: ${bad}`, () =>
        assert.equal(ruleOf(body((m) => (m[key] = bad))), 'INVALID_DATA/label-characters'));
      it(`names the characters Zoho refuses, in a sentence: ${bad}`, () => {
        const [finding] = findings(body((m) => (m[key] = bad))).filter((f) => f.rule === 'label-characters');
        assert.match(finding.message, new RegExp(`^${key} allows only letters, digits and spaces, not "`));
      });
    }
    it('must not be empty', () => assert.equal(ruleOf(body((m) => (m[key] = ''))), 'INVALID_DATA/label-blank'));
    it('must not be only spaces', () =>
      assert.equal(ruleOf(body((m) => (m[key] = '   '))), 'INVALID_DATA/label-blank'));
    it('must be a string', () => assert.equal(ruleOf(body((m) => (m[key] = 42))), 'INVALID_DATA/type'));
    for (const word of [
      'CustomModule',
      'customtab',
      'ROLES',
      'Report Folders',
      'report  folder',
      'Blueprint State Logs',
      'Forecast Quotas',
      'Locking Information',
      'LockingInformation',
      'ZSURVEY',
    ]) {
      it(`rejects the system keyword ${JSON.stringify(word)}`, () => {
        const finding = only(body((m) => (m[key] = word)));
        assert.equal(finding.code, 'INVALID_DATA');
        assert.equal(finding.rule, 'reserved');
      });
    }
    it('takes a label that only contains a keyword', () =>
      assert.deepEqual(codes(body((m) => (m[key] = 'Roles Archive'))), []));
  });
}

describe('profiles', () => {
  it('is mandatory', () => assert.equal(ruleOf(body((m) => delete m.profiles)), 'MANDATORY_NOT_FOUND/required'));
  it('must not be empty', () =>
    assert.equal(ruleOf(body((m) => (m.profiles = []))), 'MINIMUM_DATA_NOT_FOUND/min-items'));
  it('must not be null', () => assert.equal(ruleOf(body((m) => (m.profiles = null))), 'MINIMUM_DATA_NOT_FOUND/null'));
  it('must be an array', () => assert.equal(ruleOf(body((m) => (m.profiles = 'x'))), 'INVALID_DATA/type'));
  it('each entry needs an id', () =>
    assert.equal(ruleOf(body((m) => (m.profiles = [{}]))), 'MANDATORY_NOT_FOUND/required'));
  it('an id is digits', () =>
    assert.equal(ruleOf(body((m) => (m.profiles = [{ id: 'admin' }]))), 'INVALID_DATA/profile-id-digits'));
  it('an id is a string (a number loses digits)', () => {
    const text = body().replace('"2423488000000015972"', '2423488000000015972');
    const finding = only(text);
    assert.equal(finding.code, 'INVALID_DATA');
    assert.match(finding.message, /lose digits/);
  });
  it('takes several profiles', () =>
    assert.deepEqual(codes(body((m) => (m.profiles = [{ id: '1' }, { id: '2423488000000015972' }]))), []));
  it('checks every entry', () =>
    assert.deepEqual(codes(body((m) => (m.profiles = [{ id: 'x' }, {}]))).sort(), [
      'INVALID_DATA',
      'MANDATORY_NOT_FOUND',
    ]));
  it('an id appears once: each repeat is an error on the repeated entry', () => {
    const text = body((m) => (m.profiles = [{ id: '1' }, { id: '2' }, { id: '1' }, { id: '1' }]));
    const repeats = findings(text).filter((finding) => finding.rule === 'unique-items');
    assert.deepEqual(
      repeats.map((finding) => finding.code),
      ['INVALID_DATA', 'INVALID_DATA'],
    );
    // On the repeated id's value, in the second and third entries that hold it.
    const ids = [...text.matchAll(/\{\s*"id": "1"\s*\}/g)].map((match) => match.index! + match[0].indexOf('"1"'));
    assert.deepEqual(
      repeats.map((finding) => finding.offset),
      ids.slice(1),
    );
    assert.match(repeats[0].message, /^id "1" is in profiles twice/);
  });
});

describe('api_name', () => {
  it('is optional', () => assert.deepEqual(codes(body((m) => delete m.api_name)), []));
  it('takes 50 characters', () => assert.deepEqual(codes(body((m) => (m.api_name = 'A'.repeat(50)))), []));
  it('rejects 51 characters', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = 'A'.repeat(51)))), 'INVALID_DATA/max-length'));
  it('takes letters, digits, spaces and underscores', () =>
    assert.deepEqual(codes(body((m) => (m.api_name = 'Stock_Items 2'))), []));
  it('rejects other characters', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = 'Stock-Items'))), 'INVALID_DATA/api-name-characters'));
  it('rejects letters beyond English', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = 'Bücher'))), 'INVALID_DATA/api-name-characters'));
  it('starts with an English letter', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = '2Stocks'))), 'INVALID_DATA/api-name-start'));
  it('does not start with an underscore', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = '_Stocks'))), 'INVALID_DATA/api-name-start'));
  it('does not end with an underscore', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = 'Stocks_'))), 'INVALID_DATA/api-name-trailing-underscore'));
  it('has no double underscore', () =>
    assert.equal(ruleOf(body((m) => (m.api_name = 'Stock__Items'))), 'INVALID_DATA/api-name-double-underscore'));
  it('takes single underscores', () => assert.deepEqual(codes(body((m) => (m.api_name = 'My_Stock_Items'))), []));
  for (const word of ['settings', 'Notes', 'STATUS', 'Converted_Deal', 'mailchimp', 'ShiftHours']) {
    it(`rejects the reserved ${word}`, () => {
      const finding = only(body((m) => (m.api_name = word)));
      assert.equal(finding.code, 'RESERVED_KEYWORD_NOT_ALLOWED');
    });
  }
  it('reports a reserved word that also breaks the character rules as both', () => {
    assert.deepEqual(codes(body((m) => (m.api_name = 'nearby_distance__s'))).sort(), [
      'INVALID_DATA',
      'RESERVED_KEYWORD_NOT_ALLOWED',
    ]);
  });
  it('must be a string', () => assert.equal(ruleOf(body((m) => (m.api_name = true))), 'INVALID_DATA/type'));
});

describe('display_field', () => {
  it('is optional', () => assert.deepEqual(codes(body((m) => delete m.display_field)), []));
  it('needs field_label or data_type', () =>
    assert.equal(ruleOf(body((m) => (m.display_field = {}))), 'EXPECTED_FIELD_MISSING/any-of'));
  it('takes field_label alone', () =>
    assert.deepEqual(codes(body((m) => (m.display_field = { field_label: 'Name' }))), []));
  it('takes data_type text alone', () =>
    assert.deepEqual(codes(body((m) => (m.display_field = { data_type: 'text' }))), []));
  it('data_type is autonumber or text', () =>
    assert.equal(ruleOf(body((m) => (m.display_field = { data_type: 'email' }))), 'INVALID_DATA/enum'));
  it('data_type is case-sensitive', () =>
    assert.equal(ruleOf(body((m) => (m.display_field = { data_type: 'Text' }))), 'INVALID_DATA/enum'));
  it('autonumber needs auto_number', () =>
    assert.equal(ruleOf(body((m) => delete m.display_field.auto_number)), 'DEPENDENT_FIELD_MISSING/dependent'));
  it('auto_number needs start_number', () =>
    assert.equal(
      ruleOf(body((m) => delete m.display_field.auto_number.start_number)),
      'DEPENDENT_FIELD_MISSING/required',
    ));
  it('start_number takes 16 digits as a string', () =>
    assert.deepEqual(codes(body((m) => (m.display_field.auto_number.start_number = '1'.repeat(16)))), []));
  it('start_number rejects 17 digits as a string', () =>
    assert.equal(
      ruleOf(body((m) => (m.display_field.auto_number.start_number = '1'.repeat(17)))),
      'INVALID_DATA/max-digits',
    ));
  it('start_number takes 16 digits as a number', () =>
    assert.deepEqual(codes(body().replace('"1003"', '9999999999999999')), []));
  it('start_number rejects 17 digits as a number', () =>
    assert.equal(ruleOf(body().replace('"1003"', '10000000000000000')), 'INVALID_DATA/max-digits'));
  it('start_number rejects spaces', () =>
    assert.equal(
      ruleOf(body((m) => (m.display_field.auto_number.start_number = '10 03'))),
      'INVALID_DATA/start-number-digits',
    ));
  it('start_number rejects letters', () =>
    assert.equal(
      ruleOf(body((m) => (m.display_field.auto_number.start_number = '1e3'))),
      'INVALID_DATA/start-number-digits',
    ));
  it('start_number rejects a decimal number', () =>
    assert.equal(ruleOf(body().replace('"1003"', '10.5')), 'INVALID_DATA/type'));
  it('start_number rejects a negative number', () =>
    assert.equal(ruleOf(body().replace('"1003"', '-5')), 'INVALID_DATA/minimum'));
  it('start_number rejects an empty string', () =>
    assert.equal(
      ruleOf(body((m) => (m.display_field.auto_number.start_number = ''))),
      'INVALID_DATA/start-number-empty',
    ));
  for (const key of ['prefix', 'suffix']) {
    it(`${key} takes 50 alphanumerics`, () =>
      assert.deepEqual(codes(body((m) => (m.display_field.auto_number[key] = 'A1'.repeat(25)))), []));
    it(`${key} rejects 51 characters`, () =>
      assert.equal(
        ruleOf(body((m) => (m.display_field.auto_number[key] = 'A'.repeat(51)))),
        'INVALID_DATA/max-length',
      ));
    it(`${key} rejects special characters`, () =>
      assert.equal(ruleOf(body((m) => (m.display_field.auto_number[key] = 'INV-'))), 'INVALID_DATA/affix-characters'));
    it(`${key} rejects spaces`, () =>
      assert.equal(ruleOf(body((m) => (m.display_field.auto_number[key] = 'A B'))), 'INVALID_DATA/affix-characters'));
  }
  it('field_label must be a string', () =>
    assert.equal(ruleOf(body((m) => (m.display_field.field_label = 3))), 'INVALID_DATA/type'));
});

describe('unknown keys', () => {
  it('warn with a suggestion when close to a known key', () => {
    const finding = only(
      body((m) => {
        m.api_nme = m.api_name;
        delete m.api_name;
      }),
    );
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.code, 'UNKNOWN_KEY');
    assert.match(finding.message, /Did you mean "api_name"\?/);
  });
  it('warn without a suggestion when nothing is close', () => {
    const finding = only(body((m) => (m.colour = 'red')));
    assert.equal(finding.severity, 'warning');
    assert.doesNotMatch(finding.message, /Did you mean/);
  });
  it('warn inside nested objects too', () =>
    assert.equal(ruleOf(body((m) => (m.display_field.auto_number.step = 1))), 'UNKNOWN_KEY/unknown-key'));
  it('duplicate keys are errors', () =>
    assert.equal(
      ruleOf(body().replace('"api_name": "stock",', '"api_name": "stock", "api_name": "stock",')),
      'DUPLICATE_KEY/duplicate-key',
    ));
});

describe('strict JSON', () => {
  it('a line comment is an error', () =>
    assert.equal(ruleOf(`// my module\n${body()}`), 'INVALID_DATA/syntax-comment'));
  it('a block comment is an error', () =>
    assert.equal(ruleOf(body().replace('"api_name"', '/* name */ "api_name"')), 'INVALID_DATA/syntax-comment'));
  it('a trailing comma in an object is an error', () =>
    assert.equal(ruleOf(body().replace('"BRANCH"', '"BRANCH",')), 'INVALID_DATA/syntax-trailing-comma'));
  it('a trailing comma in an array is an error', () =>
    assert.equal(ruleOf(body().replace(/}\n\s*]\n}$/, '},\n]\n}')), 'INVALID_DATA/syntax-trailing-comma'));
  it('a comma before an empty object or array is not trailing', () => {
    assert.ok(
      !findings(body((m) => (m.profiles = [{ id: '1' }, {}]))).some(
        (finding) => finding.rule === 'syntax-trailing-comma',
      ),
    );
    assert.deepEqual(
      findings('{"modules": [[], {}]}').filter((finding) => finding.rule === 'syntax-trailing-comma'),
      [],
    );
  });
  it('a missing comma is an error', () =>
    assert.ok(codes(body().replace('"stock",', '"stock"')).includes('INVALID_DATA')));
});

describe('every problem at once', () => {
  it('reports all mistakes of a file, in order, on the right lines', () => {
    const text = `{
  "modules": [
    {
      "plural_label": "Stock-Items",
      "singular_label": "${'S'.repeat(26)}",
      "profiles": [],
      "api_name": "Stock__Items_",
      "display_field": { "data_type": "autonumber" }
    }
  ]
}`;
    const list = analyze(text).findings;
    const summary = list.map(
      (finding) => `${new LineIndex(text).position(finding.offset).line}:${finding.code}:${finding.rule}`,
    );
    assert.deepEqual(summary, [
      '4:INVALID_DATA:label-characters',
      '5:INVALID_DATA:max-length',
      '6:MINIMUM_DATA_NOT_FOUND:min-items',
      '7:INVALID_DATA:api-name-trailing-underscore',
      '7:INVALID_DATA:api-name-double-underscore',
      '8:DEPENDENT_FIELD_MISSING:dependent',
    ]);
  });
  it('ranges sit on the offending value, or on the object that lacks a key (an entry of a list: its brace)', () => {
    const text = body((m) => {
      m.plural_label = 'A!';
      delete m.singular_label;
    });
    const list = findings(text);
    const characters = list.find((finding) => finding.rule === 'label-characters')!;
    const missing = list.find((finding) => finding.rule === 'required')!;
    assert.equal(text.substr(characters.offset, characters.length), '"A!"');
    assert.equal(text.substr(missing.offset, missing.length), '{');
    assert.equal(missing.offset, text.indexOf('{', text.indexOf('"modules"')));
  });
});

describe('where each string value the schema knows is (what the incremental re-check edits in place)', () => {
  it('every such value in order, with its key; values of one key share one kind', () => {
    const ids = Array.from({ length: 20 }, (_, index) => `24234880000000${10000 + index}`);
    const text = body((m) => (m.profiles = ids.map((id) => ({ id }))));
    const strings = analyze(text).parsed.strings!;
    const seen = Array.from({ length: strings.count }, (_, at) => [
      strings.table[strings.kinds[at]].key,
      text.substr(strings.offsets[at], strings.lengths[at]),
    ]);
    assert.deepEqual(seen, [
      ['plural_label', '"Stocks"'],
      ['singular_label', '"Stock"'],
      ...ids.map((id) => ['id', `"${id}"`]),
      ['api_name', '"stock"'],
      ['field_label', '"My name field label"'],
      ['data_type', '"autonumber"'],
      ['prefix', '"ZOHOCRM"'],
      ['start_number', '"1003"'],
      ['suffix', '"BRANCH"'],
    ]);
    assert.equal(strings.table.length, 9, 'one kind per key');
  });
});
