/** The `crm-module` command: lint module files, or create one in a Zoho CRM org, with no VS Code. */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { DEFAULT_API_VERSION, parseApiVersion } from '@crm/languageservice';
import { messageOf } from '@crm/zoho';
import { ENVIRONMENT_HELP } from './connect';
import { ENVIRONMENTS_FILE } from './environments';
import type { Io } from './io';
import { formatReports, lintFile, reportsFailed } from './lint';
import { redactorFor, terminalText, terminalWriter } from './terminal';

const COMMANDS = {
  lint: {
    usage: 'crm-module lint [--org] [--format text|json] <file.crm-module.json|file.crm-fields.json>…',
    help: `Checks files against every rule of Zoho CRM's Create Custom Module API, offline.
With --org, also against the org of ZOHO_REFRESH_TOKEN: profile ids it lacks, labels and API names
its modules already use (three GETs: the org, its profiles, its modules), and for a fields file the
labels and API names its module's fields use and lookups to modules it lacks (one GET per module). Prints file:line:col severity CODE message (or JSON).
Exit 0 when no file has an error, 1 when one has, 2 on bad usage or when the org cannot be read.`,
  },
  create: {
    usage: 'crm-module create [--yes] [--format text|json] <file.crm-module.json|file.crm-fields.json>',
    help: `Checks the file, then creates the module in the org of ZOHO_REFRESH_TOKEN, and then the fields of
the fields file beside it (<name>.crm-fields.json), checked first too. On a fields file: adds its
fields to its module (the sibling module file's api_name, else <name>), in calls of 5, each refusal at
file:line:col, fields the module has already not sent again. A production org needs --yes (or a "y"
at a terminal); without it nothing is sent (exit 2). A module the org already has is not sent (exit 1,
use update). Prints the module id; exit 1 when Zoho refuses, with its errors at file:line:col.`,
  },
  profiles: {
    usage: 'crm-module profiles [--format text|json]',
    help: 'Lists the profiles of the org: each id, name and type, for a module\'s "profiles".',
  },
  pull: {
    usage: 'crm-module pull [-o <file>] [--force] [--fields-only] <api_name>',
    help: `Writes the org's module as a Create body (labels, api_name, profile ids), by default to
<api_name>.crm-module.json, and its custom fields beside it (<api_name>.crm-fields.json). For one
of Zoho's standard modules (Leads, Deals…), or with --fields-only, only the fields file. A file that
exists with other content is kept (exit 1) unless --force.`,
  },
  diff: {
    usage: 'crm-module diff [--format text|json] <file.crm-module.json|file.crm-fields.json>',
    help: `Prints the differences between the file and its module in the org (by api_name), or between a
fields file and its module's fields, field by field. Exit 0 when there are none, 1 when there are,
2 on any other trouble.`,
  },
  update: {
    usage: 'crm-module update [--allow-delete] [--format text|json] <file.crm-module.json|file.crm-fields.json>',
    help: `Sends the file's labels and profiles to its module in the org (Update Custom Module, one PUT),
without asking. The API name cannot change (only in Zoho's web UI). On a fields file: creates the
fields the module lacks, changes the others as far as Zoho allows (a data_type, an api_name, a
lookup's module never change: they are printed, not sent), and leaves alone the module's fields and
options the file lacks unless --allow-delete, which deletes them. Exit 0 updated or already the same,
1 when Zoho refuses (errors at file:line:col) or the module does not exist.`,
  },
  plan: {
    usage: 'crm-module plan [--env <name>] [--from-snapshot <file>] [--format text|json] [<path>…]',
    help: `Compares the module and fields files under the paths (default: this folder, recursively) with the
org: per module and field, create, update (with the differences), up to date, only in the org, or
conflict (the org changed since the last pull or send recorded in .crm-sync.json, and the file
differs). Ids of another org in the files (profiles; a lookup's module, a global picklist) are
mapped by name to this org's and shown as a table; the files do not change. Writes nothing.
Exit 0 when nothing would change, 2 when something would, 1 on errors (an id this org lacks).`,
  },
  apply: {
    usage:
      'crm-module apply [--env <name>] [--from-snapshot <file>] [--yes] [--overwrite <module>]… [--allow-delete] [--format text|json] [<path>…]',
    help: `Carries out the plan, a module before the modules whose lookups point to it and a module before
its fields, after one question (or --yes). Stops at a conflict unless --overwrite names the module,
and at the first refusal, saying what was done. Records each module's new state in .crm-sync.json
(commit it: it holds names and hashes, no secret), so running it again finishes the work without
sending anything twice. Fields and options the files lack are deleted only with --allow-delete.
Promoting (--env production on files from the sandbox), ids are sent as the target's, by name; a
name the target lacks stops the run before any write. Exit 0 applied or nothing to do, 1 stopped,
2 not confirmed.`,
  },
  'map-ids': {
    usage:
      'crm-module map-ids [--env <name>] [--from-snapshot <file>] [--yes] <file.crm-module.json|file.crm-fields.json>…',
    help: `Rewrites the files' ids of another org (profiles; a lookup's module, a global picklist) as this
org's, by name, after showing the mapping and asking (or --yes). Plan and apply map ids without
this: it is for those who want the files to carry one org's ids. Exit 0 rewritten or nothing to
do, 1 an id this org lacks (nothing written), 2 not confirmed.`,
  },
  snapshot: {
    usage: 'crm-module snapshot [-o <file>] [--force]',
    help: `Writes the org's profiles and modules as JSON: name the file in the language server's
initializationOptions.orgSnapshotFile and any LSP editor checks files against the org.`,
  },
} as const;
const ORG_COMMANDS = new Set(['create', 'profiles', 'pull', 'diff', 'update', 'plan', 'apply', 'snapshot', 'map-ids']);
type Command = keyof typeof COMMANDS;

