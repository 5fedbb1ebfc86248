/**
 * Entry point of the bundled server. `crm-module-language-server --stdio` serves any LSP editor;
 * VS Code's client starts it over IPC. createConnection reads the transport from the arguments.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (
  process.argv.includes('--help') ||
  !process.argv.some((arg) => transports.some((transport) => arg.startsWith(transport)))
) {
  process.stderr.write(
    'Usage: crm-module-language-server --stdio\n  A language server for Zoho CRM *.crm-module.json files (Language Server Protocol over stdio).\n',
  );
  process.exit(process.argv.includes('--help') ? 0 : 2);
}
startServer(createConnection(ProposedFeatures.all));
