import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, documentSymbols, foldingRegions, formatDocument, selectionChain } from '../../server/languageservice';
import { applyEdits, body, SAMPLE_TEXT } from '../helpers/modules';

describe('structure', () => {
  it('outline names the module by its plural label', () => {
    const symbols = documentSymbols(analyze(SAMPLE_TEXT).parsed);
    assert.equal(symbols[0].name, 'modules');
    assert.equal(symbols[0].children[0].name, 'Zylkers');
    assert.equal(symbols[0].children[0].kind, 'module');
    assert.deepEqual(
      symbols[0].children[0].children.map((symbol) => symbol.name),
      ['plural_label', 'singular_label', 'profiles', 'display_field'],
    );
  });
  it('folds each object and array', () => assert.equal(foldingRegions(analyze(SAMPLE_TEXT).parsed).length, 6));
  it('selection grows from the value to the document', () => {
    const text = SAMPLE_TEXT;
    const chain = selectionChain(analyze(text).parsed, text.indexOf('Zylkers'));
    assert.equal(text.substr(chain[0].offset, chain[0].length), '"Zylkers"');
    assert.equal(chain[chain.length - 1].length, text.length);
  });
  it('formats a one-line file', () => {
    const text = JSON.stringify(JSON.parse(body()));
    const formatted = applyEdits(text, formatDocument(text, { tabSize: 2, insertSpaces: true }));
    assert.equal(formatted, body());
  });
});
