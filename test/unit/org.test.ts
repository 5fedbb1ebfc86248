import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyze,
  checkAgainstOrg,
  moduleInOrg,
  complete,
  completeAt,
  hover,
  OrgSnapshot,
  readSnapshot,
  snapshotAge,
  withOrgFixes,
} from '../../server/languageservice';
import { applyEdits, SAMPLE_AUTONUMBER } from '../helpers/modules';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const ORG: OrgSnapshot = {
  org: 'Zylker (US · production)',
  fetchedAt: NOW - 3 * 60_000,
  profiles: [
    { id: '5550000000000000012', name: 'Standard', type: 'normal_profile' },
    { id: '5550000000000000011', name: 'Administrator', type: 'normal_profile' },
    { id: '5550000000000000013', name: 'Customer Portal', type: 'portal_profile' },
  ],
  modules: [
    { api_name: 'Leads', plural_label: 'Leads', singular_label: 'Lead', generated_type: 'default' },
    {
      api_name: 'Shipments',
      plural_label: 'Shipments',
      singular_label: 'Shipment',
      generated_type: 'custom',
      id: '777',
    },
  ],
};

function body(module: Record<string, unknown>): string {
  return JSON.stringify({ modules: [module] }, null, 2);
}
const ADMIN = [{ id: '5550000000000000011' }];
const orgFindings = (text: string, snapshot: OrgSnapshot | undefined = ORG) =>
  checkAgainstOrg(analyze(text).parsed, snapshot, NOW);

describe('org rules', () => {
  it('report nothing without a snapshot, or for a file that fits the org', () => {
    assert.deepEqual(checkAgainstOrg(analyze(SAMPLE_AUTONUMBER).parsed, undefined, NOW), []);
    assert.deepEqual(orgFindings(body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: ADMIN })), []);
  });

  it('an unknown profile id: INVALID_DATA on the id, naming the org, the age and the closest profiles, with a fix per profile', () => {
    const text = body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [{ id: '5550000000000000099' }] });
    const [finding, ...rest] = orgFindings(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.code, 'INVALID_DATA');
    assert.equal(text.slice(finding.offset, finding.offset + finding.length), '"5550000000000000099"');
    assert.match(
      finding.message,
      /^Zylker \(US · production\) has no profile 5550000000000000099 \(org data: 3 min ago\); try Administrator, Customer Portal, Standard\.$/,
    );
    const titles = finding.fixes!.map((fix) => fix.title);
    assert.deepEqual(titles.slice(0, 3), [
      'Use the profile "Administrator" (5550000000000000011)',
      'Use the profile "Customer Portal" (5550000000000000013)',
      'Use the profile "Standard" (5550000000000000012)',
    ]);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.deepEqual(JSON.parse(fixed).modules[0].profiles, ADMIN);
    assert.deepEqual(orgFindings(fixed), []);
    const all = applyEdits(text, finding.fixes!.at(-1)!.edits);
    assert.deepEqual(
      JSON.parse(all).modules[0].profiles.map((profile: { id: string }) => profile.id),
      ['5550000000000000011', '5550000000000000013', '5550000000000000012'],
    );
  });

  it('orders the closest ids first: an id from another org shares less of its digits', () => {
    const text = body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [{ id: '5550000000000000019' }] });
    assert.match(orgFindings(text)[0].fixes![0].title, /Administrator/);
    const snapshot = { ...ORG, profiles: [...ORG.profiles, { id: '2423488000000015975', name: 'Sandbox Standard' }] };
    const other = body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [{ id: '2423488000000015972' }] });
    assert.match(checkAgainstOrg(analyze(other).parsed, snapshot, NOW)[0].fixes![0].title, /Sandbox Standard/);
  });

  it('leaves empty and malformed ids to the schema rules', () => {
    assert.deepEqual(
      orgFindings(body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [{ id: '' }, { id: 'abc' }] })),
      [],
    );
  });

  it('a label another module uses (any letter case): DUPLICATE_DATA naming it', () => {
    const text = body({ plural_label: 'leads', singular_label: 'shipment', profiles: ADMIN });
    const found = orgFindings(text);
    assert.deepEqual(
      found.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]),
      [
        ['DUPLICATE_DATA', '"leads"'],
        ['DUPLICATE_DATA', '"shipment"'],
      ],
    );
    assert.match(
      found[0].message,
      /^Standard module "Leads" of Zylker \(US · production\) already has this label \(org data: 3 min ago\)\.$/,
    );
    assert.match(found[1].message, /^Custom module "Shipments" of Zylker/);
  });

  it('an api_name of a standard module is a clash; of a custom module, it is that module (no finding)', () => {
    const leads = body({
      plural_label: 'Lead Records',
      singular_label: 'Lead Record',
      api_name: 'leads',
      profiles: ADMIN,
    });
    const [clash] = orgFindings(leads);
    assert.equal(clash.code, 'DUPLICATE_DATA');
    assert.match(clash.message, /^Standard module "Leads" of Zylker \(US · production\) already has this API name/);
    const shipments = body({
      plural_label: 'Shipments',
      singular_label: 'Shipment',
      api_name: 'Shipments',
      profiles: ADMIN,
    });
    // The org's own module is no finding at all: its state is the lens's to say.
    assert.deepEqual(orgFindings(shipments), []);
    assert.equal(moduleInOrg(analyze(shipments).parsed, ORG)?.api_name, 'Shipments');
    assert.equal(moduleInOrg(analyze(leads).parsed, ORG), undefined, 'a standard module is not one to update');
  });
});

