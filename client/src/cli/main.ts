/** The `crm-module` command: lint module files, or create one in a Zoho CRM org, with no VS Code. */
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { messageOf } from '../zoho/errors';
import { formatReports, lintFile, reportsFailed } from './lint';

export interface Io { out: (text: string) => void; err: (text: string) => void; env: NodeJS.ProcessEnv }

const COMMANDS = {
  lint: {
    usage: 'crm-module lint [--format text|json] <file.crm-module.json>…',
    help: `Checks files against every rule of Zoho CRM's Create Custom Module API, offline.
Prints file:line:col severity CODE message (or JSON with --format json).
Exit 0 when no file has an error, 1 when one has, 2 on bad usage.`,
  },
  create: {
    usage: 'crm-module create [--format text|json] <file.crm-module.json>',
    help: `Checks the file, then creates the module in the org of ZOHO_REFRESH_TOKEN. Reads ZOHO_CLIENT_ID,
ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_ACCOUNTS_URL (default https://accounts.zoho.com) and
ZOHO_API_DOMAIN (default: the api_domain of the token answer). ZOHO_VERBOSE=1 logs each request
(secrets redacted). Prints the module id; exit 1 when Zoho refuses, with its errors at file:line:col.`,
  },
} as const;
type Command = keyof typeof COMMANDS;

const USAGE = `Usage:
${Object.values(COMMANDS).map((command) => `  ${command.usage}`).join('\n')}
  crm-module <command> --help
  crm-module --version
`;

function commandHelp(command: Command): string {
  return `Usage: ${COMMANDS[command].usage}\n\n${COMMANDS[command].help}\n\nOptions:\n  --format text|json  how to print the result (default text)\n  -h, --help          this help\n`;
}

/** Runs the CLI; returns its exit code (0 fine, 1 problems found or refused, 2 bad usage). */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's own message suggests "--" tricks; name the option and show the usage instead.
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    const code = (error as { code?: string }).code;
    const problem = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `option ${option?.split(' ')[0] ?? ''} needs a value`
        : messageOf(error);
    io.err(`crm-module: ${problem}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.version) { io.out(`${version}\n`); return 0; }
  if (command === 'help') {
    const topic = files[0];
    io.out(topic && topic in COMMANDS ? commandHelp(topic as Command) : USAGE);
    return 0;
  }
  if (command === undefined) {
    if (values.help) { io.out(USAGE); return 0; }
    io.err(USAGE);
    return 2;
  }
  if (!(command in COMMANDS)) { io.err(`crm-module: unknown command ${command}\n${USAGE}`); return 2; }
  if (values.help) { io.out(commandHelp(command as Command)); return 0; }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') { io.err(`crm-module: --format takes text or json, not ${format}\n`); return 2; }

  switch (command as Command) {
    case 'lint': {
      if (files.length === 0) { io.err(`crm-module lint: name at least one file\n${commandHelp('lint')}`); return 2; }
      const reports = files.map(lintFile);
      io.out(formatReports(reports, format));
      return reportsFailed(reports) ? 1 : 0;
    }
    case 'create': {
      if (files.length !== 1) { io.err(`crm-module create: name exactly one file\n${commandHelp('create')}`); return 2; }
      const { createCommand } = await import('./create');
      return createCommand(files[0], format, io);
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), env: process.env })
    .then((code) => { process.exitCode = code; })
    .catch((error) => {
      process.stderr.write(`crm-module: ${messageOf(error)}\n`);
      process.exitCode = 1;
    });
}
