// A browser-style GraphQL-over-WebSocket client (graphql-ws) whose caller is revoked while its socket is open.
// It signs in at connection_init, runs a query, then has the revocation done over HTTP (or, without one, waits for
// its token to expire), and tries a query and a mutation again.
// Environment: WS_URL, TOKEN, QUERY, MUTATION; REVOKE_URL, REVOKE_TOKEN, REVOKE_QUERY, REVOKE_VARIABLES (JSON) for a
// revocation over HTTP; WAIT_MS, how long at most to wait for the server to close the socket.
// Prints one JSON document: each operation's outcome ({data} or {error: close code or message}), the revocation's
// HTTP status, and the close codes the client saw.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const env = process.env;
const closes = [];
let closedOnce;
const firstClose = new Promise((resolve) => { closedOnce = resolve; });
const client = createClient({
  url: env.WS_URL,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${env.TOKEN}` },
  // one socket for the whole run, as an app keeps it open (a lazy client closes it between operations)
  lazy: false,
  retryAttempts: 0,
  on: {
    closed: (event) => {
      closes.push(event.code);
      closedOnce(event.code);
    },
  },
});

function run(query) {
  return new Promise((resolve) => {
    let data = null;
    client.subscribe({ query }, {
      next: (value) => { data = value; },
      error: (error) => resolve({ error: error?.code ?? String(error?.message ?? error) }),
      complete: () => resolve(data?.errors ? { errors: data.errors.map((e) => e.message) } : { data: data?.data ?? null }),
    });
  });
}

const timeout = (ms) => new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
const report = {};
try {
  report.before = await run(env.QUERY);
  if (env.REVOKE_URL) {
    const response = await fetch(env.REVOKE_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.REVOKE_TOKEN}` },
      body: JSON.stringify({ query: env.REVOKE_QUERY, variables: JSON.parse(env.REVOKE_VARIABLES || '{}') }),
    });
    report.revoked = { status: response.status, body: await response.json() };
    // straight after the revocation committed, on the same socket
    const [query, mutation] = await Promise.all([run(env.QUERY), run(env.MUTATION)]);
    report.afterQuery = query;
    report.afterMutation = mutation;
  } else {
    // the token expires: the server closes the socket then
    report.closedAt = await Promise.race([firstClose, timeout(Number(env.WAIT_MS || 15000))]);
    report.afterQuery = await run(env.QUERY);
    report.afterMutation = await run(env.MUTATION);
  }
  report.firstClose = await Promise.race([firstClose, timeout(Number(env.WAIT_MS || 15000))]);
} catch (error) {
  report.failure = String(error?.stack ?? error);
} finally {
  report.closes = closes;
  await client.dispose();
}
console.log(JSON.stringify(report));
process.exit(report.failure ? 1 : 0);
