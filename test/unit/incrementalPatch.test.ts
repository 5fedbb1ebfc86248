/**
 * The incremental re-check's bookkeeping, case by case: what it re-uses, refuses, and moves. The random-edit
 * test (incremental.test.ts) shows its results equal a full check; these show it is taken when it should be.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/languageservice';
import { reanalyzeEdit } from '../../server/languageservice/incremental';
import { MAX_FINDINGS } from '../../server/languageservice/rules/validator';
import { body } from '../helpers/modules';

const normal = (analysis: { findings: Finding[] }) => analysis.findings.map((finding) => JSON.stringify(finding));
describe('what the incremental re-check keeps, moves and refuses', () => {
  const edit = (text: string, from: string, to: string) => text.replace(from, to);

  it('edits one after another: later values are found where they moved, each edit re-checked alone', () => {
    const text = body();
    const first = edit(text, '"Stocks"', '"Stocks Extra"');
    const once = reanalyzeEdit(analyze(text), first);
    assert.ok(once, 'the first edit is re-checked alone');
    const second = edit(first, '"ZOHOCRM"', '"ZOHO-CRM"');
    assert.ok(once.parsed.root, 'features that need the tree (hover, completion) still get one');
    const twice = reanalyzeEdit(once, second);
    assert.ok(twice, 'so is an edit in a value after it');
    assert.deepEqual(normal(twice), normal(analyze(second)));
    assert.deepEqual(twice.parsed.syntaxFindings, []);
    const third = edit(second, '"Stocks Extra"', '"Stocks"');
    const thrice = reanalyzeEdit(twice, third);
    assert.ok(thrice, 'and one before it');
    assert.deepEqual(normal(thrice), normal(analyze(third)));
  });

  it('an analysis already patched into a newer one is not patched again (its positions moved on)', () => {
    const text = body();
    const previous = analyze(text);
    assert.ok(reanalyzeEdit(previous, edit(text, '"Stocks"', '"Stocks Extra"')));
    assert.equal(reanalyzeEdit(previous, edit(text, '"ZOHOCRM"', '"ZOHOCRX"')), undefined);
  });

  it('an edit just inside the opening quote is inside the value', () => {
    const text = body();
    assert.ok(reanalyzeEdit(analyze(text), edit(text, '"Stocks"', '"xStocks"')));
  });

  it('a plural label is re-checked alone unless an api_name is reserved (its rename reads the label)', () => {
    const text = body((m) => (m.display_field.auto_number.prefix = 'ZO-HO'));
    assert.ok(reanalyzeEdit(analyze(text), edit(text, '"Stocks"', '"Stockz"')));
  });

  it('a file with a syntax error, or with as many findings as are kept, is checked in full', () => {
    const broken = `${body()},`;
    assert.equal(reanalyzeEdit(analyze(broken), edit(broken, '"Stocks"', '"Stockz"')), undefined);
    const withUnknownKeys = (count: number) =>
      body((m) => {
        for (let index = 0; index < count; index++) m[`x${index}`] = 1;
      });
    const capped = withUnknownKeys(MAX_FINDINGS);
    assert.equal(analyze(capped).findings.length, MAX_FINDINGS);
    assert.equal(reanalyzeEdit(analyze(capped), edit(capped, '"Stocks"', '"Stockz"')), undefined);
    const under = withUnknownKeys(MAX_FINDINGS - 1);
    assert.ok(reanalyzeEdit(analyze(under), edit(under, '"Stocks"', '"Stockz"')));
  });

  it('findings and fix edits after the value move with it; those that span it grow; those before stay the same objects', () => {
    const text = body();
    const start = text.indexOf('"ZOHOCRM"');
    const end = start + '"ZOHOCRM"'.length;
    const previous = analyze(text);
    const spanning: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'spanning',
      message: 'spans',
      offset: start - 20,
      length: end - (start - 20),
      fixes: [
        {
          title: 'f',
          edits: [
            { offset: start - 20, length: end - (start - 20), newText: '' },
            { offset: end, length: 2, newText: 'x' },
            { offset: start - 30, length: 3, newText: 'y' },
          ],
        },
      ],
    };
    const after: Finding = { code: 'X', severity: 'error', rule: 'after', message: 'after', offset: end, length: 4 };
    const before: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'before',
      message: 'before',
      offset: 5,
      length: 3,
      fixes: [{ title: 'f', edits: [{ offset: 5, length: 3, newText: '' }] }],
    };
    const beforeWithEdit: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'before-edit',
      message: 'before',
      offset: 6,
      length: 1,
      fixes: [{ title: 'f', edits: [{ offset: start - 5, length: end - (start - 5), newText: '' }] }],
    };
    const fromValue: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'from-value',
      message: 'from',
      offset: start,
      length: end + 5 - start,
    };
    const spanningBare: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'spanning-bare',
      message: 'spans',
      offset: start - 1,
      length: end + 1 - (start - 1),
    };
    const beforeBare: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'before-bare',
      message: 'before',
      offset: 7,
      length: 1,
    };
    const beforeWithTwoEdits: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'before-two',
      message: 'before',
      offset: 8,
      length: 1,
      fixes: [
        {
          title: 'f',
          edits: [
            { offset: 8, length: 1, newText: '' },
            { offset: end + 1, length: 1, newText: '' },
            { offset: start, length: end - start, newText: '""' },
          ],
        },
      ],
    };
    const beforeWithTwoFixes: Finding = {
      code: 'X',
      severity: 'error',
      rule: 'before-two-fixes',
      message: 'before',
      offset: 9,
      length: 1,
      fixes: [
        { title: 'a', edits: [{ offset: 9, length: 1, newText: '' }] },
        { title: 'b', edits: [{ offset: end + 1, length: 1, newText: '' }] },
      ],
    };
    previous.parsed.ruleFindings.push(
      spanning,
      after,
      before,
      beforeWithEdit,
      fromValue,
      spanningBare,
      beforeBare,
      beforeWithTwoEdits,
      beforeWithTwoFixes,
    );
    const result = reanalyzeEdit(previous, edit(text, '"ZOHOCRM"', '"ZOHOCRMXY"'))!;
    const byRule = (rule: string) => result.findings.find((finding) => finding.rule === rule)!;
    assert.deepEqual([byRule('spanning').offset, byRule('spanning').length], [start - 20, end - (start - 20) + 2]);
    assert.deepEqual(
      byRule('spanning').fixes![0].edits.map((e) => [e.offset, e.length]),
      [
        [start - 20, end - (start - 20) + 2],
        [end + 2, 2],
        [start - 30, 3],
      ],
    );
    assert.deepEqual([byRule('after').offset, byRule('after').length], [end + 2, 4]);
    assert.equal(byRule('before'), before);
    assert.deepEqual(
      byRule('before-edit').fixes![0].edits.map((e) => [e.offset, e.length]),
      [[start - 5, end - (start - 5) + 2]],
    );
    assert.deepEqual([byRule('from-value').offset, byRule('from-value').length], [start, end + 5 - start + 2]);
    assert.deepEqual(
      [byRule('spanning-bare').offset, byRule('spanning-bare').length],
      [start - 1, end + 1 - (start - 1) + 2],
    );
    assert.equal(byRule('before-bare'), beforeBare);
    assert.deepEqual(
      byRule('before-two').fixes![0].edits.map((e) => [e.offset, e.length]),
      [
        [8, 1],
        [end + 3, 1],
        [start, end - start + 2],
      ],
    );
    assert.deepEqual(
      byRule('before-two-fixes').fixes!.map((fix) => fix.edits[0].offset),
      [9, end + 3],
    );
  });
});
