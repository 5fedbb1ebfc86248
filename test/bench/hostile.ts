/**
 * One hostile case per child process, so its peak memory (VmHWM) is its own: prints {"ms", "peakMb", "note"}.
 * `node hostile.js <case>`; bench.ts runs each case for us and for the peer in the same run.
 *   trickle-ours     our client against headers then a byte every 200 ms, 3 s deadline
 *   flood-ours|peer  200 MB answer: our client (16 MB cap) / axios as it was (idle timeout, no cap)
 *   format-ours|peer <depth|line10mb>: our formatting / vscode-json-languageservice's
 */
import { readFileSync } from 'node:fs';
import axios from 'axios';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { CrmClient } from '../../client/zoho/crmClient';
import { createHttp } from '../../client/zoho/http';
import { Logger } from '../../client/zoho/log';
import { OAuthClient } from '../../client/zoho/oauth';
import { TokenManager } from '../../client/zoho/tokenManager';
import { formatDocument } from '../../server/languageservice';
import { flood, HostileZoho, trickle } from '../hostileZoho/hostileZoho';

const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

export function hostileText(shape: string): string {
  if (shape === 'line10mb')
    return `{"modules":[{"plural_label":"A","singular_label":"A","profiles":[${Array.from({ length: 380_000 }, (_, index) => `{"id":"${index}"}`).join(',')}]}]}`;
  const depth = Number(shape);
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

async function main(): Promise<void> {
  const [which, shape] = process.argv.slice(2);
  let note = '';
  if (which === 'trickle-ours' || which.startsWith('flood')) {
    const zoho = await new HostileZoho().start();
    zoho.on(/settings\/profiles/, which === 'trickle-ours' ? trickle(200) : flood(200 * 1024 * 1024));
    const log = new Logger({ info: () => {}, warn: () => {}, error: () => {} });
    const tokens = new TokenManager(
      { clientId: 'c', clientSecret: 'secret-000000', refreshToken: 'refresh-000000', accountsServer: zoho.url },
      new OAuthClient(createHttp(), log),
      log,
    );
    const begun = performance.now();
    if (which === 'flood-peer') {
      // The client as it was before the cap: axios's idle timeout, no size limit.
      const answer = await axios.get(`${zoho.url}/crm/v7/settings/profiles`, {
        timeout: 60_000,
        responseType: 'text',
        transformResponse: [(data) => data],
      });
      note = `read ${(String(answer.data).length / 1024 / 1024).toFixed(0)} MB`;
    } else {
      const client = new CrmClient(
        zoho.url,
        tokens,
        log,
        createHttp({ timeoutMs: which === 'trickle-ours' ? 3000 : 60_000 }),
      );
      note = await client.listProfiles().then(
        () => 'answered',
        (error: Error) => error.message.replace(/^.*?: /, ''),
      );
    }
    console.log(JSON.stringify({ ms: performance.now() - begun, peakMb: peakMb(), note }));
    await zoho.stop();
    return;
  }
  const text = hostileText(shape);
  const options = { tabSize: 2, insertSpaces: true };
  const formatStarted = performance.now();
  if (which === 'format-ours') {
    note = `${formatDocument(text, options).length} edits`;
  } else {
    const service = getLanguageService({});
    const document = TextDocument.create('file:///x.json', 'json', 1, text);
    note = `${service.format(document, undefined as never, options).length} edits`;
  }
  console.log(JSON.stringify({ ms: performance.now() - formatStarted, peakMb: peakMb(), note }));
}

if (require.main === module)
  main().then(
    () => process.exit(0),
    (error) => {
      console.log(JSON.stringify({ ms: NaN, peakMb: peakMb(), note: String(error?.message ?? error).slice(0, 80) }));
      process.exit(0);
    },
  );
