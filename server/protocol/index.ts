/** What the server accepts beyond LSP, shared with the clients that send it. */

/** `{ snapshot: OrgSnapshot | null }`: the org's profiles and modules, or none (signed out). */
export const ORG_SNAPSHOT_NOTIFICATION = 'zohoCrm/orgSnapshot';

/** `{ apiVersion: "v7" | "v8" }`: the Zoho CRM API version files are checked for; open files are re-checked. */
export const API_VERSION_NOTIFICATION = 'zohoCrm/apiVersion';

export { SERVER_NODE_FLAGS } from './nodeFlags';
