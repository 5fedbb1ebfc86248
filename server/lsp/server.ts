/**
 * The language server: thin LSP glue over the pure language service, one provider per feature.
 * Takes any connection: stdio for any LSP editor (and the protocol tests, on the built bundle), IPC from
 * VS Code's client.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  Connection,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { ClientFeatures, clientFeatures, FULL_FEATURES } from './clientFeatures';
import { failureText } from './failureText';
import { AnalysisCache } from './analysisCache';
import { CodeActionProvider, FIX_ALL_KIND } from './providers/codeActions';
import { CompletionProvider } from './providers/completion';
import { DiagnosticsProvider } from './providers/diagnostics';
import { HoverProvider } from './providers/hover';
import { StructureProvider } from './providers/structure';
import { LensProvider } from './providers/lenses';
import { fieldsModuleResolver } from './fieldsModule';
import { OrgSnapshotSource } from './orgSnapshotSource';
import { readEditorActions } from './editorCommands';
import {
  ApiVersionNotification,
  InitializationOptions,
  OrgSnapshotNotification,
  OrgSnapshotParams,
} from '@crm/protocol';
import { ApiVersion, DEFAULT_API_VERSION, EditorActionKind, parseApiVersion } from '@crm/languageservice';

const DEFAULT_DELAY_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let apiVersion: ApiVersion = DEFAULT_API_VERSION;
  const cache = new AnalysisCache(() => apiVersion);
  let delayMs = DEFAULT_DELAY_MS;
  let features: ClientFeatures = FULL_FEATURES;
  const currentFeatures = () => features;
  let editorActions: ReadonlySet<EditorActionKind> = new Set();
  const currentEditorActions = () => editorActions;
  let lensRefresh = false;

  // A new snapshot re-checks every open file (its profiles and modules decide the org findings) and the lenses.
  const org = new OrgSnapshotSource(
    () => {
      diagnostics.publishAll();
      refreshLenses();
    },
    (message) => connection.console.warn(message),
  );
  const currentOrg = () => org.snapshot;
  /** The lenses say the file's state in the org: asked for again when the org or the version changes. */
  const refreshLenses = () => {
    if (!lensRefresh) return;
    connection
      .sendRequest(CodeLensRefreshRequest.type)
      .catch((error: unknown) => connection.console.warn(`Lens refresh refused: ${failureText(error)}`));
  };

  const completion = new CompletionProvider(cache, currentFeatures, currentOrg, currentEditorActions);
  const hover = new HoverProvider(cache, currentFeatures, currentOrg);
  const fieldsModule = fieldsModuleResolver(documents);
  const codeActions = new CodeActionProvider(cache, currentOrg, currentEditorActions, fieldsModule);
  const lenses = new LensProvider(cache, currentOrg, currentEditorActions, fieldsModule);
  const structure = new StructureProvider(cache, currentFeatures, (message) => connection.console.warn(message));
  const diagnostics = new DiagnosticsProvider(
    connection,
    documents,
    cache,
    () => delayMs,
    currentOrg,
    () => org.pending,
    fieldsModule,
  );

  connection.onInitialize((params): InitializeResult => {
    features = clientFeatures(params.capabilities);
    // What the client says it sends; each value is still checked before use.
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.diagnosticsDelayMs === 'number' && options.diagnosticsDelayMs >= 0)
      delayMs = options.diagnosticsDelayMs;
    apiVersion = parseApiVersion(options.apiVersion) ?? DEFAULT_API_VERSION;
    editorActions = readEditorActions(options.editorActions);
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    // Read after the answer, never inside it: the handshake cannot wait on a file.
    if (typeof options.orgSnapshotFile === 'string' && options.orgSnapshotFile)
      void org.watchFile(options.orgSnapshotFile);
    else if (options.orgSnapshot !== undefined) org.set(options.orgSnapshot);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: true },
        hoverProvider: true,
        codeLensProvider: {},
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Zoho CRM module' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: 'crm-module-language-server', version },
    };
  });

  /** A request that throws answers with its fallback and is logged: the server itself never goes down. */
  const guarded =
    <P extends { textDocument: { uri: string } }, R>(
      name: string,
      fallback: R,
      handler: (document: TextDocument, params: P) => R,
    ) =>
    (params: P): R => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return fallback;
      try {
        return handler(document, params);
      } catch (error) {
        connection.console.error(`${name} failed for ${params.textDocument.uri}: ${failureText(error)}`);
        return fallback;
      }
    };

  connection.onCompletion(guarded('completion', [], (document, params) => completion.provide(document, params)));
  connection.onCompletionResolve((item) => {
    try {
      return completion.resolve(item);
    } catch (error) {
      connection.console.error(`completionItem/resolve failed: ${failureText(error)}`);
      return item;
    }
  });
  connection.onHover(guarded('hover', null, (document, params) => hover.provide(document, params)));
  connection.onCodeAction(guarded('codeAction', [], (document, params) => codeActions.provide(document, params)));
  connection.onCodeLens(guarded('codeLens', [], (document, params) => lenses.provide(document, params)));
  connection.onDocumentSymbol(guarded('documentSymbol', [], (document) => structure.symbols(document)));
  connection.onFoldingRanges(guarded('foldingRange', [], (document) => structure.folding(document)));
  connection.onSelectionRanges(
    guarded('selectionRange', [], (document, params) => structure.selectionRanges(document, params.positions)),
  );
  connection.onDocumentFormatting(
    guarded('formatting', [], (document, params) => structure.format(document, params.options)),
  );
  connection.onDocumentRangeFormatting(
    guarded('rangeFormatting', [], (document, params) => structure.format(document, params.options, params.range)),
  );

  connection.onNotification(OrgSnapshotNotification, (params: Partial<OrgSnapshotParams> | undefined) => {
    try {
      org.set(params?.snapshot ?? null);
    } catch (error) {
      connection.console.error(`${OrgSnapshotNotification.method} failed: ${failureText(error)}`);
    }
  });
  connection.onNotification(ApiVersionNotification, (params: { apiVersion?: unknown } | undefined) => {
    const chosen = parseApiVersion(params?.apiVersion);
    if (!chosen)
      return connection.console.warn(`Ignored API version ${JSON.stringify(params?.apiVersion)}: "v7" or "v8".`);
    if (chosen === apiVersion) return;
    apiVersion = chosen;
    diagnostics.publishAll();
    refreshLenses();
  });
  connection.onShutdown(() => org.stopWatching());

  documents.listen(connection);
  connection.listen();
}
