/**
 * The language service's façade (`@crm/languageservice`): everything the LSP server, the CLI, the Zoho library
 * and the extension use of the pure core. Text in, findings out; no LSP, no VS Code, no HTTP.
 */
export * from './types';
export * from './codes';
export { analyze, reanalyze, Analysis } from './analyze';
export { LineIndex } from './lineIndex';
export { complete, completeAt, keyDocumentation } from './completion';
export { hover } from './hover';
export { lenses, isBlank } from './lenses';
export { sameJson, shapedLike } from './fromOrg';
export { DocumentKind, documentKindOf, MODULE_FILE, moduleOfFieldsFile, siblingModuleFile } from './documentKind';
export {
  documentSymbols,
  foldingRegions,
  selectionChain,
  formatDocument,
  formatRefusal,
  DocumentSymbol,
} from './structure';
export { fixesAt, fixAll } from './fixes';
export { ApiVersion, apiPath, createPage, DEFAULT_API_VERSION, parseApiVersion } from './apiVersion';
export { OrgSnapshot, readSnapshot, snapshotAge } from './org/snapshot';
export { checkAgainstOrg, moduleInOrg, withOrgFixes } from './org/orgRules';
export { escapeControls, escapeMarkdown, escapeSnippet, oneLine } from './safeText';
