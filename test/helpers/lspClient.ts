/** Drives the bundled server over a real JSON-RPC connection on stdio, as Neovim or any LSP editor does. */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  ClientCapabilities,
  createProtocolConnection,
  PublishDiagnosticsParams,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

import { SERVER_NODE_FLAGS } from '../../server/protocol/nodeFlags';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

/** What VS Code's client says it can show: snippets, markdown, a symbol tree, documentation on resolve. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    completion: {
      completionItem: {
        snippetSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        resolveSupport: { properties: ['documentation', 'detail'] },
      },
      // As vscode-languageclient 9 declares it.
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; version?: number; resolve: (params: PublishDiagnosticsParams) => void }[] =
    [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** How many times diagnostics were published, per document. */
  readonly publishCounts = new Map<string, number>();
  versions = new Map<string, number>();
  private readonly lensRefreshWaiters: (() => void)[] = [];

  constructor(args: string[] = ['--stdio'], script = SERVER) {
    // Started as the shipped launchers start it: with the server's node flags.
    this.process = spawn(process.execPath, [...SERVER_NODE_FLAGS, script, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      for (const resolve of this.lensRefreshWaiters.splice(0)) resolve();
      return null;
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) =>
      this.logs.push(params.message),
    );
    this.connection.listen();
  }

  /**
   * Initializes with no settings, no pull diagnostics and no workspace folders; by default as a minimal
   * client that lists no capabilities at all (no snippets, no markdown, flat symbols).
   */
  async initialize(initializationOptions?: unknown, capabilities: ClientCapabilities = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const current = this.latest.get(uri);
    if (current && (version === undefined || current.version === version)) return Promise.resolve(current);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Opens a document and waits for the diagnostics of that version. */
  async open(uri: string, text: string, languageId = 'zoho-crm-module'): Promise<PublishDiagnosticsParams> {
    this.latest.delete(uri);
    this.versions.set(uri, 1);
    const waiting = this.diagnostics(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return waiting;
  }

  /** Replaces the whole text and waits for the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const waiting = this.diagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return waiting;
  }

  /** The next diagnostics published for `uri`, whatever the version (a re-check without an edit). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  /** Resolves when the server next asks for the lenses again (workspace/codeLens/refresh). */
  nextLensRefresh(): Promise<void> {
    return new Promise((resolve) => this.lensRefreshWaiters.push(resolve));
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async close(): Promise<void> {
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
