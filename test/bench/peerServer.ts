/**
 * The peer a user could pick instead of us: VS Code's own JSON language service validating against our
 * schemas (module files and fields files), behind the same kind of LSP server (pushed diagnostics on every change, no debounce).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const schemas: Record<string, string> = {
  'file:///crm-module.schema.json': readFileSync(
    path.resolve(__dirname, '../../../schemas/crm-module.schema.json'),
    'utf8',
  ),
  'file:///crm-fields.schema.json': readFileSync(
    path.resolve(__dirname, '../../../schemas/crm-fields.schema.json'),
    'utf8',
  ),
};
const service = getLanguageService({ schemaRequestService: async (uri) => schemas[uri] });
service.configure({
  validate: true,
  allowComments: false,
  schemas: [
    { uri: 'file:///crm-module.schema.json', fileMatch: ['*.crm-module.json'] },
    { uri: 'file:///crm-fields.schema.json', fileMatch: ['*.crm-fields.json'] },
  ],
});

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

async function validate(document: TextDocument): Promise<void> {
  const jsonDocument = service.parseJSONDocument(document as unknown as JsonTextDocument);
  const diagnostics = await service.doValidation(document as unknown as JsonTextDocument, jsonDocument, {
    comments: 'error',
    trailingCommas: 'error',
  });
  // The two packages pin different vscode-languageserver-types; the shapes are the same on the wire.
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics as never });
}

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: ['"', ':'] },
  },
}));
documents.onDidChangeContent((event) => void validate(event.document));
connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return service.doComplete(
    document as unknown as JsonTextDocument,
    params.position,
    service.parseJSONDocument(document as unknown as JsonTextDocument),
  );
});
documents.listen(connection);
connection.listen();
