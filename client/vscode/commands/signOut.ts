/** Sign-out: revoke the refresh token at Zoho, then forget the secrets, whatever Zoho answered. */
import { messageOf, OAuthClient } from '@crm/zoho';
import { Services } from '../connections/services';
import { ConnectionInfo } from '../connections/connectionStore';
import { notify } from '../messages/notify';

/**
 * Allowed in Restricted Mode too: removing a credential must always be possible, and the revoke goes to
 * the accounts server stored at sign-in, never to one a workspace names.
 */
export async function signOut(
  { store, log }: Services,
  connection: ConnectionInfo,
  oauth = new OAuthClient(undefined, log),
): Promise<{ revoked: boolean; message: string }> {
  const secrets = await store.secretsOf(connection.id).catch(() => undefined);
  let revoked = false;
  let problem = '';
  if (secrets) {
    log.redactor.add(secrets.clientSecret);
    log.redactor.add(secrets.refreshToken);
    try {
      await oauth.revoke({ accountsServer: connection.accountsServer, refreshToken: secrets.refreshToken });
      revoked = true;
    } catch (error) {
      problem = messageOf(error);
      log.warn(`Revoking the refresh token failed: ${problem}`);
    }
  }
  await store.remove(connection.id);
  const message = revoked
    ? `Signed out of ${connection.label}: the token was revoked at Zoho and removed from VS Code.`
    : `Signed out of ${connection.label} in VS Code, but Zoho did not confirm revoking the token (${problem || 'no token was stored'}). You can revoke it in Zoho Accounts › Connected Apps.`;
  log.info(message);
  if (revoked) void notify('info', message);
  else void notify('warning', message);
  return { revoked, message };
}
