// Bundles GraphiQL (src/main/js) with esbuild into target/classes/META-INF/resources/graphiql, where Spring Boot serves
// it as static assets: /graphiql/index.html, /graphiql/graphiql.js, /graphiql/graphiql.css. Nothing is fetched from a
// CDN at run time. Runs `npm ci` first when node_modules is missing or older than package-lock.json.
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = join(here, 'package-lock.json');
const installed = join(here, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: here, stdio: 'inherit' });
}

const { build } = await import('esbuild');
const out = join(here, 'target', 'classes', 'META-INF', 'resources', 'graphiql');
mkdirSync(out, { recursive: true });
const started = Date.now();
await build({
  entryPoints: { graphiql: join(here, 'src', 'main', 'js', 'graphiql.jsx') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: out,
  // the toolkit imports graphql-ws only for subscriptions, which this page does not configure
  external: ['graphql-ws'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync(join(here, 'src', 'main', 'js', 'index.html'), join(out, 'index.html'));
console.log(`GraphiQL bundled into ${out} in ${Date.now() - started} ms`);
