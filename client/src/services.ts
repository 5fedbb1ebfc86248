/** What the VS Code side's commands share: the stored connections, the log and the settings. */
import { ConnectionStore } from './auth/connectionStore';
import { SettingsReader } from './config/settings';
import { Logger } from './zoho/log';

export interface Services {
  store: ConnectionStore;
  log: Logger;
  settings: SettingsReader;
}
