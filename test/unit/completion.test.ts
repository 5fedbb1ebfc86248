import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, complete } from '../../server/languageservice';
import { applyEdits, findings } from '../helpers/modules';

function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { text, items: complete(analyze(text).parsed, offset) };
}

/** Strips snippet placeholders to the text VS Code would leave with defaults accepted. */
function expand(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

describe('completion', () => {
  it('offers the module keys not yet present, mandatory first', () => {
    const { items } = at('{"modules": [{"plural_label": "Stocks", |}]}');
    const labels = items.map((item) => item.label);
    assert.deepEqual(labels, ['singular_label', 'profiles', 'api_name', 'display_field']);
    assert.ok(items[0].sortText! < items[2].sortText!);
  });
  it('inserts the commas a property between others needs, and leaves the file free of syntax errors', () => {
    const cases = [
      [
        '{"modules": [{"display_field": {| "data_type": "text"}}]}',
        'field_label',
        '{"modules": [{"display_field": {"field_label": "", "data_type": "text"}}]}',
      ],
      [
        '{"modules": [{"display_field": {"data_type": "text" |}}]}',
        'field_label',
        '{"modules": [{"display_field": {"data_type": "text", "field_label": ""}}]}',
      ],
      [
        '{"modules": [{"display_field": {"data_type": "text", |}}]}',
        'field_label',
        '{"modules": [{"display_field": {"data_type": "text", "field_label": ""}}]}',
      ],
      ['{"modules": [{"display_field": {"data_type": "text"\n|\n"field_label": "x"}}]}', 'auto_number', null],
    ] as const;
    for (const [textWithCursor, key, expected] of cases) {
      const { text, items } = at(textWithCursor);
      const item = items.find((candidate) => candidate.label === key)!;
      const after = applyEdits(text, [
        { ...item.replace, newText: expand(item.insertText) },
        ...(item.additionalEdits ?? []),
      ]);
      if (expected) assert.equal(after, expected);
      assert.deepEqual(
        analyze(after).findings.filter((finding) => finding.rule.startsWith('syntax')),
        [],
        after,
      );
    }
  });
  it('preselects the current value, or the one that starts with what is typed, not the default', () => {
    const preselected = (textWithCursor: string) =>
      at(textWithCursor)
        .items.filter((item) => item.preselect)
        .map((item) => item.label);
    assert.deepEqual(preselected('{"modules": [{"display_field": {"data_type": "au|tonumber"}}]}'), ['"autonumber"']);
    assert.deepEqual(preselected('{"modules": [{"display_field": {"data_type": "au|"}}]}'), ['"autonumber"']);
    assert.deepEqual(preselected('{"modules": [{"display_field": {"data_type": "te|"}}]}'), ['"text"']);
  });
  it('offers the key being typed inside quotes and replaces it', () => {
    const { text, items } = at('{"modules": [{"plu|"}]}');
    const item = items.find((candidate) => candidate.label === 'plural_label');
    assert.ok(item);
    const after = applyEdits(text, [{ ...item.replace, newText: expand(item.insertText) }]);
    assert.equal(after, '{"modules": [{"plural_label": ""}]}');
  });
  it('offers display_field keys', () => {
    const { items } = at('{"modules": [{"display_field": {|}}]}');
    assert.deepEqual(items.map((item) => item.label).sort(), ['auto_number', 'data_type', 'field_label']);
  });
  it('offers auto_number keys', () => {
    const { items } = at('{"modules": [{"display_field": {"auto_number": {"prefix": "A", |}}}]}');
    assert.deepEqual(items.map((item) => item.label).sort(), ['start_number', 'suffix']);
  });
  it('offers the data_type values', () => {
    const { items } = at('{"modules": [{"display_field": {"data_type": |}}]}');
    assert.deepEqual(
      items.map((item) => item.label),
      ['"autonumber"', '"text"'],
    );
  });
  it('replaces a partly typed data_type value', () => {
    const { text, items } = at('{"modules": [{"display_field": {"data_type": "au|"}}]}');
    const item = items.find((candidate) => candidate.label === '"autonumber"')!;
    assert.equal(
      applyEdits(text, [{ ...item.replace, newText: item.insertText }]),
      '{"modules": [{"display_field": {"data_type": "autonumber"}}]}',
    );
  });
  it('derives an api_name from plural_label', () => {
    const { items } = at('{"modules": [{"plural_label": "Stock Items 2024", "api_name": |}]}');
    assert.equal(items[0].label, '"Stock_Items_2024"');
  });
  it('offers the derived api_name over a filled one too, and the editor keeps it (it filters on what is there)', () => {
    for (const cursor of ['"Projects|"', '"Proj|ects"', '"|Projects"']) {
      const { text, items } = at(`{"modules": [{"plural_label": "Teams", "api_name": ${cursor}}]}`);
      const derived = items.find((item) => item.label === '"Teams"')!;
      assert.ok(derived, cursor);
      // VS Code keeps an item whose filterText starts with the text from its range's start to the cursor.
      const typed = text.slice(derived.replace.offset, text.indexOf('Projects') + cursor.indexOf('|') - 1);
      assert.ok(derived.filterText!.startsWith(typed), `${cursor}: ${derived.filterText} vs ${typed}`);
      assert.equal(
        applyEdits(text, [{ ...derived.replace, newText: derived.insertText }]).includes('"api_name": "Teams"'),
        true,
      );
    }
  });
  it('offers whole-module snippets in modules[] that make a valid file', () => {
    for (const kind of ['text', 'autonumber']) {
      const { text, items } = at('{"modules": [|]}');
      const item = items.find((candidate) => candidate.label.toLowerCase().startsWith(kind))!;
      assert.ok(item, kind);
      const after = applyEdits(text, [{ ...item.replace, newText: expand(item.insertText) }]);
      assert.deepEqual(findings(after), [], after);
    }
  });
  it('offers whole-body snippets in an empty file that make a valid file', () => {
    const { text, items } = at('|');
    assert.equal(items.length, 2);
    for (const item of items)
      assert.deepEqual(findings(applyEdits(text, [{ ...item.replace, newText: expand(item.insertText) }])), []);
  });
  it('offers only modules at the top level', () => {
    const { items } = at('{|}');
    assert.deepEqual(
      items.map((item) => item.label),
      ['modules'],
    );
  });
  it('offers nothing inside an unknown key', () => {
    const { items } = at('{"modules": [{"colour": {|}}]}');
    assert.deepEqual(items, []);
  });
});
