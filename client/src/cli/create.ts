/** `crm-module create <file>`: the same checks and the same request as the editor, from the environment. */
import { LineIndex } from '../../../server/src/languageservice';
import { CrmClient } from '../zoho/crmClient';
import { createModule } from '../zoho/createModule';
import { ZohoError } from '../zoho/errors';
import { describeApiError } from '../zoho/explain';
import { locateError } from '../zoho/locateError';
import { Logger } from '../zoho/log';
import { OAuthClient } from '../zoho/oauth';
import { TokenManager } from '../zoho/tokenManager';
import { formatReports, lintFile, reportsFailed } from './lint';

import type { Io } from './main';

export async function createCommand(file: string, format: 'text' | 'json', io: Io): Promise<number> {
  const { text, ...report } = lintFile(file);
  if (report.error || text === undefined) { io.err(`${report.error}\n`); return 1; }
  if (reportsFailed([report])) {
    io.err(`${file} has errors; nothing was sent.\n`);
    io.out(formatReports([report], format));
    return 1;
  }
  const missing = ['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN'].filter((name) => !io.env[name]);
  if (missing.length) { io.err(`Set ${missing.join(', ')} in the environment (see crm-module --help).\n`); return 2; }
  const accountsServer = io.env.ZOHO_ACCOUNTS_URL || 'https://accounts.zoho.com';
  const verbose = io.env.ZOHO_VERBOSE === '1';
  const log = new Logger({ info: (m) => verbose && io.err(`${m}\n`), warn: (m) => io.err(`${m}\n`), error: (m) => io.err(`${m}\n`) });
  const oauth = new OAuthClient();
  const tokens = new TokenManager({ clientId: io.env.ZOHO_CLIENT_ID!, clientSecret: io.env.ZOHO_CLIENT_SECRET!, refreshToken: io.env.ZOHO_REFRESH_TOKEN!, accountsServer }, oauth, log);
  try {
    let apiDomain = io.env.ZOHO_API_DOMAIN;
    if (!apiDomain) {
      // The token answer names the org's API host; one refresh gives both.
      const answer = await oauth.refresh({ clientId: io.env.ZOHO_CLIENT_ID!, clientSecret: io.env.ZOHO_CLIENT_SECRET!, refreshToken: io.env.ZOHO_REFRESH_TOKEN!, accountsServer });
      log.redactor.add(answer.accessToken);
      tokens.seed(answer.accessToken, answer.expiresAt);
      apiDomain = answer.apiDomain ?? 'https://www.zohoapis.com';
    }
    const outcome = await createModule(new CrmClient(apiDomain, tokens, log), text);
    const print = (value: unknown, line: string) => io.out(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${line}\n`);
    switch (outcome.kind) {
      case 'created':
        print({ status: 'created', id: outcome.id, file }, `Created module from ${file}: id ${outcome.id}`);
        return 0;
      case 'rejected': {
        const lines = new LineIndex(text);
        const problems = outcome.errors.map((error) => {
          const place = locateError(text, error);
          const { line, column } = lines.position(place.offset);
          return { line, column, code: error.code, message: describeApiError(error), details: error.details };
        });
        if (format === 'json') print({ status: 'rejected', httpStatus: outcome.status, message: log.redactor.redact(outcome.message), problems, file }, '');
        else io.out(`${[...problems.map((p) => `${file}:${p.line}:${p.column} error ${p.code} ${p.message}`), log.redactor.redact(outcome.message)].join('\n')}\n`);
        return 1;
      }
      case 'ambiguous':
        print({ status: outcome.existing ? 'created' : 'unknown', id: outcome.existing?.id, message: outcome.message, file }, outcome.message);
        return outcome.existing ? 0 : 1;
    }
  } catch (error) {
    io.err(`${log.redactor.redact(error instanceof ZohoError ? error.message : String(error))}\n`);
    return 1;
  }
}