describe('the quick look before the full org check', () => {
  it('finds the same as the full check, body after body (clean, each kind of clash, escapes, wrong types)', () => {
    const bodies = [
      body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: ADMIN }),
      body({ plural_label: 'Leads', singular_label: 'Stock', profiles: ADMIN }),
      body({ plural_label: 'Stocks', singular_label: 'shipment', profiles: ADMIN }),
      body({ plural_label: 'Stocks', singular_label: 'Stock', api_name: 'LEADS', profiles: ADMIN }),
      body({ plural_label: 'Stocks', singular_label: 'Stock', api_name: 'Shipments', profiles: ADMIN }),
      body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [{ id: '5550000000000000099' }] }),
      // A number where a string belongs (a type finding): the full check reads it.
      body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [{ id: 0 }] }).replace(
        '"id": 0',
        '"id": 5550000000000000099',
      ),
      // "Leads" written with an escape: the quick look reads it as JSON does.
      body({ plural_label: 'Leads', singular_label: 'Stock', profiles: ADMIN }).replace('"Leads"', '"Le\\u0061ds"'),
      '{"modules": [{"plural_label": "Leads", "singular_label": "Stock", "profiles": [{"id": "5550000000000000011"}]}, ]}',
    ];
    for (const text of bodies) {
      const withStrings = analyze(text).parsed;
      const withoutStrings = {
        ...analyze(text).parsed,
        strings: undefined,
        get root() {
          return analyze(text).parsed.root;
        },
      };
      assert.deepEqual(checkAgainstOrg(withStrings, ORG, NOW), checkAgainstOrg(withoutStrings, ORG, NOW), text);
    }
    assert.ok(
      checkAgainstOrg(analyze(bodies[1]).parsed, ORG, NOW).length > 0,
      'the clash is still found with the quick look',
    );
    assert.ok(
      bodies[7].includes('Le\\u0061ds') && checkAgainstOrg(analyze(bodies[7]).parsed, ORG, NOW).length > 0,
      'an escaped label is read as JSON reads it',
    );
  });
});

