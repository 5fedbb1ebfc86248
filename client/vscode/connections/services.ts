/** What the VS Code side's commands share: the stored connections, the log, the settings, the last sign-in's answers. */
import { ConnectionStore } from './connectionStore';
import { SettingsReader } from '../config/settings';
import { SignInMemory } from './signInMemory';
import { Logger } from '@crm/zoho';

export interface Services {
  store: ConnectionStore;
  log: Logger;
  settings: SettingsReader;
  /** The last sign-in's answers that are not secret, offered first next time. */
  signInMemory: SignInMemory;
}
