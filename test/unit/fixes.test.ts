import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding, fixAll } from '../../server/languageservice';
import { applyEdits, body, findings } from '../helpers/modules';

/** Applies the named fix of the one finding of `rule` and returns the new text. */
function applyFix(text: string, rule: string, titlePattern?: RegExp): { after: string; finding: Finding } {
  const finding = findings(text).find((candidate) => candidate.rule === rule);
  assert.ok(finding, `no finding of rule ${rule}: ${JSON.stringify(findings(text).map((f) => f.rule))}`);
  const fix = titlePattern
    ? finding.fixes?.find((candidate) => titlePattern.test(candidate.title))
    : finding.fixes?.[0];
  assert.ok(fix, `no fix for ${rule}: ${JSON.stringify(finding.fixes)}`);
  const after = applyEdits(text, fix.edits);
  return { after, finding };
}

function assertCleared(before: string, rule: string, titlePattern?: RegExp): string {
  const { after } = applyFix(before, rule, titlePattern);
  const still = findings(after).filter((finding) => finding.rule === rule);
  assert.deepEqual(still, [], `fix for ${rule} left: ${after}`);
  assert.doesNotThrow(
    () => JSON.parse(after.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')),
    `fix for ${rule} broke the JSON: ${after}`,
  );
  return after;
}

describe('quick fixes clear their diagnostic', () => {
  it('trims a label to 25 characters', () => {
    const after = assertCleared(
      body((m) => (m.plural_label = 'Warehouse Stock Items And More')),
      'max-length',
    );
    assert.equal(JSON.parse(after).modules[0].plural_label, 'Warehouse Stock Items And');
    assert.deepEqual(findings(after), []);
  });
  it('trims an api_name to 50 characters without leaving a trailing underscore', () => {
    const after = assertCleared(
      body((m) => (m.api_name = `${'A'.repeat(49)}_BBB`)),
      'max-length',
    );
    assert.equal(JSON.parse(after).modules[0].api_name, 'A'.repeat(49));
    assert.deepEqual(findings(after), []);
  });
  it('drops special characters from a label', () => {
    const after = assertCleared(
      body((m) => (m.singular_label = 'Stock-Item!')),
      'label-characters',
    );
    assert.equal(JSON.parse(after).modules[0].singular_label, 'Stock Item');
  });
  it('replaces special characters in an api_name', () => {
    const after = assertCleared(
      body((m) => (m.api_name = 'Stock-Items!')),
      'api-name-characters',
    );
    assert.equal(JSON.parse(after).modules[0].api_name, 'Stock_Items');
    assert.deepEqual(findings(after), []);
  });
  it('replaces __ with _', () => {
    const after = assertCleared(
      body((m) => (m.api_name = 'Stock___Items')),
      'api-name-double-underscore',
    );
    assert.equal(JSON.parse(after).modules[0].api_name, 'Stock_Items');
  });
  it('strips a trailing _', () => {
    const after = assertCleared(
      body((m) => (m.api_name = 'Stocks__')),
      'api-name-trailing-underscore',
    );
    assert.equal(JSON.parse(after).modules[0].api_name, 'Stocks');
  });
  it('starts an api_name with its first letter', () => {
    assertCleared(
      body((m) => (m.api_name = '12Stocks')),
      'api-name-start',
    );
  });
  it('renames a reserved api_name to one derived from plural_label', () => {
    const after = assertCleared(
      body((m) => (m.api_name = 'Notes')),
      'reserved',
    );
    assert.equal(JSON.parse(after).modules[0].api_name, 'Stocks');
    assert.deepEqual(findings(after), []);
  });
  it('renames a reserved api_name with a suffix when plural_label gives the same word', () => {
    const after = assertCleared(
      body((m) => {
        m.api_name = 'Status';
        m.plural_label = 'Status';
      }),
      'reserved',
    );
    assert.equal(JSON.parse(after).modules[0].api_name, 'Status_Custom');
  });
  it('adds the missing auto_number skeleton', () => {
    const after = assertCleared(
      body((m) => delete m.display_field.auto_number),
      'dependent',
    );
    assert.deepEqual(JSON.parse(after).modules[0].display_field.auto_number, { start_number: '1' });
    assert.deepEqual(findings(after), []);
  });
  it('adds the missing start_number', () => {
    assertCleared(
      body((m) => delete m.display_field.auto_number.start_number),
      'required',
    );
  });
  it('adds field_label or data_type to an empty display_field', () => {
    const after = assertCleared(
      body((m) => (m.display_field = {})),
      'any-of',
      /data_type/,
    );
    assert.deepEqual(findings(after), []);
  });
  it('renames a misspelt key', () => {
    const after = assertCleared(
      body((m) => {
        m.plural_lable = m.plural_label;
        delete m.plural_label;
      }),
      'unknown-key',
      /Change to "plural_label"/,
    );
    assert.deepEqual(findings(after), []);
  });
  it('removes an unknown key', () => {
    const after = assertCleared(
      body((m) => (m.colour = 'red')),
      'unknown-key',
      /Remove/,
    );
    assert.deepEqual(findings(after), []);
  });
  it('removes a line comment and its line', () => {
    const text = body().replace('"api_name"', '// the name\n      "api_name"');
    const after = assertCleared(text, 'syntax-comment');
    assert.deepEqual(findings(after), []);
    assert.equal(after, body());
  });
  it('removes a trailing comma', () => {
    const after = assertCleared(body().replace('"BRANCH"', '"BRANCH",'), 'syntax-trailing-comma');
    assert.deepEqual(findings(after), []);
  });
  it('adds an empty profiles entry', () => {
    const after = assertCleared(
      body((m) => (m.profiles = [])),
      'min-items',
    );
    assert.deepEqual(JSON.parse(after).modules[0].profiles, [{ id: '' }]);
  });
  it('removes a repeated profile, with its comma', () => {
    const after = assertCleared(
      body((m) => (m.profiles = [{ id: '1' }, { id: '2' }, { id: '1' }])),
      'unique-items',
    );
    assert.deepEqual(JSON.parse(after).modules[0].profiles, [{ id: '1' }, { id: '2' }]);
  });
  it('adds an empty profiles entry in place of null', () => {
    assertCleared(
      body((m) => (m.profiles = null)),
      'null',
    );
  });
  it('adds a missing mandatory key', () => {
    const after = assertCleared(
      body((m) => delete m.profiles),
      'required',
    );
    assert.ok(Array.isArray(JSON.parse(after).modules[0].profiles));
  });
  it('quotes a numeric profile id without losing digits', () => {
    const after = assertCleared(body().replace('"2423488000000015972"', '2423488000000015972'), 'type');
    assert.equal(JSON.parse(after).modules[0].profiles[0].id, '2423488000000015972');
  });
  it('changes a data_type in the wrong case', () => {
    const after = assertCleared(
      body((m) => (m.display_field.data_type = 'AutoNumber')),
      'enum',
    );
    assert.equal(JSON.parse(after).modules[0].display_field.data_type, 'autonumber');
  });
  it('keeps only the digits of a start_number', () => {
    assertCleared(
      body((m) => (m.display_field.auto_number.start_number = '1 003')),
      'start-number-digits',
    );
  });
  it('keeps 16 digits of a number start_number', () => {
    assertCleared(body().replace('"1003"', '12345678901234567'), 'max-digits');
  });
  it('drops special characters from a prefix', () => {
    assertCleared(
      body((m) => (m.display_field.auto_number.prefix = 'INV-')),
      'affix-characters',
    );
  });
  it('inserts into an object laid out on one line', () => {
    const text = '{"modules": [{"plural_label": "Stocks", "singular_label": "Stock"}]}';
    const after = assertCleared(text, 'required');
    assert.equal(
      after,
      '{"modules": [{"plural_label": "Stocks", "singular_label": "Stock", "profiles": [{ "id": "" }]}]}',
    );
  });
});

describe('fix all', () => {
  it('applies every preferred fix that does not overlap another', () => {
    const text = `// draft\n${body((m) => {
      m.api_name = 'Stock__Items';
      m.plural_label = 'Stocks!';
      m.profiles = [];
    })}`.replace('"BRANCH"', '"BRANCH",');
    const after = applyEdits(text, fixAll(analyze(text).findings));
    const left = findings(after).map((finding) => finding.rule);
    assert.deepEqual(left, ['profile-id-digits'], after);
  });
});
