// A charger played by ocpp-rpc in strict mode (every request and answer checked against its own copy of the OCPP 1.6
// schemas): boot, one session from Authorize to StopTransaction with meter values, then it disconnects.
// Usage: node charger-session.mjs <ws endpoint, e.g. ws://localhost:8080/ocpp/demo> <identity> <password> <idTag>
//        [--connector 1] [--kwh 10] [--minutes 60] [--ago-minutes 60]
// Prints one JSON document: every call with its answer, and the transaction id.
import { RPCClient } from 'ocpp-rpc';

const [endpoint, identity, password, idTag, ...rest] = process.argv.slice(2);
if (!idTag) {
  console.error('usage: charger-session.mjs <endpoint> <identity> <password> <idTag> [--connector n] [--kwh n] [--minutes n] [--ago-minutes n]');
  process.exit(2);
}
const options = { connector: 1, kwh: 10, minutes: 60, 'ago-minutes': 60 };
for (let i = 0; i < rest.length; i += 2) {
  options[rest[i].replace(/^--/, '')] = Number(rest[i + 1]);
}

const client = new RPCClient({ endpoint, identity, password, protocols: ['ocpp1.6'], strictMode: true, reconnect: false });
const calls = [];
async function call(action, payload) {
  const answer = await client.call(action, payload);
  calls.push({ action, payload, answer });
  return answer;
}

try {
  await client.connect();
  const start = new Date(Date.now() - options['ago-minutes'] * 60_000);
  start.setMilliseconds(0);
  const at = (minutes) => new Date(start.getTime() + minutes * 60_000).toISOString();
  const wh = (fraction) => Math.round(options.kwh * 1000 * fraction);
  const connectorId = options.connector;

  await call('BootNotification', { chargePointVendor: 'ocpp-rpc', chargePointModel: 'strict' });
  await call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Preparing', timestamp: at(0) });
  await call('Authorize', { idTag });
  const started = await call('StartTransaction', { connectorId, idTag, meterStart: 0, timestamp: at(0) });
  const transactionId = started.transactionId;
  await call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Charging', timestamp: at(0) });
  for (const fraction of [0.5, 1]) {
    await call('MeterValues', {
      connectorId, transactionId,
      meterValue: [{
        timestamp: at(options.minutes * fraction),
        sampledValue: [
          { value: String(wh(fraction)), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' },
          { value: String((options.kwh * 1000) / (options.minutes / 60)), measurand: 'Power.Active.Import', unit: 'W', context: 'Sample.Periodic' },
        ],
      }],
    });
  }
  await call('StopTransaction', { transactionId, idTag, meterStop: wh(1), timestamp: at(options.minutes), reason: 'EVDisconnected' });
  await call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: at(options.minutes) });
  console.log(JSON.stringify({ transactionId, calls }));
  await client.close({ code: 1000 });
} catch (error) {
  console.log(JSON.stringify({ error: String(error), details: error.details ?? null, calls }));
  await client.close({ code: 1000, force: true }).catch(() => {});
  process.exit(1);
}
