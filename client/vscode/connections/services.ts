/** What the VS Code side's commands share: the stored connections, the log and the settings. */
import { ConnectionStore } from './connectionStore';
import { SettingsReader } from '../config/settings';
import { Logger } from '@crm/zoho';

export interface Services {
  store: ConnectionStore;
  log: Logger;
  settings: SettingsReader;
}