const USAGE = `Usage:
${Object.values(COMMANDS)
  .map((command) => `  ${command.usage}`)
  .join('\n')}
  crm-module <command> --help
  crm-module --version
`;

function commandHelp(command: Command): string {
  const environment =
    ORG_COMMANDS.has(command) || command === 'lint'
      ? `\n${command === 'lint' ? 'With --org it r' : 'R'}${ENVIRONMENT_HELP.slice(1)}\n`
      : '';
  const usage = COMMANDS[command].usage;
  const options = [
    usage.includes('--format') ? '  --format text|json   how to print the result (default text)' : '',
    usage.includes('-o <file>') ? '  -o, --output <file>  where to write' : '',
    usage.includes('--org') ? '  --org                check against the org too' : '',
    usage.includes('--yes') ? '  -y, --yes            send to a production org without asking' : '',
    usage.includes('--allow-delete')
      ? "  --allow-delete       delete the module's fields (and options) the fields file does not have"
      : '',
    usage.includes('--fields-only') ? "  --fields-only        pull only the module's fields file" : '',
    usage.includes('--overwrite')
      ? "  --overwrite <module> apply this module's files over the org's changes (a conflict)"
      : '',
    usage.includes('--from-snapshot')
      ? "  --from-snapshot <f>  names the ids of the files' org from its snapshot (crm-module snapshot)"
      : '',
    ORG_COMMANDS.has(command)
      ? `  --env <name>         the org of this entry of ${ENVIRONMENTS_FILE} (--environments <file>)`
      : '',
    usage.includes('--force')
      ? '  -f, --force          replace a file that differs (an earlier snapshot is replaced anyway)'
      : '',
    '  --api-version v7|v8  the Zoho CRM API version (default v7, or ZOHO_API_VERSION)',
    '  -h, --help           this help',
  ]
    .filter(Boolean)
    .join('\n');
  return `Usage: ${usage}\n\n${COMMANDS[command].help}\n${environment}\nOptions:\n${options}\n`;
}

