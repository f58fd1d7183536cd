// Bundles the SPA into dist/ (served by the gateway from META-INF/resources): one ES module, one
// stylesheet, the page. esbuild only — no framework, no Node download by Maven.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  outfile: 'dist/app.js',
  logLevel: 'warning',
});
writeFileSync('dist/app.css', readFileSync('node_modules/uplot/dist/uPlot.min.css', 'utf8') + '\n' + readFileSync('src/styles.css', 'utf8'));
copyFileSync('src/index.html', 'dist/index.html');
