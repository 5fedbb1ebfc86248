/** `npm run zoho:local`: the stand-in on fixed ports, with the settings that point the extension at it. */
import { DEMO_CLIENT, ZohoStandIn } from './standIn';

async function main(): Promise<void> {
  const port = Number(process.env.ZOHO_LOCAL_PORT ?? 47110);
  const standIn = await new ZohoStandIn().start(port, port + 1);
  process.stdout.write(`Local Zoho stand-in on ${standIn.url} (EU accounts server on ${standIn.euUrl}).

Point the extension at it (settings.json):
  "zohoCrm.accountsUrl": "${standIn.url}",
  "zohoCrm.crmWebUrl": "${standIn.url}"

Sign in with "Zoho CRM: Sign In", data center US, and this client:
  Client ID:     ${DEMO_CLIENT.clientId}
  Client secret: ${DEMO_CLIENT.clientSecret}
  Browser sign-in redirect: ${DEMO_CLIENT.redirectUris[0]} (setting zohoCrm.oauth.redirectPort = 47120)
  Self Client grant code:   open ${standIn.url}/__standin/self-client-code

CLI:
  ZOHO_ACCOUNTS_URL=${standIn.url} ZOHO_CLIENT_ID=${DEMO_CLIENT.clientId} ZOHO_CLIENT_SECRET=${DEMO_CLIENT.clientSecret} \\
  ZOHO_REFRESH_TOKEN=<from a sign-in> crm-module create examples/stocks.crm-module.json

Ctrl+C stops it.
`);
  const stop = () => void standIn.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
