/**
 * Two readings of Zoho's Create Custom Module page, written separately: the editor's rules and the local
 * Zoho's validation. The same bodies go to both; where the stand-in refuses, our rules must report an
 * error with the same code on the same line, and where it accepts, our rules must find no error. A
 * difference between the readings fails here instead of staying hidden.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, LineIndex, parseApiVersion } from '../../server/languageservice';
import { findNodeAtLocation, Node, parseTree } from 'jsonc-parser';
import { checkCreateBody } from '../zohoStandIn/validation';
import { V8_SPEC_EXAMPLES } from '../fixtures/v8SpecExamples';
import { body, SAMPLE_AUTONUMBER, SAMPLE_TEXT } from '../helpers/modules';

type Module = Record<string, any>;
const text = (module: Module) => JSON.stringify(module);

/** Each case changes the autonumber sample's module; the name says how. */
const CASES: Record<string, (module: Module) => void> = {
  unchanged: () => {},
  'plural_label missing': (m) => {
    delete m.plural_label;
  },
  'singular_label missing': (m) => {
    delete m.singular_label;
  },
  'label of 25 characters': (m) => {
    m.plural_label = 'A'.repeat(25);
  },
  'label of 26 characters': (m) => {
    m.plural_label = 'A'.repeat(26);
  },
  'label of 25 letters beyond ASCII': (m) => {
    m.plural_label = 'é'.repeat(25);
  },
  'label empty': (m) => {
    m.singular_label = '';
  },
  'label of spaces': (m) => {
    m.singular_label = '   ';
  },
  'label with a hyphen': (m) => {
    m.plural_label = 'Stock-Items';
  },
  'label with an underscore': (m) => {
    m.plural_label = 'Stock_Items';
  },
  'label with digits and letters beyond ASCII': (m) => {
    m.plural_label = 'Lagerbestände 2024';
  },
  'label a system keyword': (m) => {
    m.plural_label = 'Profiles';
  },
  'label a keyword in other case and spacing': (m) => {
    m.singular_label = 'report   FOLDER';
  },
  'label a number': (m) => {
    m.plural_label = 12;
  },
  'profiles missing': (m) => {
    delete m.profiles;
  },
  'profiles empty': (m) => {
    m.profiles = [];
  },
  'profiles null': (m) => {
    m.profiles = null;
  },
  'profiles an object': (m) => {
    m.profiles = { id: '2423488000000015972' };
  },
  'profile without id': (m) => {
    m.profiles = [{}];
  },
  'profile id not digits': (m) => {
    m.profiles = [{ id: 'abc' }];
  },
  'profile id of 20 digits': (m) => {
    m.profiles = [{ id: '12345678901234567890' }];
  },
  'two profiles': (m) => {
    m.profiles = [{ id: '2423488000000015972' }, { id: '2423488000000015975' }];
  },
  'the same profile twice': (m) => {
    m.profiles = [{ id: '2423488000000015972' }, { id: '2423488000000015972' }];
  },
  'api_name missing': (m) => {
    delete m.api_name;
  },
  'api_name of 50 characters': (m) => {
    m.api_name = `A${'b'.repeat(49)}`;
  },
  'api_name of 51 characters': (m) => {
    m.api_name = `A${'b'.repeat(50)}`;
  },
  'api_name starting with a digit': (m) => {
    m.api_name = '1Stocks';
  },
  'api_name with a hyphen': (m) => {
    m.api_name = 'Stock-Items';
  },
  'api_name ending with an underscore': (m) => {
    m.api_name = 'Stocks_';
  },
  'api_name with two underscores': (m) => {
    m.api_name = 'Stock__Items';
  },
  'api_name with a space': (m) => {
    m.api_name = 'Stock Items';
  },
  'api_name reserved': (m) => {
    m.api_name = 'Notes';
  },
  'api_name reserved in lower case': (m) => {
    m.api_name = 'status';
  },
  'api_name a number': (m) => {
    m.api_name = 5;
  },
  'display_field missing': (m) => {
    delete m.display_field;
  },
  'display_field empty': (m) => {
    m.display_field = {};
  },
  'display_field a string': (m) => {
    m.display_field = 'Name';
  },
  'data_type unknown': (m) => {
    m.display_field.data_type = 'number';
  },
  'text display field': (m) => {
    m.display_field = { field_label: 'Name', data_type: 'text' };
  },
  'only field_label': (m) => {
    m.display_field = { field_label: 'Name' };
  },
  'autonumber without auto_number': (m) => {
    delete m.display_field.auto_number;
  },
  'auto_number without start_number': (m) => {
    delete m.display_field.auto_number.start_number;
  },
  'start_number of 16 digits': (m) => {
    m.display_field.auto_number.start_number = '1234567890123456';
  },
  'start_number of 17 digits': (m) => {
    m.display_field.auto_number.start_number = '12345678901234567';
  },
  'start_number as a number': (m) => {
    m.display_field.auto_number.start_number = 1003;
  },
  'start_number with a sign': (m) => {
    m.display_field.auto_number.start_number = '-5';
  },
  'start_number empty': (m) => {
    m.display_field.auto_number.start_number = '';
  },
  'prefix with a hyphen': (m) => {
    m.display_field.auto_number.prefix = 'ZO-HO';
  },
  'suffix empty': (m) => {
    m.display_field.auto_number.suffix = '';
  },
  'prefix of 51 characters': (m) => {
    m.display_field.auto_number.prefix = 'P'.repeat(51);
  },
};

