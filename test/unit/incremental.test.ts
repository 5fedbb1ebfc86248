import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Analysis, reanalyze } from '../../server/languageservice';
import { changedRange, reanalyzeEdit } from '../../server/languageservice/incremental';
import { body, SAMPLE_AUTONUMBER } from '../helpers/modules';

function normal(analysis: Analysis) {
  return analysis.findings.map((finding) => JSON.stringify(finding));
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const BASES: Record<string, string> = {
  'the sample': SAMPLE_AUTONUMBER,
  'many findings': body((m) => {
    m.plural_label = 'Roles!';
    m.singular_label = 'S'.repeat(30);
    m.profiles = [{ id: 'x1' }, { id: '2423488000000015972' }, {}];
    m.colour = 'red';
    m.display_field = { field_label: 'F', data_type: 'autonumber' };
  }),
  'a reserved api_name': body((m) => {
    m.api_name = 'Notes';
  }),
  // Profile ids are compared with each other (no repeats), so an edit in one is re-checked in full: this
  // base checks that, and the labels' edits still take the incremental path.
  'two hundred profiles': body((m) => {
    m.profiles = Array.from({ length: 200 }, (_, index) => ({
      id: index % 7 ? `24234880000000${10000 + index}` : `bad ${index}`,
    }));
  }),
};
/** How often each base must take the incremental path (its edits land mostly in re-checkable values). */
const MINIMUM_REUSE: Record<string, number> = { 'two hundred profiles': 0 };
const PIECES = ['a', 'Z', ' ', '-', '!', '_', '__', '1', 'é', '', '"', '\\', '\n'];

describe('incremental re-check after an edit inside a value', () => {
  for (const [name, base] of Object.entries(BASES)) {
    it(`equals a full check over 300 random edits: ${name}`, () => {
      const next = random(name.length * 7919);
      let text = base;
      let analysis = analyze(text);
      let reused = 0;
      for (let step = 0; step < 300; step++) {
        // Edit inside a random string token of the current text (or anywhere, now and then).
        const tokens = [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)];
        const token = tokens[Math.floor(next() * tokens.length)];
        const inside = next() < 0.9 && token;
        const start = inside
          ? token.index! + 1 + Math.floor(next() * (token[0].length - 1))
          : Math.floor(next() * text.length);
        const removeCount = inside
          ? Math.min(Math.floor(next() * 3), token.index! + token[0].length - 1 - start)
          : Math.floor(next() * 2);
        const piece = PIECES[Math.floor(next() * PIECES.length)];
        const edited = text.slice(0, start) + piece + text.slice(start + Math.max(0, removeCount));
        // What reanalyze does, with a count of how often the previous analysis was re-used.
        const reusedAnalysis = reanalyzeEdit(analysis, edited);
        if (reusedAnalysis) reused++;
        const incremental = reusedAnalysis ?? analyze(edited);
        const full = analyze(edited);
        assert.deepEqual(normal(incremental), normal(full), `step ${step}: ${JSON.stringify(piece)} at ${start}`);
        // A broken file is re-checked in full until repaired: start again from the base to keep exercising reuse.
        const broken = full.parsed.syntaxFindings.length > 0;
        text = broken ? base : edited;
        analysis = broken ? analyze(base) : incremental;
      }
      assert.ok(reused > (MINIMUM_REUSE[name] ?? 30), `the incremental path was taken ${reused} times`);
    });
  }

  it('reanalyze re-uses when it can and checks in full when it cannot', () => {
    const text = body();
    const first = analyze(text);
    const edited = text.replace('"ZOHOCRM"', '"ZOHOCRX"');
    assert.deepEqual(normal(reanalyze(first, edited)), normal(analyze(edited)));
    assert.deepEqual(normal(reanalyze(undefined, edited)), normal(analyze(edited)));
  });

  it('finds the one changed span', () => {
    assert.deepEqual(changedRange('abcdef', 'abXYef'), { offset: 2, removed: 2, inserted: 2 });
    assert.deepEqual(changedRange('aaa', 'aaaa'), { offset: 3, removed: 0, inserted: 1 });
    assert.equal(changedRange('same', 'same'), undefined);
  });

  it('does not re-use an analysis across an edit to a value other rules read', () => {
    const text = body();
    const reserved = body((m) => (m.api_name = 'Notes'));
    assert.equal(reanalyzeEdit(analyze(reserved), reserved.replace('"Stocks"', '"Stockz"')), undefined);
    assert.ok(reanalyzeEdit(analyze(text), text.replace('"Stocks"', '"Stockz"')));
    assert.equal(reanalyzeEdit(analyze(text), text.replace('"autonumber"', '"autonumbex"')), undefined);
    assert.ok(reanalyzeEdit(analyze(text), text.replace('"ZOHOCRM"', '"ZOHOCRX"')));
  });
});
