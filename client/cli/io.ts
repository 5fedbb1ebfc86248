/** What a CLI command is given: where to print, the environment, the API version, how to ask, the redactor. */
import type { ApiVersion } from '@crm/languageservice';
import type { Redactor } from '@crm/zoho';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The Zoho CRM API version chosen (--api-version, else ZOHO_API_VERSION, else v7): rules and paths follow it. */
  apiVersion?: ApiVersion;
  /** Asks at a terminal; absent in pipelines (then questions are answered by flags such as --yes). */
  ask?: (question: string) => Promise<string>;
  /** The org to work on, by its name in the environments file (--env); absent: ZOHO_* variables as before. */
  environment?: string;
  /** The environments file (--environments, else ZOHO_ENVIRONMENTS_FILE, else crm-environments.json here). */
  environmentsFile?: string;
  /** Knows every secret of this run (from the environment, then each access token): `out` and `err` use it. */
  redactor?: Redactor;
}
