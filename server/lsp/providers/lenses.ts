import { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../analysisCache';
import { rangeOf } from '../convert';
import { toCommand } from '../editorCommands';
import { EditorActionKind, lenses, OrgSnapshot } from '@crm/languageservice';

export class LensProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly org: () => OrgSnapshot | undefined,
    private readonly runs: () => ReadonlySet<EditorActionKind>,
    private readonly fieldsModule: (uri: string) => string | undefined = () => undefined,
  ) {}

  provide(document: TextDocument, _params: CodeLensParams): CodeLens[] {
    const { parsed } = this.cache.get(document);
    return lenses(parsed, this.org(), Date.now(), this.fieldsModule(document.uri)).map((lens) => ({
      range: rangeOf(document, lens.offset, 0),
      // A lens without a command the client runs is its text alone (VS Code shows an empty command as a label).
      command: toCommand(lens.action, lens.title, document.uri, this.runs()) ?? { title: lens.title, command: '' },
    }));
  }
}
