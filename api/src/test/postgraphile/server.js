// PostGraphile 4 on the read benchmark's database, reading as Chargebase's application role does: as chargebase_app
// (no BYPASSRLS), with the tenant settings the row-level security policies read set for the benchmark's tenant in each
// transaction. Started and stopped by ReadBenchmarkIT; listens on the loopback only.
const http = require('http');
const { postgraphile } = require('postgraphile');

const { DATABASE_URL, TENANT_ID, PORT } = process.env;
if (!DATABASE_URL || !TENANT_ID || !PORT) {
  console.error('DATABASE_URL, TENANT_ID and PORT are required');
  process.exit(2);
}
const handler = postgraphile(DATABASE_URL, 'public', {
  pgSettings: { role: 'chargebase_app', 'app.tenant_id': TENANT_ID, 'app.scope': 'tenant', 'app.ou_id': '', 'app.profile_id': '' },
  disableDefaultMutations: true,
  disableQueryLog: true,
  retryOnInitFail: false,
  graphqlRoute: '/graphql',
});
http.createServer(handler).listen(Number(PORT), '127.0.0.1', () => console.log('postgraphile listening on ' + PORT));