describe('org fixes for an empty profiles list', () => {
  it('offer the Administrator profile first, then every profile, then the empty entry (with its snippet)', () => {
    const text = body({ plural_label: 'Stocks', singular_label: 'Stock', profiles: [] });
    const { parsed, findings } = analyze(text);
    const [empty] = withOrgFixes(findings, parsed, ORG).filter((finding) => finding.code === 'MINIMUM_DATA_NOT_FOUND');
    assert.deepEqual(
      empty.fixes!.map((fix) => [fix.title, fix.preferred]),
      [
        ['Give the profile "Administrator" access', true],
        ['Give all 3 profiles of the org access', undefined],
        ['Add an empty profiles entry', undefined],
      ],
    );
    assert.deepEqual(JSON.parse(applyEdits(text, empty.fixes![0].edits)).modules[0].profiles, ADMIN);
    assert.equal(empty.fixes![2].edits[0].snippet, '[{ "id": "$1" }]');
    assert.deepEqual(withOrgFixes(findings, parsed, undefined), findings);
  });
});

describe('org completion and hover', () => {
  const at = (textWithCursor: string, snapshot?: OrgSnapshot) => {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    return { text, items: complete(analyze(text).parsed, offset, snapshot) };
  };

  it('completes a profile id with the org profiles by name, Administrator first and preselected', () => {
    const { text, items } = at('{"modules": [{"profiles": [{"id": "|"}]}]}', ORG);
    assert.deepEqual(
      items.map((item) => item.label),
      ['Administrator', 'Customer Portal', 'Standard'],
    );
    assert.equal(items[0].preselect, true);
    assert.equal(items[2].detail, '5550000000000000012');
    assert.match(items[2].documentation!, /^Normal profile of /);
    const after = applyEdits(text, [{ ...items[2].replace, newText: items[2].insertText }]);
    assert.equal(after, '{"modules": [{"profiles": [{"id": "5550000000000000012"}]}]}');
  });

  it('preselects the current profile, and offers nothing without a snapshot', () => {
    const { items } = at('{"modules": [{"profiles": [{"id": "55500000000|00000013"}]}]}', ORG);
    assert.deepEqual(
      items.filter((item) => item.preselect).map((item) => item.label),
      ['Customer Portal'],
    );
    assert.deepEqual(at('{"modules": [{"profiles": [{"id": "|"}]}]}').items, []);
  });

  it('a large org answers the first 50 that match what is typed (name or id prefix), and says there are more', () => {
    const big: OrgSnapshot = {
      ...ORG,
      profiles: [
        ...ORG.profiles,
        ...Array.from({ length: 500 }, (_, index) => ({
          id: String(6660000000000000000n + BigInt(index)),
          name: `Region ${index}`,
        })),
      ],
    };
    const text = '{"modules": [{"profiles": [{"id": ""}]}]}';
    const empty = completeAt(analyze(text).parsed, text.indexOf('""') + 1, big);
    assert.equal(empty.items.length, 50);
    assert.equal(empty.incomplete, true);
    assert.equal(empty.items[0].label, 'Administrator');
    const typed = '{"modules": [{"profiles": [{"id": "Region 49"}]}]}';
    const some = completeAt(analyze(typed).parsed, typed.indexOf('Region 49') + 9, big);
    assert.deepEqual(
      some.items.map((item) => item.label).sort(),
      ['Region 49', ...Array.from({ length: 10 }, (_, index) => `Region 49${index}`)].sort(),
    );
    assert.equal(some.incomplete, false);
    const digits = '{"modules": [{"profiles": [{"id": "66600000000000004"}]}]}';
    // 6660000000000000400…499: a hundred ids start with these digits, so the first 50 of them, and more to ask for.
    const byId = completeAt(analyze(digits).parsed, digits.indexOf('4"') + 1, big);
    assert.deepEqual(
      [
        byId.items.length,
        byId.incomplete,
        byId.items.every((item) => item.insertText.startsWith('"66600000000000004')),
      ],
      [50, true, true],
    );
  });

  it('module snippets use the org Administrator profile, or the documentation sample without an org', () => {
    const withOrg = at('{"modules": [|]}', ORG).items.find((item) => item.label.startsWith('Text display'))!;
    assert.match(withOrg.insertText, /"id": "\$\{3:5550000000000000011\}"/);
    const without = at('{"modules": [|]}').items.find((item) => item.label.startsWith('Text display'))!;
    assert.match(without.insertText, /"id": "\$\{3:2423488000000015972\}"/);
  });

  it("hovers a profile id with its name and type; one the org lacks is the diagnostic's to say, not the hover's", () => {
    const text = body({
      plural_label: 'Stocks',
      singular_label: 'Stock',
      profiles: [{ id: '5550000000000000013' }, { id: '1' }],
    });
    const known = hover(analyze(text).parsed, text.indexOf('5550000000000000013'), ORG, NOW)!;
    assert.match(
      known.markdown,
      /^\*\*Customer Portal\*\*: portal profile of Zylker \(US · production\) \(org data from 3 min ago\)/,
    );
    const unknown = hover(analyze(text).parsed, text.indexOf('"1"') + 1, ORG, NOW)!;
    assert.match(unknown.markdown, /^\*\*id\*\* · `string` · mandatory/);
    assert.doesNotMatch(unknown.markdown, /No profile of|⚠/);
    assert.doesNotMatch(hover(analyze(text).parsed, text.indexOf('5550000000000000013'))!.markdown, /Customer Portal/);
  });
});

