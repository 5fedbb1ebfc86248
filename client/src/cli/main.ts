/** The `crm-module` command: lint module files, or create one in a Zoho CRM org, with no VS Code. */
import { formatReports, lintFile, reportsFailed } from './lint';

const USAGE = `Usage:
  crm-module lint [--format text|json] <file.crm-module.json>…
      Checks files against every rule of Zoho CRM's Create Custom Module API.
      Exit 0 when no file has an error, 1 when one has, 2 on bad usage.
  crm-module create [--format text|json] <file.crm-module.json>
      Checks the file, then creates the module in the org of ZOHO_REFRESH_TOKEN. Reads ZOHO_CLIENT_ID,
      ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_ACCOUNTS_URL (default https://accounts.zoho.com) and
      ZOHO_API_DOMAIN (default: the api_domain of the token answer). ZOHO_VERBOSE=1 logs each request
      (secrets redacted). Prints the module id; exit 1 when Zoho refuses, with its errors at file:line:col.
`;

export async function main(argv: string[], io: { out: (text: string) => void; err: (text: string) => void; env: NodeJS.ProcessEnv }): Promise<number> {
  const [command, ...rest] = argv;
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    if (arg === '--format') {
      const value = rest[++index];
      if (value !== 'text' && value !== 'json') { io.err(`--format takes text or json\n${USAGE}`); return 2; }
      format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') { io.err(`--format takes text or json\n${USAGE}`); return 2; }
      format = value;
    } else if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else {
      files.push(arg);
    }
  }
  switch (command) {
    case 'lint': {
      if (files.length === 0) { io.err(`lint needs at least one file\n${USAGE}`); return 2; }
      const reports = files.map(lintFile);
      io.out(formatReports(reports, format));
      return reportsFailed(reports) ? 1 : 0;
    }
    case 'create': {
      if (files.length !== 1) { io.err(`create takes exactly one file\n${USAGE}`); return 2; }
      const { createCommand } = await import('./create');
      return createCommand(files[0], format, io);
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`unknown command ${command}\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), env: process.env })
    .then((code) => { process.exitCode = code; })
    .catch((error) => {
      process.stderr.write(`crm-module: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
