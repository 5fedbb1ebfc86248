/** Org text and Zoho's words on their way to a notification, a hover, a snippet or a terminal. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notificationText, redactNotificationsWith } from '../../client/vscode/messages/notificationText';
import { SnapshotForwarder } from '../../client/vscode/org/snapshotForwarder';
import { Redactor } from '../../client/zoho/redact';
import { escapeControls, escapeMarkdown, escapeSnippet, oneLine } from '../../server/languageservice';
import { markdownToPlainText } from '../../server/lsp/plainText';

describe('text from outside', () => {
  it('a notification redacts what the redactor knows and cannot render a link', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t-value-123');
    redactNotificationsWith(redactor);
    assert.equal(
      notificationText(
        'Zoho said s3cr3t-value-123 [Open](command:workbench.action.terminal.new) ![x] (https://beacon)',
      ),
      'Zoho said «redacted» [Open] (command:workbench.action.terminal.new) ![x] (https://beacon)',
    );
    assert.equal(notificationText('Signed in to Zylker (US · production).'), 'Signed in to Zylker (US · production).');
  });

  it('markdown shows an org name as written: no link, image, emphasis or HTML; plain text gets it back', () => {
    const name = '[click](https://evil) ![](https://beacon) **bold** <img src=x> a_b `c`';
    const escaped = escapeMarkdown(name);
    assert.equal(
      escaped,
      '\\[click\\](https://evil) \\!\\[\\](https://beacon) \\*\\*bold\\*\\* \\<img src=x\\> a\\_b \\`c\\`',
    );
    assert.ok(!/(^|[^\\])\[/.test(escaped), 'every [ is escaped');
    assert.equal(markdownToPlainText(escaped), name);
  });

  it('a snippet inserts an org value as written ($CLIPBOARD stays text)', () => {
    assert.equal(escapeSnippet('$CLIPBOARD ${1:x} \\'), '\\$CLIPBOARD \\${1:x\\} \\\\');
  });

  it('controls become visible escapes, valid inside JSON; one line is bounded', () => {
    assert.equal(escapeControls('a\u001b[2Jb\u0007\u009b\u202e\tc\n'), 'a\\u001b[2Jb\\u0007\\u009b\\u202e\tc\n');
    assert.equal(JSON.parse(`"${escapeControls('\u001b\u202e')}"`), '\u001b\u202e');
    assert.equal(oneLine('a\nb\r\nc'), 'a b c');
    const long = oneLine('x'.repeat(100_000));
    assert.equal(long.length, 100);
    assert.ok(long.endsWith('…'));
  });
});

describe('the snapshot that arrives while the language server starts', () => {
  it('is sent once the client has started, not before; later ones as they come', () => {
    let current: string | undefined;
    const sent: (string | null)[] = [];
    const forwarder = new SnapshotForwarder(
      () => current,
      (snapshot) => sent.push(snapshot),
    );
    assert.equal(forwarder.initial, null, 'the server starts without one');
    current = 'signed in during the start';
    forwarder.changed(current);
    assert.deepEqual(sent, [], 'nothing before the client runs');
    forwarder.start();
    assert.deepEqual(sent, ['signed in during the start']);
    current = undefined;
    forwarder.changed(undefined);
    assert.deepEqual(sent, ['signed in during the start', null]);
  });

  it('sends nothing extra when the snapshot did not change during the start', () => {
    const sent: (string | null)[] = [];
    const forwarder = new SnapshotForwarder(
      () => 'same',
      (snapshot) => sent.push(snapshot),
    );
    assert.equal(forwarder.initial, 'same');
    forwarder.start();
    assert.deepEqual(sent, []);
  });
});