describe("another org's profile ids (a file written against the sandbox)", () => {
  const withSandbox = readSnapshot({
    ...ORG,
    elsewhere: [
      {
        org: 'Zylker (US · sandbox)',
        profiles: [
          { id: '9990000000000000012', name: 'standard' },
          { id: '9990000000000000099', name: 'Sandbox Testers' },
          { id: 'not-an-id', name: 'Dropped' },
        ],
      },
    ],
  })!;
  const text = body({
    plural_label: 'Stocks',
    singular_label: 'Stock',
    profiles: [{ id: '9990000000000000012' }, { id: '9990000000000000099' }],
  });

  it('are no mistake when this org has a profile of that name, and one it lacks is named', () => {
    const findings = orgFindings(text, withSandbox);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0].offset, findings[0].offset + findings[0].length), '"9990000000000000099"');
    assert.match(
      findings[0].message,
      /^9990000000000000099 is Zylker \(US · sandbox\)'s profile "Sandbox Testers", and Zylker \(US · production\) has no profile of that name/,
    );
    // Without the other org known, both are this org's unknown ids, as before.
    assert.equal(orgFindings(text).length, 2);
  });

  it('hover with what goes in their place', () => {
    const shown = hover(analyze(text).parsed, text.indexOf('9990000000000000012'), withSandbox, NOW)!;
    assert.match(
      shown.markdown,
      /^\*\*standard\*\* of Zylker \(US · sandbox\): sent to Zylker \(US · production\) as its Standard \(5550000000000000012; org data from 3 min ago\)/,
    );
    assert.deepEqual(
      withSandbox.elsewhere![0].profiles.map((profile) => profile.id),
      ['9990000000000000012', '9990000000000000099'],
    );
  });
});

describe('org snapshot', () => {
  it('reads only what has the shape, from untrusted input', () => {
    assert.equal(readSnapshot(null), undefined);
    assert.equal(readSnapshot({ profiles: [] }), undefined);
    const read = readSnapshot({
      org: 'X',
      fetchedAt: '2026-11-28T11:00:00Z',
      profiles: [{ id: 1, name: 'A' }, { name: 'no id' }, null],
      modules: [{ api_name: 'M' }, {}],
    })!;
    assert.deepEqual(read.profiles, [{ id: '1', name: 'A', type: undefined }]);
    assert.deepEqual(
      read.modules.map((module) => module.api_name),
      ['M'],
    );
    assert.equal(snapshotAge(read, NOW), '1 h ago');
  });
  it('says its age in words', () => {
    const at = (minutes: number) => snapshotAge({ ...ORG, fetchedAt: NOW - minutes * 60_000 }, NOW);
    assert.deepEqual([at(0), at(12), at(90), at(60 * 72)], ['just now', '12 min ago', '2 h ago', '3 days ago']);
  });
});
