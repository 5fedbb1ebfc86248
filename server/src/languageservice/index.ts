export * from './types';
export { analyze, reanalyze, hasErrors, Analysis } from './analyze';
export { LineIndex } from './lineIndex';
export { parseDocument, ParsedDocument } from './parse';
export { complete, Completion, keyDocumentation, KeyReference, MODULE_SNIPPETS } from './completion';
export { hover, Hover, describeKey } from './hover';
export { documentSymbols, foldingRegions, selectionChain, formatDocument, DocumentSymbol } from './structure';
export { fixesAt, fixAll } from './fixes';
export { rootSchema, schemaAtPath } from './schema';
