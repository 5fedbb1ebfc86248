/** Reading Zoho's answer to a module write: done, refused, or unclear (then the caller looks before sending again). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clause, readWriteAnswer } from '../../client/zoho/writeAnswer';

const answer = (status: number, body: unknown, text = JSON.stringify(body)) => readWriteAnswer({ status, body, text });
const success = {
  modules: [{ code: 'SUCCESS', details: { id: '7' }, message: 'module created successfully', status: 'success' }],
};

describe('reading the answer to a module write', () => {
  it('a 2xx success entry is done, with its id as a string and its message', () => {
    assert.deepEqual(answer(201, success), { kind: 'done', id: '7', message: 'module created successfully' });
    assert.deepEqual(answer(299, { modules: [{ status: 'success', details: { id: 42 }, message: 7 }] }), {
      kind: 'done',
      id: '42',
      message: undefined,
    });
  });

  it('a success entry outside 2xx is not done', () => {
    for (const status of [199, 300, 400])
      assert.deepEqual(answer(status, success), { kind: 'refused', errors: [] }, String(status));
  });

  it('a 2xx without a success entry or an error is unclear', () => {
    assert.deepEqual(answer(200, {}), {
      kind: 'unclear',
      why: 'Zoho answered HTTP 200 without saying whether it worked',
    });
    assert.deepEqual(answer(202, null), {
      kind: 'unclear',
      why: 'Zoho answered HTTP 202 without saying whether it worked',
    });
  });

  it('errors are refusals, wherever they stand', () => {
    const entry = {
      code: 'INVALID_DATA',
      details: { api_name: 'plural_label' },
      message: 'invalid data',
      status: 'error',
    };
    assert.deepEqual(answer(400, { modules: [entry] }), {
      kind: 'refused',
      errors: [
        { code: 'INVALID_DATA', message: 'invalid data', status: 'error', details: { api_name: 'plural_label' } },
      ],
    });
    assert.deepEqual(answer(200, { modules: [entry] }), {
      kind: 'refused',
      errors: [
        { code: 'INVALID_DATA', message: 'invalid data', status: 'error', details: { api_name: 'plural_label' } },
      ],
    });
  });

  it("a bare 5xx is Zoho's INTERNAL_ERROR; a bare 4xx has no error to name", () => {
    assert.deepEqual(answer(500, {}), {
      kind: 'refused',
      errors: [{ code: 'INTERNAL_ERROR', message: 'Internal Server Error' }],
    });
    assert.deepEqual(answer(499, {}), { kind: 'refused', errors: [] });
  });

  it('what is not JSON says whether it was an HTML page', () => {
    assert.deepEqual(readWriteAnswer({ status: 502, body: undefined, text: '<HTML><body>Bad Gateway</body></HTML>' }), {
      kind: 'refused',
      errors: [],
      notJson: 'an HTML page',
    });
    assert.deepEqual(readWriteAnswer({ status: 200, body: undefined, text: 'ok' }), {
      kind: 'refused',
      errors: [],
      notJson: 'something that is not JSON',
    });
  });

  it('a reason becomes the first clause of a sentence: only its final full stop goes', () => {
    assert.equal(clause('Zoho took 2.5 seconds.'), 'Zoho took 2.5 seconds');
    assert.equal(clause('No answer'), 'No answer');
  });
});
