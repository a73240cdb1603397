// Generates the TypeScript types of every client's operation documents and type-checks each client's typed use of
// them (src/main/typescript), so that a schema change breaking what a client reads or sends fails the build, not
// only one that makes a document invalid. Run by the module's Maven build (pom.xml), by `npm run types`, and by
// TypedClientsTest:
//
//   node scripts/typed-clients.mjs                                   the schema module's SDL into target/generated-ts
//   node scripts/typed-clients.mjs [--clients a,b] --schema DIR --out DIR [--schema DIR --out DIR ...]
//
// Each --schema/--out pair is a case, all checked in one run; --clients limits them to some client folders. A case
// gets a tsconfig.json in its --out that checks those clients' usage code against the types generated there, and a
// <out>.log beside it that starts with PASSED or FAILED. Exits 0 when every case passed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const documentsDir = join(root, 'src', 'main', 'resources', 'ui-contracts');
const defaultCase = {
  schemaDir: resolve(root, '..', 'schema', 'src', 'main', 'resources', 'graphql'),
  outDir: join(root, 'target', 'generated-ts'),
};

// Custom scalars travel as JSON strings: DateTime as ISO-8601 text, Decimal as its exact decimal text (money and
// energy never pass through a binary float). strictScalars: a new scalar without a mapping here fails generation.
const generatorConfig = { scalars: { DateTime: 'string', Decimal: 'string' }, strictScalars: true, useTypeImports: true };

const clientsOption = process.argv[2] === '--clients' ? process.argv[3]?.split(',') : null;

function cases() {
  const found = [];
  for (let at = clientsOption ? 4 : 2; at < process.argv.length; at += 4) {
    if (process.argv[at] !== '--schema' || process.argv[at + 2] !== '--out' || !process.argv[at + 3]) {
      console.error('usage: node scripts/typed-clients.mjs [--clients a,b] [--schema DIR --out DIR]...');
      process.exit(2);
    }
    found.push({ schemaDir: resolve(process.argv[at + 1]), outDir: resolve(process.argv[at + 3]) });
  }
  return found.length ? found : [defaultCase];
}

// npm ci only when package-lock.json changed since the last install: later builds work offline and spend nothing here.
function ensureModules() {
  const digest = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
  const stamp = join(root, 'node_modules', '.chargebase-lock.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    return '';
  }
  const started = performance.now();
  const npm = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: root, stdio: 'inherit' });
  if (npm.status !== 0) {
    console.error(`typed clients: npm ci failed (${npm.error?.message ?? `exit ${npm.status}`})`);
    process.exit(1);
  }
  writeFileSync(stamp, digest);
  return `npm ci ${Math.round(performance.now() - started)} ms, `;
}

const filesIn = (dir, suffix) => readdirSync(dir).filter((name) => name.endsWith(suffix)).sort().map((name) => join(dir, name));

/**
 * One module per client folder (driver-app.ts, tenant-portal.ts, …): the types of its operations (results and
 * variables, with only the enums and inputs they use) and each operation as a typed document. The folders are read,
 * not listed, so a new client (an OU portal of its own, say) gets its module without a change here. The generator
 * validates every document against the schema first and refuses an invalid one.
 */
async function generate({ schemaDir, outDir }, clients, generator) {
  const { codegen, graphql, plugins } = generator;
  const schema = graphql.concatAST(filesIn(schemaDir, '.graphqls').map((file) => graphql.parse(readFileSync(file, 'utf8'))));
  const schemaAst = graphql.buildASTSchema(schema);
  for (const client of clients) {
    const documents = filesIn(join(documentsDir, client), '.graphql').map((file) => ({
      location: relative(root, file),
      document: graphql.parse(new graphql.Source(readFileSync(file, 'utf8'), relative(root, file))),
    }));
    // The generator validates too, but without saying which file; this names the document and the place in it.
    const invalid = documents.flatMap(({ location, document }) => graphql.validate(schemaAst, document).map((error) =>
      `${location}:${error.locations?.map(({ line, column }) => `${line}:${column}`).join(',') ?? ''}: ${error.message}`));
    if (invalid.length) {
      throw new Error(`documents of ${client} do not match the schema:\n${invalid.join('\n')}`);
    }
    const output = await codegen({
      filename: `${client}.ts`,
      schema,
      schemaAst,
      documents,
      config: generatorConfig,
      plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
      pluginMap: plugins,
    });
    writeFileSync(join(outDir, `${client}.ts`), output);
  }
}

function tsconfigFor({ outDir }, clients) {
  if (outDir === defaultCase.outDir && !clientsOption) {
    return join(root, 'tsconfig.json');
  }
  const config = join(outDir, 'tsconfig.json');
  const fromOut = (path) => relative(outDir, path).split('\\').join('/');
  const usage = (name) => fromOut(join(root, 'src', 'main', 'typescript', `${name}.ts`));
  writeFileSync(config, JSON.stringify({
    extends: fromOut(join(root, 'tsconfig.json')),
    compilerOptions: { paths: { '@chargebase/ui-contracts/*': ['./*'] } },
    include: clientsOption ? [usage('operations'), ...clients.map(usage), './*.ts'] : [`${fromOut(join(root, 'src', 'main', 'typescript'))}/**/*.ts`, './*.ts'],
  }, null, 2));
  return config;
}

function describe(error) {
  const inner = (error.errors ?? []).map((each) => each.details ?? each.message ?? String(each));
  return [error.details ?? error.message, ...inner].join('\n');
}

const installed = ensureModules();
// Imported only now: on a fresh checkout the line above installs them.
const generator = {
  codegen: (await import('@graphql-codegen/core')).codegen,
  graphql: await import('graphql'),
  plugins: {
    'typescript-operations': await import('@graphql-codegen/typescript-operations'),
    'typed-document-node': await import('@graphql-codegen/typed-document-node'),
  },
};
const allClients = readdirSync(documentsDir).filter((name) => statSync(join(documentsDir, name)).isDirectory()).sort();
const unknown = (clientsOption ?? []).filter((name) => !allClients.includes(name));
if (unknown.length) {
  console.error(`typed clients: no client folder ${unknown.join(', ')} in ${relative(root, documentsDir)}`);
  process.exit(2);
}
const clients = clientsOption ?? allClients;
let failed = 0;
for (const checkCase of cases()) {
  rmSync(checkCase.outDir, { recursive: true, force: true });
  mkdirSync(checkCase.outDir, { recursive: true });
  let outcome;
  const started = performance.now();
  try {
    await generate(checkCase, clients, generator);
    const generated = Math.round(performance.now() - started);
    const tsc = spawnSync(process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfigFor(checkCase, clients), '--pretty', 'false'],
      { cwd: root, encoding: 'utf8' });
    const checked = Math.round(performance.now() - started) - generated;
    outcome = tsc.status === 0
      ? `PASSED: ${installed}${clients.length} clients generated in ${generated} ms, type-checked in ${checked} ms`
      : `FAILED type check (tsc ${tsc.error ? tsc.error.message : `exit ${tsc.status}`}):\n${tsc.stdout}${tsc.stderr}`;
  } catch (error) {
    outcome = `FAILED generation:\n${describe(error)}`;
  }
  const passed = outcome.startsWith('PASSED');
  if (!passed) failed++;
  if (checkCase.outDir !== defaultCase.outDir) writeFileSync(`${checkCase.outDir}.log`, outcome);
  (passed ? console.log : console.error)(`typed clients (${relative(root, checkCase.outDir)}): ${outcome.trimEnd()}`);
}
process.exit(failed ? 1 : 0);
