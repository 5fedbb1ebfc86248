/**
 * The last sign-in's answers that are not secret (how, where, which org, the client id, which Zoho prints in
 * every consent URL), so a retry after an expired code or a typo starts from them. Secrets never come here:
 * the client secret and the code are asked again.
 */
import type { Memento } from 'vscode';
import { Environment } from '@crm/zoho';

export interface SignInAnswers {
  method?: 'browser' | 'selfClient';
  dataCenter?: string;
  environment?: Environment;
  clientId?: string;
}

const KEY = 'zohoCrm.lastSignInAnswers';

export class SignInMemory {
  constructor(private readonly state: Memento) {}

  /** What was answered last, each value checked (global state is ours, but read as any stored data). */
  read(): SignInAnswers {
    const stored = this.state.get<Record<string, unknown>>(KEY) ?? {};
    const text = (value: unknown) => (typeof value === 'string' && value.length <= 200 ? value : undefined);
    const method = stored.method === 'browser' || stored.method === 'selfClient' ? stored.method : undefined;
    const environment = ['production', 'sandbox', 'developer'].includes(String(stored.environment))
      ? (stored.environment as Environment)
      : undefined;
    return { method, dataCenter: text(stored.dataCenter), environment, clientId: text(stored.clientId) };
  }

  async remember(answers: SignInAnswers): Promise<void> {
    await this.state.update(KEY, { ...this.read(), ...answers });
  }
}
