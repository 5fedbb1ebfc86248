/**
 * The one check before anything is sent, for VS Code's Create and Update and the CLI's create and update, so
 * the four agree on the same file and org: the rules of the API version; then, with the org's data when it is
 * known, whether Create would make a module the org already has, and whether Zoho would refuse the file in that
 * org (an unknown profile, a label or API name another module uses); and whether the send needs a yes first.
 * Two steps, since the rules need no sign-in and the org's data does.
 */
import {
  analyze,
  Analysis,
  ApiVersion,
  checkAgainstOrg,
  Finding,
  moduleInOrg,
  OrgSnapshot,
} from '@crm/languageservice';
import { readModuleFile } from './moduleFile';

export type SendVerb = 'create' | 'update';

export type RulesVerdict =
  /** Zoho would refuse the body itself: the rules' errors. */
  | { kind: 'invalid'; findings: Finding[] }
  | { kind: 'valid'; analysis: Analysis; apiName?: string; pluralLabel?: string };

export type OrgVerdict =
  /** Create: the org already has this custom module (its own spelling): Update is the way. */
  | { kind: 'exists'; apiName: string }
  /** Zoho would refuse the file in this org. */
  | { kind: 'clash'; findings: Finding[] }
  /** Nothing known stands in the way; `askFirst`: a create in a production org asks (or needs --yes) first. */
  | { kind: 'ready'; askFirst: boolean };

/** Step one, before any sign-in: the rules of `apiVersion`, once (the analysis is handed on, not redone). */
export function checkRules(
  text: string,
  apiVersion: ApiVersion,
  analysis: Analysis = analyze(text, apiVersion),
): RulesVerdict {
  const findings = analysis.findings.filter((finding) => finding.severity === 'error');
  if (findings.length) return { kind: 'invalid', findings };
  const module = readModuleFile(text);
  return { kind: 'valid', analysis, apiName: module?.api_name, pluralLabel: module?.plural_label };
}

/** The same step one for a fields file (sent with its module, or by Create and Update Fields): its rules' errors. */
export function checkFieldsRules(text: string, apiVersion: ApiVersion): Finding[] {
  return analyze(text, apiVersion, 'fields').findings.filter((finding) => finding.severity === 'error');
}

/**
 * Step two, with the org: `snapshot` is its profiles and modules when known (an empty profile list means the
 * profiles could not be read, and only the modules are checked); `production` whether the org is production.
 */
export function checkOrg(
  verb: SendVerb,
  valid: Extract<RulesVerdict, { kind: 'valid' }>,
  snapshot: OrgSnapshot | undefined,
  production: boolean,
): OrgVerdict {
  const existing = verb === 'create' ? moduleInOrg(valid.analysis.parsed, snapshot) : undefined;
  if (existing) return { kind: 'exists', apiName: existing.api_name };
  const findings = checkAgainstOrg(valid.analysis.parsed, snapshot, Date.now());
  // Update's api_name names the module to change, not a new one: the org's read of it says whether it may be.
  const clashes = findings.filter(
    (finding) => finding.severity === 'error' && !(verb === 'update' && finding.rule === 'org-duplicate-api-name'),
  );
  if (clashes.length) return { kind: 'clash', findings: clashes };
  return { kind: 'ready', askFirst: verb === 'create' && production };
}
