// Minifies what the app page loads besides the wasm: the style sheets and the wasm-bindgen glue
// (issue 13: about 3.4 kB gzip less), then updates the integrity hashes the pages give for them.
// Run by scripts/build.sh after Trunk and before precompressing. Trunk's own minification is off:
// it also minifies the HTML, which drops the marker the prerender writes the first screen at and
// rewrites the tags it looks for.
//
// Only the files of the app page (index.html) and of the iframe page (frame.html) change: the
// embed folder and the offline single file are written by the prerender from the same sources and
// carry their own hashes.
//   node scripts/minify.mjs [dir]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { transform } from 'esbuild';

const ROOT = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const PAGES = ['index.html', 'frame.html'];
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const names = await readdir(ROOT);
const targets = names.filter((n) => /^(main|page)-[0-9a-f]+\.css$/.test(n)
  || /^autodiag37101-[0-9a-f]+\.js$/.test(n));
if (targets.length !== 3) {
  throw new Error(`expected two style sheets and the glue in ${ROOT}, found ${targets.join(', ')}`);
}
const hashes = new Map();
let before = 0;
let after = 0;
for (const name of targets) {
  const path = join(ROOT, name);
  const source = await readFile(path, 'utf8');
  const loader = name.endsWith('.css') ? 'css' : 'js';
  // The glue is an ES module: its export names (init, initSync, mount) are what loaders import.
  const { code } = await transform(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  await writeFile(path, code);
  hashes.set(sri(Buffer.from(source)), sri(Buffer.from(code)));
  before += source.length;
  after += Buffer.byteLength(code);
}
for (const page of PAGES.filter((p) => names.includes(p))) {
  const path = join(ROOT, page);
  let html = await readFile(path, 'utf8');
  for (const [old, fresh] of hashes) {
    // Every file minified is one the app page names with its hash: a hash left stale would make
    // the browser refuse the file.
    if (page === 'index.html' && !html.includes(`integrity="${old}"`)) {
      throw new Error(`${page} names no file with the hash ${old}`);
    }
    html = html.replaceAll(`integrity="${old}"`, `integrity="${fresh}"`);
  }
  await writeFile(path, html);
}
console.log(`minify: ${targets.length} files, ${before} → ${after} bytes`);