/** Runs the CLI; returns its exit code (0 fine, 1 problems found or refused, 2 bad usage). */
export async function main(argv: string[], given: Io): Promise<number> {
  // Before anything runs: whatever reaches the terminal from here on is redacted and has its controls escaped.
  const redactor = given.redactor ?? redactorFor(given.env);
  const ask = given.ask;
  let io: Io = {
    ...given,
    redactor,
    out: terminalWriter(given.out, redactor),
    err: terminalWriter(given.err, redactor),
    ask: ask && ((question) => ask(terminalText(question, redactor))),
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        org: { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        force: { type: 'boolean', short: 'f' },
        'allow-delete': { type: 'boolean' },
        'fields-only': { type: 'boolean' },
        overwrite: { type: 'string', multiple: true },
        env: { type: 'string' },
        environments: { type: 'string' },
        'from-snapshot': { type: 'string' },
        'api-version': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's own message suggests "--" tricks; name the option and show the usage instead.
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    const code = (error as { code?: string }).code;
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `option ${option?.split(' ')[0] ?? ''} needs a value`
          : messageOf(error);
    io.err(`crm-module: ${problem}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.version) {
    io.out(`${version}\n`);
    return 0;
  }
  if (command === 'help') {
    const topic = files[0];
    io.out(topic && topic in COMMANDS ? commandHelp(topic as Command) : USAGE);
    return 0;
  }
  if (command === undefined) {
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    io.err(USAGE);
    return 2;
  }
  if (!(command in COMMANDS)) {
    io.err(`crm-module: unknown command ${command}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(commandHelp(command as Command));
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`crm-module: --format takes text or json, not ${format}\n`);
    return 2;
  }
  const versionGiven = values['api-version'] ?? io.env.ZOHO_API_VERSION ?? DEFAULT_API_VERSION;
  const apiVersion = parseApiVersion(versionGiven);
  if (!apiVersion) {
    io.err(`crm-module: --api-version (or ZOHO_API_VERSION) takes v7 or v8, not ${versionGiven}\n`);
    return 2;
  }
  io = { ...io, apiVersion, environment: values.env, environmentsFile: values.environments };

  const one = (what: string) => {
    if (files.length === 1) return files[0];
    io.err(`crm-module ${command}: name exactly one ${what}\n${commandHelp(command as Command)}`);
    return undefined;
  };
  switch (command as Command) {
    case 'lint': {
      if (files.length === 0) {
        io.err(`crm-module lint: name at least one file\n${commandHelp('lint')}`);
        return 2;
      }
      if (values.org) return (await import('./org')).lintWithOrgCommand(files, format, io);
      const reports = files.map((file) => lintFile(file, apiVersion));
      io.out(formatReports(reports, format));
      return reportsFailed(reports) ? 1 : 0;
    }
    case 'create': {
      const file = one('file');
      return file === undefined ? 2 : (await import('./create')).createCommand(file, format, io, values.yes ?? false);
    }
    case 'profiles':
      if (files.length) {
        io.err(`crm-module profiles takes no files\n${commandHelp('profiles')}`);
        return 2;
      }
      return (await import('./org')).profilesCommand(format, io);
    case 'snapshot':
      if (files.length) {
        io.err(`crm-module snapshot takes no files (use -o <file>)\n${commandHelp('snapshot')}`);
        return 2;
      }
      return (await import('./org')).snapshotCommand(values.output, values.force ?? false, io);
    case 'pull': {
      const apiName = one('module API name');
      return apiName === undefined
        ? 2
        : (await import('./org')).pullCommand(
            apiName,
            values.output,
            values.force ?? false,
            values['fields-only'] ?? false,
            io,
          );
    }
    case 'diff': {
      const file = one('file');
      return file === undefined ? 2 : (await import('./org')).diffCommand(file, format, io);
    }
    case 'plan':
      return (await import('./sync')).planCommand(files, format, io, values['from-snapshot']);
    case 'apply':
      return (await import('./sync')).applyCommand(files, format, io, {
        yes: values.yes ?? false,
        overwrite: values.overwrite ?? [],
        allowDelete: values['allow-delete'] ?? false,
        fromSnapshot: values['from-snapshot'],
      });
    case 'map-ids':
      if (files.length === 0) {
        io.err(`crm-module map-ids: name at least one file\n${commandHelp('map-ids')}`);
        return 2;
      }
      return (await import('./sync')).mapIdsCommand(files, io, values.yes ?? false, values['from-snapshot']);
    case 'update': {
      const file = one('file');
      return file === undefined
        ? 2
        : (await import('./org')).updateCommand(file, format, values['allow-delete'] ?? false, io);
    }
  }
}

if (require.main === module) {
  const ask =
    process.stdin.isTTY && process.stderr.isTTY
      ? async (question: string) => {
          const readline = await import('node:readline/promises');
          const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
          try {
            return await prompt.question(question);
          } finally {
            prompt.close();
          }
        }
      : undefined;
  const redactor = redactorFor(process.env);
  main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    ask,
    redactor,
  })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error) => {
      terminalWriter((text) => process.stderr.write(text), redactor)(`crm-module: ${messageOf(error)}\n`);
      process.exitCode = 1;
    });
}