/** Bodies whose shape the cases above cannot express. */
const WHOLE_BODIES: Record<string, string> = {
  'the text sample': SAMPLE_TEXT,
  'the autonumber sample': SAMPLE_AUTONUMBER,
  'modules missing': '{}',
  'modules empty': '{"modules": []}',
  'modules an object': `{"modules": ${text(JSON.parse(body()).modules[0])}}`,
  'two modules': `{"modules": [${text(JSON.parse(body()).modules[0])}, ${text(JSON.parse(body()).modules[0])}]}`,
  'a module that is a string': '{"modules": ["Stocks"]}',
  'a body that is an array': '[]',
};

function ourErrors(bodyText: string, version: 7 | 8) {
  const lines = new LineIndex(bodyText);
  return analyze(bodyText, parseApiVersion(version))
    .findings.filter((finding) => finding.severity === 'error')
    .map((finding) => ({ code: finding.code, offset: finding.offset, line: lines.position(finding.offset).line }));
}

/**
 * Where an error at Zoho's json_path may be reported: the property it names, key and value; for a key
 * that is missing, the nearest property that is there (ours names the missing key's object by its key).
 */
function placeOf(bodyText: string, jsonPath: string): { offset: number; length: number } {
  const root = parseTree(bodyText)!;
  const path: (string | number)[] = [...jsonPath.replace(/^\$\.?/, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(
    (match) => (match[2] !== undefined ? Number(match[2]) : match[1]),
  );
  for (let length = path.length; length >= 0; length--) {
    let node: Node | undefined = findNodeAtLocation(root, path.slice(0, length));
    if (!node) continue;
    while (node.parent && node.parent.type !== 'property') node = node.parent;
    const span = node.parent ?? node;
    return { offset: span.offset, length: span.length };
  }
  return { offset: 0, length: bodyText.length };
}

function standInVerdict(bodyText: string, version: 7 | 8) {
  const parsed = JSON.parse(bodyText);
  // Profile ids exist or not per org; the rules check their form. Every well-formed id counts as known here.
  const ids = (parsed?.modules?.[0]?.profiles ?? []) as unknown[];
  const known = Array.isArray(ids)
    ? ids.map((profile) => String((profile as Module | null)?.id)).filter((id) => /^\d{1,19}$/.test(id))
    : [];
  return checkCreateBody(parsed, [], known, version);
}

/** v8 adds access_type: Zoho's spec examples, and each way a body can get it wrong. */
const V8_BODIES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(V8_SPEC_EXAMPLES).map(([name, text]) => [`v8 spec: ${name}`, text])),
  'team-based with profiles': V8_SPEC_EXAMPLES.TeamBasedModule.replace(
    '"access_type": "team_based"',
    '"access_type": "team_based", "profiles": [{"id": "1"}]',
  ),
  'org-based without profiles': V8_SPEC_EXAMPLES.TeamBasedModule.replace('team_based', 'org_based'),
  'access_type not a value Zoho knows': V8_SPEC_EXAMPLES.MinimalModule.replace(
    '"api_name"',
    '"access_type": "teams", "api_name"',
  ),
  "field_label over the spec's 100 characters": V8_SPEC_EXAMPLES.ModuleWithTextDisplay.replace(
    '"fieldLabel"',
    `"${'F'.repeat(101)}"`,
  ),
  'field_label of exactly 100 characters': V8_SPEC_EXAMPLES.ModuleWithTextDisplay.replace(
    '"fieldLabel"',
    `"${'F'.repeat(100)}"`,
  ),
  'access_type org_based with profiles': V8_SPEC_EXAMPLES.MinimalModule.replace(
    '"api_name"',
    '"access_type": "org_based", "api_name"',
  ),
};

describe("the stand-in and the rules read Zoho's pages alike, per API version", () => {
  const all: [string, string][] = [
    ...Object.entries(CASES).map(([name, change]) => [name, body(change)] as [string, string]),
    ...Object.entries(WHOLE_BODIES),
    ...Object.entries(V8_BODIES),
  ];
  for (const version of [7, 8] as const) {
    for (const [name, bodyText] of all) {
      it(`v${version}: ${name}`, () => {
        const verdict = standInVerdict(bodyText, version);
        const ours = ourErrors(bodyText, version);
        if (!verdict) {
          assert.deepEqual(ours, [], 'the stand-in accepts this body; our rules must not report an error');
          return;
        }
        const path = String(verdict.error.details.json_path ?? '$');
        const place = placeOf(bodyText, path);
        assert.ok(
          ours.some(
            (error) =>
              error.code === verdict.error.code &&
              error.offset >= place.offset &&
              error.offset < place.offset + place.length,
          ),
          `the stand-in answers ${verdict.error.code} at ${path} (${verdict.error.message}); our rules report ${JSON.stringify(ours)}`,
        );
      });
    }
  }
});
