/**
 * The Zoho CRM API version: one type for the rules, the request paths and the docs links. Chosen by the user
 * (a setting, a CLI flag, `initializationOptions`), parsed once where it enters, never guessed.
 */
export type ApiVersion = 'v7' | 'v8';

/** v7 is the version of the Create Custom Module page the rules were written from. */
export const DEFAULT_API_VERSION: ApiVersion = 'v7';

/** "v8", "V8", "8" or 8 → "v8"; anything else → undefined (the caller says what it takes). */
export function parseApiVersion(value: unknown): ApiVersion | undefined {
  const number = Number(String(value ?? '').replace(/^v/i, ''));
  return number === 7 || number === 8 ? `v${number}` : undefined;
}

/** Whether `version` has what came with API `since` (the schema's `x-zoho.since`, a number). */
export function isAtLeast(version: ApiVersion, since: number): boolean {
  return Number(version.slice(1)) >= since;
}

/** `/settings/modules` → `/crm/v7/settings/modules`. */
export function apiPath(version: ApiVersion, route: string): string {
  return `/crm/${version}${route}`;
}

/** Zoho's page for the request a kind of file holds (Create Custom Module, or Create Custom Fields). */
export function createPage(version: ApiVersion, kind: 'module' | 'fields'): string {
  return kind === 'fields'
    ? `https://www.zoho.com/crm/developer/docs/api/${version}/create-custom-field.html`
    : createModulePage(version);
}

/** Zoho's page for Create Custom Module in this version. */
export function createModulePage(version: ApiVersion): string {
  return `https://www.zoho.com/crm/developer/docs/api/${version}/create-custom-module-api.html`;
}
