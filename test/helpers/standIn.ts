import { DEMO_CLIENT, StandInClient, ZohoStandIn } from '../zohoStandIn/standIn';
import { Logger } from '../../client/zoho/log';

export const EU_CLIENT: StandInClient = {
  clientId: '1000.EUCLIENT',
  clientSecret: 'eu-client-secret-123456',
  redirectUris: ['http://127.0.0.1:0/callback'],
  dataCenter: 'eu',
};

/** A stand-in whose clients accept any loopback port as redirect (tests pick free ports). */
export async function startStandIn(): Promise<ZohoStandIn> {
  const standIn = await new ZohoStandIn([DEMO_CLIENT, EU_CLIENT]).start();
  return standIn;
}

export class CapturingLog {
  readonly lines: string[] = [];
  readonly logger = new Logger({
    info: (message) => this.lines.push(`info ${message}`),
    warn: (message) => this.lines.push(`warn ${message}`),
    error: (message) => this.lines.push(`error ${message}`),
    trace: (message) => this.lines.push(`trace ${message}`),
  });
}

export { DEMO_CLIENT };
