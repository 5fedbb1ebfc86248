/** Builders for module files used across the tests. */
import { analyze, Finding, TextEdit } from '../../server/languageservice';

/** The page's two sample bodies, exactly as Zoho prints them. */
export const SAMPLE_AUTONUMBER = `{
    "modules": [
        {
            "plural_label": "Stocks",
            "singular_label": "Stock",
            "profiles": [
                {
                    "id": "2423488000000015972"
                }
            ],
            "api_name": "stock",
            "display_field": {
                "field_label": "My name field label",
                "data_type": "autonumber",
                "auto_number": {
                    "prefix": "ZOHOCRM",
                    "start_number": "1003",
                    "suffix": "BRANCH"
                }
            }
        }
    ]
}`;

export const SAMPLE_TEXT = `{
    "modules": [
        {
            "plural_label": "Zylkers",
            "singular_label": "Zylker",
            "profiles": [
                {
                    "id": "2423488000000015972"
                }
            ],
            "display_field": {
                "field_label": "Zylker",
                "data_type": "text"
            }
        }
    ]
}`;

export function validModule(): Record<string, unknown> {
  return JSON.parse(SAMPLE_AUTONUMBER).modules[0];
}

/** A body holding one module: the sample with `change` applied (undefined removes a key). */
export function body(change: (module: Record<string, any>) => void = () => {}): string {
  const module = validModule();
  change(module);
  return JSON.stringify({ modules: [module] }, null, 2);
}

export function findings(text: string): Finding[] {
  return analyze(text).findings;
}

export function codes(text: string): string[] {
  return findings(text).map((finding) => finding.code);
}

/** The findings whose range covers the value written after `"key":` (its first occurrence). */
export function at(text: string, list: Finding[], snippet: string): Finding[] {
  const offset = text.indexOf(snippet);
  if (offset < 0) throw new Error(`snippet not in text: ${snippet}`);
  return list.filter((finding) => finding.offset <= offset && offset < finding.offset + finding.length);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  return result;
}
