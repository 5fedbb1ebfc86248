/**
 * Hands out access tokens: reuses one until shortly before it expires, and lets many callers share a
 * single refresh. The refresh token is never dropped here; a failed refresh asks for a new sign-in.
 */
import { ZohoError } from './errors';
import { Logger } from './log';
import { OAuthClient } from './oauth';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The accounts server the refresh token came from (its data center). */
  accountsServer: string;
}

/** Refresh this long before Zoho's expiry, so a token never dies in the middle of a request. */
export const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export class TokenManager {
  private cached?: { token: string; expiresAt: number };
  private inflight?: Promise<string>;
  refreshCount = 0;

  constructor(
    private readonly credentials: Credentials,
    private readonly oauth: OAuthClient,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    /** Called when Zoho says the refresh token itself is no longer valid (revoked or expired). */
    private readonly onRefreshTokenRejected?: () => Promise<void> | void,
  ) {
    log.redactor.add(credentials.clientSecret);
    log.redactor.add(credentials.refreshToken);
  }

  /** Seeds the cache with the access token of a fresh sign-in, saving one refresh. */
  seed(token: string, expiresAt: number): void {
    this.log.redactor.add(token);
    this.cached = { token, expiresAt };
  }

  async accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return this.cached.token;
    if (!this.inflight) {
      this.inflight = this.refresh().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  /** The last access token known, even if expired: for listing a session while offline. */
  lastKnownToken(): string | undefined {
    return this.cached?.token;
  }

  /** Forgets a token Zoho refused, so the next call refreshes (once, however many callers ask). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async refresh(): Promise<string> {
    this.refreshCount++;
    this.log.info(`Refreshing the access token at ${this.credentials.accountsServer}`);
    try {
      const answer = await this.oauth.refresh({ ...this.credentials });
      this.log.redactor.add(answer.accessToken);
      this.cached = { token: answer.accessToken, expiresAt: answer.expiresAt };
      return answer.accessToken;
    } catch (error) {
      if (error instanceof ZohoError && error.kind === 'auth') {
        // invalid_code on a refresh is Zoho saying the refresh token is dead; anything else may pass.
        if (error.code === 'invalid_code') await this.onRefreshTokenRejected?.();
        throw new ZohoError(`Your Zoho sign-in no longer works: ${error.message}`, 'auth', error.code, error.status);
      }
      throw error;
    }
  }
}
