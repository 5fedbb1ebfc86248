/**
 * Removes secrets from anything that is logged or shown: known secret values, and anything shaped like
 * a Zoho token, grant code, client secret or Authorization header, whether or not we know its value.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a value (client secret, token, code) that must never appear in output. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('«redacted»');
    return redactPatterns(result);
  }
}

const PATTERNS: [RegExp, string][] = [
  // Zoho tokens and grant codes: 1000.<hex>.<hex>
  [/\b1000\.[0-9a-f]{8,}\.[0-9a-f]{8,}\b/gi, '«redacted»'],
  // A backslash ends a value too: inside JSON text, `\"` must keep its backslash or the JSON breaks.
  [/(Zoho-oauthtoken|Bearer)\s+[^\s"',\\]+/gi, '$1 «redacted»'],
  [
    /((?:access_token|refresh_token|client_secret|code_verifier|id_token)\\?["']?\s*[:=]\s*\\?["']?)[^"'&\s,}\\]+/gi,
    '$1«redacted»',
  ],
  // Grant codes and tokens in query strings and form bodies (not Zoho's `"code": "INVALID_DATA"`).
  [/((?:^|[?&\s])(?:code|token)=)[^&\s"'\\]+/gi, '$1«redacted»'],
];

export function redactPatterns(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
