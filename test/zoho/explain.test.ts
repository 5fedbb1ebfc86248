/** Zoho's error answers in words a person can act on: one sentence per answer, naming the code and what to do. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorSentence, ZohoError } from '../../client/zoho/errors';
import { describeApiError, describeHttpFailure, resolutionFor, ZohoErrorEntry } from '../../client/zoho/explain';

const error = (code: string, details?: Record<string, unknown>): ZohoErrorEntry => ({
  code,
  message: 'the message',
  details,
});

// The codes Create Custom Module's page lists under "Possible Errors".
const PAGE_CODES = [
  'INVALID_DATA',
  'MANDATORY_NOT_FOUND',
  'DUPLICATE_DATA',
  'API_NOT_SUPPORTED',
  'MINIMUM_DATA_NOT_FOUND',
  'RESERVED_KEYWORD_NOT_ALLOWED',
  'NOT_SUPPORTED',
  'LIMIT_EXCEEDED',
  'EXPECTED_FIELD_MISSING',
  'DEPENDENT_FIELD_MISSING',
  'NO_PERMISSION',
  'AUTHENTICATION_FAILURE',
  'INVALID_URL_PATTERN',
  'INTERNAL_ERROR',
];
// And the ones Zoho answers around it: tokens, scopes, limits, Update's own.
const OTHER_CODES = [
  'AUTHENTICATION_FAILED',
  'INVALID_TOKEN',
  'INVALID_OAUTHTOKEN',
  'OAUTH_SCOPE_MISMATCH',
  'TOO_MANY_REQUESTS',
  'NOT_ALLOWED',
  'INVALID_MODULE',
];

describe("Zoho's errors in words", () => {
  it('every code Zoho documents has a resolution: one or two sentences, ending in a full stop', () => {
    for (const code of [...PAGE_CODES, ...OTHER_CODES]) {
      const resolution = resolutionFor(code);
      assert.match(resolution ?? '', /^\S.{20,}\.$/, code);
      assert.ok(describeApiError(error(code)).endsWith(` ${resolution}`), code);
    }
    assert.equal(resolutionFor('SOMETHING_NEW'), undefined);
  });

  it('an error names the key it is about and the limit Zoho states', () => {
    assert.equal(
      describeApiError(error('INVALID_DATA', { api_name: 'plural_label', maximum_length: 25 })),
      'INVALID_DATA (plural_label): the message. At most 25 characters. Zoho found a value it does not accept.',
    );
    assert.equal(
      describeApiError(error('INVALID_DATA', { json_path: '$.modules[0].profiles[0].id' })),
      'INVALID_DATA ($.modules[0].profiles[0].id): the message. Zoho found a value it does not accept.',
    );
    assert.equal(
      describeApiError({ code: 'SOMETHING_NEW', message: 'ends with a dot.' }),
      'SOMETHING_NEW: ends with a dot.',
    );
  });

  it('each HTTP failure as one sentence', () => {
    const cases: [string, string][] = [
      [
        describeHttpFailure(429, [error('TOO_MANY_REQUESTS')], '30'),
        'Zoho is limiting requests (HTTP 429 TOO_MANY_REQUESTS): Too many API calls: the org is over its concurrency limit or its API credits for the day. Zoho asks to wait 30 seconds. Nothing was created, and nothing is retried on its own.',
      ],
      [
        describeHttpFailure(429, [], undefined, 'update'),
        'Zoho is limiting requests (HTTP 429 TOO_MANY_REQUESTS): Too many API calls: the org is over its concurrency limit or its API credits for the day. Wait a minute before trying again. Nothing was changed, and nothing is retried on its own.',
      ],
      [
        describeHttpFailure(403, [error('NO_PERMISSION')]),
        'No permission (HTTP 403): Your Zoho CRM profile has no permission to create custom modules. Ask an administrator to give your profile the "Customize Zoho CRM" permission, or to create it.',
      ],
      [
        describeHttpFailure(403, [error('RESERVED_KEYWORD_NOT_ALLOWED')]),
        'Zoho did not create the module: RESERVED_KEYWORD_NOT_ALLOWED: the message. The API name is a system-defined keyword. Choose another api_name.',
      ],
      [
        describeHttpFailure(400, [error('NOT_SUPPORTED')]),
        'Not supported (HTTP 400): Your Zoho CRM edition cannot create custom modules: it needs the Enterprise edition or above.',
      ],
      [
        describeHttpFailure(404, []),
        'Not found (HTTP 404): Zoho does not know this URL. Check the API domain (setting zohoCrm.apiDomain) and the API version (zohoCrm.apiVersion).',
      ],
      [
        describeHttpFailure(404, [error('INVALID_URL_PATTERN')]),
        'Not found (HTTP 404 INVALID_URL_PATTERN): Zoho does not know this URL. Check the API domain (setting zohoCrm.apiDomain) and the API version (zohoCrm.apiVersion).',
      ],
      [
        describeHttpFailure(503, []),
        'Zoho failed (HTTP 503): Zoho had an internal error. Try again later; if it persists, contact Zoho support.',
      ],
      [
        describeHttpFailure(500, [error('INTERNAL_ERROR')]),
        'Zoho failed (HTTP 500 INTERNAL_ERROR): Zoho had an internal error. Try again later; if it persists, contact Zoho support.',
      ],
      [
        describeHttpFailure(401, [error('OAUTH_SCOPE_MISMATCH')]),
        'Not signed in (HTTP 401 OAUTH_SCOPE_MISMATCH): The sign-in does not grant the scope ZohoCRM.settings.modules.CREATE (or .ALL). Sign in again and grant it.',
      ],
      [
        describeHttpFailure(401, [error('OAUTH_SCOPE_MISMATCH')], undefined, 'update'),
        'Not signed in (HTTP 401 OAUTH_SCOPE_MISMATCH): The sign-in does not grant the scope ZohoCRM.settings.modules.UPDATE (or .ALL). Sign in again and grant it.',
      ],
      [describeHttpFailure(401, []), 'Not signed in (HTTP 401): Zoho did not accept the sign-in. Sign in again.'],
      [
        describeHttpFailure(401, [error('INVALID_TOKEN')], undefined, 'update'),
        'Not signed in (HTTP 401 INVALID_TOKEN): Zoho did not accept the access token even after a refresh. Sign in again.',
      ],
      [
        describeHttpFailure(400, [error('NO_PERMISSION')]),
        'Zoho did not create the module: NO_PERMISSION: the message. Your Zoho CRM profile has no permission to create custom modules. Ask an administrator to give your profile the "Customize Zoho CRM" permission, or to create it.',
      ],
      [
        describeHttpFailure(401, [error('SOMETHING_NEW')]),
        'Not signed in (HTTP 401 SOMETHING_NEW): Zoho did not accept the sign-in. Sign in again.',
      ],
      [
        describeHttpFailure(400, [error('DUPLICATE_DATA')], undefined, 'update'),
        'Zoho did not update the module: DUPLICATE_DATA: the message. Your org already has a module with this label or API name. Choose another.',
      ],
      [
        describeHttpFailure(400, [error('INVALID_DATA'), error('MANDATORY_NOT_FOUND')]),
        'Zoho did not create the module (HTTP 400, 2 problems): INVALID_DATA, MANDATORY_NOT_FOUND.',
      ],
    ];
    for (const [actual, expected] of cases) assert.equal(actual, expected);
  });
});

describe("any error in the user's words", () => {
  it('a ZohoError is already a sentence; anything else says what failed and why', () => {
    assert.equal(errorSentence(new ZohoError('Zoho refused: no.', 'request'), 'Create Module'), 'Zoho refused: no.');
    assert.equal(
      errorSentence(new TypeError('x is not a function'), 'Create Module'),
      'Create Module failed: x is not a function',
    );
    assert.equal(errorSentence('plain', 'Pull Module'), 'Pull Module failed: plain');
  });
});
