/** The browser sign-in's redirect target on its own: what it accepts, what it answers, when it gives up. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { getEventListeners } from 'node:events';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import { ZohoError } from '../../client/zoho/errors';
import { CALLBACK_PATH, SIGN_IN_TIMEOUT_MS, startLoopback } from '../../client/zoho/loopback';

const get = async (url: string, method = 'GET') => {
  const response = await fetch(url, { method });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    cache: response.headers.get('cache-control'),
    connection: response.headers.get('connection'),
    text: await response.text(),
  };
};

describe('the loopback listener', () => {
  it('listens on a free port when asked for port 0, and names it in the redirect URI', async () => {
    const loopback = await startLoopback({ port: 0, expectedState: 's' });
    const port = Number(new URL(loopback.redirectUri).port);
    assert.ok(port > 0);
    assert.equal(loopback.redirectUri, `http://127.0.0.1:${port}${CALLBACK_PATH}`);
    loopback.close();
    await assert.rejects(
      loopback.result,
      (error: ZohoError) => error.message === 'Sign-in cancelled.' && error.kind === 'auth',
    );
  });

  it("listens on 127.0.0.1 only: not on the machine's other addresses (IPv6 loopback is one)", async () => {
    const loopback = await startLoopback({ port: 0, expectedState: 's' });
    const port = new URL(loopback.redirectUri).port;
    await assert.rejects(fetch(`http://[::1]:${port}${CALLBACK_PATH}?state=s&code=c`));
    loopback.close();
    await loopback.result.catch(() => {});
  });

  it('answers 404 to anything but GET /callback, and keeps waiting for the real answer', async () => {
    const loopback = await startLoopback({ port: 0, expectedState: 'state-1' });
    const base = loopback.redirectUri.replace(CALLBACK_PATH, '');
    for (const [path, method] of [
      ['/favicon.ico', 'GET'],
      [`${CALLBACK_PATH}?state=state-1&code=c`, 'POST'],
    ]) {
      const answer = await get(`${base}${path}`, method);
      assert.deepEqual([answer.status, answer.type, answer.text], [404, 'text/plain', 'Not found']);
    }
    const page = await get(
      `${loopback.redirectUri}?state=state-1&code=the-code&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu`,
    );
    assert.equal(page.status, 200);
    assert.equal(page.type, 'text/html; charset=utf-8');
    assert.equal(page.cache, 'no-store');
    assert.equal(page.connection, 'close', 'the browser keeps no connection open to a listener that is about to close');
    assert.match(page.text, /<title>Signed in to Zoho CRM<\/title>.*close this tab/s);
    assert.deepEqual(await loopback.result, {
      code: 'the-code',
      location: 'eu',
      accountsServer: 'https://accounts.zoho.eu',
    });
    await assert.rejects(fetch(loopback.redirectUri), 'the listener closed after its one answer');
  });

  it('Zoho\'s "access_denied" is a cancel; another error is named; the page escapes what it repeats', async () => {
    const denied = await startLoopback({ port: 0, expectedState: 's' });
    const page = await get(`${denied.redirectUri}?state=s&error=access_denied`);
    assert.equal(page.status, 400);
    assert.match(page.text, /<h1>Sign-in failed<\/h1><p>Zoho answered: access_denied\. You can close this tab\.<\/p>/);
    await assert.rejects(
      denied.result,
      (error: ZohoError) =>
        error.message === "Sign-in cancelled in Zoho's consent page." && error.code === 'access_denied',
    );

    const other = await startLoopback({ port: 0, expectedState: 's' });
    const escaped = await get(`${other.redirectUri}?state=s&error=${encodeURIComponent('<b>"x"&y</b>')}`);
    assert.match(escaped.text, /Zoho answered: &lt;b&gt;&quot;x&quot;&amp;y&lt;\/b&gt;\./);
    await assert.rejects(
      other.result,
      (error: ZohoError) => error.message === 'Zoho answered the sign-in with "<b>"x"&y</b>".' && error.kind === 'auth',
    );
  });

  it('an answer without a code is refused, with a page that says to start again', async () => {
    const loopback = await startLoopback({ port: 0, expectedState: 's' });
    const page = await get(`${loopback.redirectUri}?state=s`);
    assert.equal(page.status, 400);
    assert.match(
      page.text,
      /<h1>Sign-in failed<\/h1><p>The answer carried no code\. Start the sign-in again from VS Code\.<\/p>/,
    );
    await assert.rejects(
      loopback.result,
      (error: ZohoError) => error.message === "Sign-in failed: Zoho's answer carried no code." && error.kind === 'auth',
    );
  });

  it('a forged state is refused before anything else is read', async () => {
    const loopback = await startLoopback({ port: 0, expectedState: 'right' });
    const page = await get(`${loopback.redirectUri}?state=wrong&code=c`);
    assert.equal(page.status, 400);
    assert.match(page.text, /<h1>Sign-in refused<\/h1>.*did not carry the state VS Code sent/s);
    await assert.rejects(
      loopback.result,
      (error: ZohoError) =>
        error.kind === 'auth' &&
        error.message ===
          "Sign-in refused: the answer from the browser did not carry the state VS Code sent (a stale tab, or someone else's link). Try again.",
    );
  });

  it("cancelling (the notification's Cancel) stops listening, and lets go of the signal once done", async () => {
    const controller = new AbortController();
    const loopback = await startLoopback({ port: 0, expectedState: 's', signal: controller.signal });
    assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
    controller.abort();
    await assert.rejects(
      loopback.result,
      (error: ZohoError) => error.message === 'Sign-in cancelled.' && error.kind === 'auth',
    );
    await assert.rejects(fetch(loopback.redirectUri), 'the listener closed');

    const answered = new AbortController();
    const other = await startLoopback({ port: 0, expectedState: 's', signal: answered.signal });
    await get(`${other.redirectUri}?state=s&code=c`);
    await other.result;
    assert.equal(
      getEventListeners(answered.signal, 'abort').length,
      0,
      'an answered sign-in leaves no listener on the signal',
    );
  });

  it('a port it cannot listen on for another reason than "in use" says why, in the system\'s words', () => {
    // A process out of file descriptors (EMFILE) is the one such failure a test can cause without privileges.
    const loopback = path.join(__dirname, '../../client/zoho/loopback.js');
    const script = `const fs = require('fs'); const { startLoopback } = require(${JSON.stringify(loopback)}); const held = [];
      try { for (;;) held.push(fs.openSync('/dev/null', 'r')); } catch {}
      startLoopback({ port: 0, expectedState: 's' }).then(
        () => console.log('listening'), (error) => console.log(JSON.stringify({ message: error.message, kind: error.kind })));`;
    const child = spawnSync('bash', ['-c', 'ulimit -n 64 && exec "$0" -e "$1"', process.execPath, script], {
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(child.stdout), {
      message: 'Could not listen on 127.0.0.1:0 for the sign-in: listen EMFILE: too many open files 127.0.0.1',
      kind: 'network',
    });
  });

  it('gives up after five minutes by default, not before', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const loopback = await startLoopback({ port: 0, expectedState: 's' });
      let settled = false;
      loopback.result.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      mock.timers.tick(5 * 60 * 1000 - 1);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(settled, false, 'still waiting a millisecond before five minutes');
      mock.timers.tick(1);
      await assert.rejects(
        loopback.result,
        (error: ZohoError) =>
          error.kind === 'auth' &&
          error.message === 'Sign-in timed out: no answer came back from the browser within 5 minutes. Try again.',
      );
      assert.equal(SIGN_IN_TIMEOUT_MS, 300_000);
    } finally {
      mock.timers.reset();
    }
  });
});
