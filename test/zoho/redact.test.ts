import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Logger } from '../../client/zoho/log';
import { Redactor, redactPatterns } from '../../client/zoho/redact';

const R = '«redacted»';
const ACCESS = '1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210';
const REFRESH = '1000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

describe('redaction: known secrets', () => {
  it('every registered value is replaced wherever it appears, as often as it appears', () => {
    const redactor = new Redactor();
    redactor.add('my-client-secret-123');
    redactor.add('opaque-token-value');
    assert.equal(
      redactor.redact('a my-client-secret-123 b my-client-secret-123 c opaque-token-value'),
      `a ${R} b ${R} c ${R}`,
    );
  });

  it('values too short to be secrets are not registered (they would blank ordinary words)', () => {
    const redactor = new Redactor();
    redactor.add('abcde');
    redactor.add('');
    redactor.add(undefined);
    assert.equal(redactor.redact('abcde stays'), 'abcde stays');
    redactor.add('abcdef');
    assert.equal(redactor.redact('abcdef goes'), `${R} goes`);
  });

  it('a secret whose value is not Zoho-shaped is caught only because it was registered', () => {
    const line = 'POST client_id=1000.X&note=plain-secret-value';
    assert.equal(redactPatterns(line), line);
    const redactor = new Redactor();
    redactor.add('plain-secret-value');
    assert.equal(redactor.redact(line), `POST client_id=1000.X&note=${R}`);
  });

  it('the Logger passes every level through the redactor', () => {
    const lines: string[] = [];
    const log = new Logger({ info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) });
    log.redactor.add('registered-secret');
    log.info('i registered-secret');
    log.warn(`w ${ACCESS}`);
    log.error('e Authorization: Bearer xyz123');
    assert.deepEqual(lines, [`i ${R}`, `w ${R}`, `e Authorization: Bearer ${R}`]);
  });
});

describe('redaction: secrets by their shape, known or not', () => {
  const cases: [string, string, string][] = [
    ['a Zoho token anywhere', `token is ${ACCESS}.`, `token is ${R}.`],
    ['a Zoho-oauthtoken header', `Authorization: Zoho-oauthtoken abc.def-ghi`, `Authorization: Zoho-oauthtoken ${R}`],
    ['a Bearer header, any case', `authorization: bearer eyJhbGciOi.x.y`, `authorization: bearer ${R}`],
    [
      'a header with more than one space before the token',
      'Authorization: Zoho-oauthtoken   abc.def',
      `Authorization: Zoho-oauthtoken ${R}`,
    ],
    [
      'a form body',
      'grant_type=refresh_token&client_id=1000.ID&client_secret=s3cr3t&refresh_token=r3fr3sh',
      `grant_type=refresh_token&client_id=1000.ID&client_secret=${R}&refresh_token=${R}`,
    ],
    [
      'a code in a form body',
      'grant_type=authorization_code&code=abc123&redirect_uri=x',
      `grant_type=authorization_code&code=${R}&redirect_uri=x`,
    ],
    [
      'a code in a URL',
      'http://127.0.0.1:47120/callback?state=s&code=abc123&location=us',
      `http://127.0.0.1:47120/callback?state=s&code=${R}&location=us`,
    ],
    [
      'a token in a URL',
      'POST https://accounts.zoho.com/oauth/v2/token/revoke?token=r3fr3sh',
      `POST https://accounts.zoho.com/oauth/v2/token/revoke?token=${R}`,
    ],
    [
      'a JSON token answer',
      '{"access_token":"at-value","refresh_token":"rt-value","api_domain":"https://www.zohoapis.com"}',
      `{"access_token":"${R}","refresh_token":"${R}","api_domain":"https://www.zohoapis.com"}`,
    ],
    [
      'JSON with spaces, single quotes',
      `{ 'client_secret' : 'cs-value', "id_token": "it" }`,
      `{ 'client_secret' : '${R}', "id_token": "${R}" }`,
    ],
    [
      'a JSON key split from its value by a line break',
      '{\n  "refresh_token":\n    "rt-value"\n}',
      `{\n  "refresh_token":\n    "${R}"\n}`,
    ],
    ['a PKCE verifier', 'code_verifier=v3rifier', `code_verifier=${R}`],
    ['a token that starts a line', 'token=abc\ncode=def', `token=${R}\ncode=${R}`],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(redactPatterns(input), expected));

  it('a Zoho token split by line breaks in a wrapped log line is still caught when registered', () => {
    const redactor = new Redactor();
    redactor.add(REFRESH);
    assert.equal(redactor.redact(`refresh ${REFRESH}`), `refresh ${R}`);
  });
});

describe('redaction leaves ordinary text alone', () => {
  for (const text of [
    '{"code": "INVALID_DATA", "details": {"api_name": "plural_label"}, "message": "invalid data", "status": "error"}',
    '{"modules": [{"status": "error", "code": "DUPLICATE_DATA"}]}',
    'POST https://www.zohoapis.com/crm/v7/settings/modules (312 bytes)',
    'Signed in: Zylker (US · production), API https://www.zohoapis.com, accounts https://accounts.zoho.com',
    'profile id 2423488000000015972 and module id 2423488000000834002',
    'the error code is RESERVED_KEYWORD_NOT_ALLOWED; the postcode=12 is not a code',
    'client_id=1000.LOCALSTANDIN0000000000000000',
  ])
    it(text.slice(0, 60), () => assert.equal(new Redactor().redact(text), text));
});

describe('redaction inside JSON text', () => {
  it('a header or form echoed inside a JSON string is redacted and the JSON still parses', () => {
    const echoed = JSON.stringify({
      message: `you sent {"authorization":"Zoho-oauthtoken abc123def456"} client_secret=xyz789 refresh_token="r3fr3sh" code=g1234567`,
    });
    const redacted = redactPatterns(echoed);
    const message = JSON.parse(redacted).message as string;
    assert.ok(!/abc123def456|xyz789|r3fr3sh|g1234567/.test(message), message);
    assert.match(message, /Zoho-oauthtoken «redacted»/);
  });
});
