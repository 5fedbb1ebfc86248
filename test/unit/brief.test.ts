import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, SHORT } from '../../client/vscode/messages/brief';

describe('brief notifications', () => {
  it('keeps a short message as it is', () =>
    assert.equal(brief('Signed in to Zylker (US · production).'), 'Signed in to Zylker (US · production).'));
  it('keeps the first sentence of a long one', () => {
    const message =
      'Zoho did not create the module: DUPLICATE_DATA (plural_label): duplicate data. Your org already has a module with this label or API name. Choose another.';
    assert.equal(brief(message), 'Zoho did not create the module: DUPLICATE_DATA (plural_label): duplicate data.');
  });
  it('cuts a long sentence at a word, never inside one', () => {
    const message = `${'word '.repeat(60)}end.`;
    const short = brief(message);
    assert.ok(short.length <= SHORT + 1 && short.endsWith('word…'), short);
  });
  it('does not take a decimal point or an abbreviation for the end of a sentence', () => {
    const message = `Version 1.100 of VS Code is needed for this, and here is a lot more text that makes the message longer than a glance allows in a toast.`;
    assert.notEqual(brief(message), 'Version 1.');
  });
});
