// Bundle-size budget (DESIGN.md section 5): the gzipped JS and CSS a browser must load
// before each SPA's first render, read from the production build (run `pnpm build`
// first). Initial = the entry script, what index.html preloads or links, and every
// module those import statically; chunks loaded with import() do not count.
// Exits non-zero when an app goes over a budget. Budgets in kB (1,000 bytes), gzip -9.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const apps = [
  // JS: the target in DESIGN.md (119 kB on 2026-11-23). CSS: 3.6 kB then, plus room.
  { name: 'storefront', dist: 'apps/storefront/dist', base: '/', js: 150, css: 5 },
  // No target in DESIGN.md: about 10% above the sizes on 2026-11-23 (289 kB JS, 36 kB CSS).
  { name: 'back-office', dist: 'apps/backoffice/dist', base: '/admin/', js: 320, css: 40 },
];

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** The JS and CSS files index.html loads before the app can render, with their static imports. */
export function initialFiles(distDir, base) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const toFile = (url) => join(distDir, url.startsWith(base) ? url.slice(base.length) : url);
  const urls = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  const files = new Set();
  const queue = urls.map(toFile);
  while (queue.length > 0) {
    const file = queue.shift();
    if (files.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${file} is referenced by the build but missing`);
    files.add(file);
    if (!file.endsWith('.js')) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (spec.startsWith('.')) queue.push(join(dirname(file), spec));
      else if (spec.startsWith('/')) queue.push(toFile(posix.normalize(spec)));
    }
  }
  return [...files];
}

function gzippedSize(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function measure(app) {
  const distDir = join(root, app.dist);
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${app.dist}/index.html is missing: run \`pnpm build\` first.`);
  }
  const files = initialFiles(distDir, app.base);
  const sum = (ext) =>
    files.filter((f) => f.endsWith(ext)).reduce((total, f) => total + gzippedSize(f), 0);
  return { js: sum('.js'), css: sum('.css'), files: files.length };
}

const kB = (bytes) => (bytes / 1000).toFixed(1);
let failed = false;
for (const app of apps) {
  const size = measure(app);
  for (const kind of ['js', 'css']) {
    const over = size[kind] > app[kind] * 1000;
    failed ||= over;
    console.log(
      `${over ? 'OVER' : 'ok  '} ${app.name} initial ${kind.toUpperCase()}: ${kB(size[kind])} kB gzipped (budget ${app[kind]} kB)`,
    );
  }
}
if (failed) {
  console.error(
    'Bundle budget exceeded: move what the first render does not need behind import().',
  );
  process.exit(1);
}
