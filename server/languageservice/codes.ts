/**
 * Every error code this project names, in one place (as vscode-json-languageservice's `ErrorCode`): Zoho's, as
 * its API answers them, and our own, for what Zoho has no code for. The schema's `x-zoho` keys carry the codes
 * of the rules it declares; code names a code only through these.
 */

/** Zoho CRM's codes that our code reads or reports (the schema and explain.ts's words hold the others). */
export const ZOHO_CODES = {
  invalidData: 'INVALID_DATA',
  duplicateData: 'DUPLICATE_DATA',
  mandatoryNotFound: 'MANDATORY_NOT_FOUND',
  minimumDataNotFound: 'MINIMUM_DATA_NOT_FOUND',
  reservedKeyword: 'RESERVED_KEYWORD_NOT_ALLOWED',
  expectedFieldMissing: 'EXPECTED_FIELD_MISSING',
  dependentFieldMissing: 'DEPENDENT_FIELD_MISSING',
  oauthScopeMismatch: 'OAUTH_SCOPE_MISMATCH',
  invalidToken: 'INVALID_TOKEN',
  invalidOauthToken: 'INVALID_OAUTHTOKEN',
  invalidModule: 'INVALID_MODULE',
  internalError: 'INTERNAL_ERROR',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  noPermission: 'NO_PERMISSION',
  notSupported: 'NOT_SUPPORTED',
  dependentMismatch: 'DEPENDENT_MISMATCH',
  expectedDependentFieldMissing: 'EXPECTED_DEPENDENT_FIELD_MISSING',
  ambiguity: 'AMBIGUITY_DURING_PROCESSING',
  notAllowed: 'NOT_ALLOWED',
  limitExceeded: 'LIMIT_EXCEEDED',
} as const;

/** The codes a Create Custom Module or Fields body can earn: a diagnostic with one of them links to Zoho's page. */
export const CREATE_BODY_CODES: ReadonlySet<string> = new Set([
  ZOHO_CODES.dependentMismatch,
  ZOHO_CODES.expectedDependentFieldMissing,
  ZOHO_CODES.ambiguity,
  ZOHO_CODES.notAllowed,
  ZOHO_CODES.invalidData,
  ZOHO_CODES.duplicateData,
  ZOHO_CODES.mandatoryNotFound,
  ZOHO_CODES.minimumDataNotFound,
  ZOHO_CODES.reservedKeyword,
  ZOHO_CODES.expectedFieldMissing,
  ZOHO_CODES.dependentFieldMissing,
  ZOHO_CODES.limitExceeded,
]);

/** Our own codes, for problems Zoho has no code of its own for. */
export const OWN_CODES = {
  unknownKey: 'UNKNOWN_KEY',
  duplicateKey: 'DUPLICATE_KEY',
  tooDeep: 'NESTING_TOO_DEEP',
  tooManyProblems: 'TOO_MANY_PROBLEMS',
  laterApiVersion: 'NEEDS_LATER_API_VERSION',
  replacementCharacter: 'INVALID_ENCODING',
  /** Zoho answered an error entry without a code. */
  unknown: 'UNKNOWN',
  /** Zoho refused without any error entry: the summary stands in for one. */
  error: 'ERROR',
} as const;
