// Runs graphql-http's GraphQL-over-HTTP server audits against a running Chargebase and prints one JSON document:
// every audit with its id, name, status (ok, warn, error) and reason, and the counts of passed MUST and SHOULD audits.
// Usage: node graphql-http-audit.mjs http://localhost:8080/graphql [bearer token]
// With a token, every audit request carries it (one audit reads the schema with __type, which anonymous callers may
// only do where chargebase.graphql.introspection.anonymous is on).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node graphql-http-audit.mjs <graphql url>');
  process.exit(2);
}

const token = process.argv[3];
const fetchFn = token
  ? (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } })
  : fetch;

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  results.push({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null });
}

const count = (level) => {
  const ofLevel = results.filter((r) => r.name.startsWith(level + ' '));
  return { passed: ofLevel.filter((r) => r.status === 'ok').length, total: ofLevel.length };
};
console.log(JSON.stringify({ must: count('MUST'), should: count('SHOULD'), may: count('MAY'), results }, null, 2));
