// Writes a gzip and a Brotli (quality 11) copy beside every text asset and the wasm of dist/,
// so that a server set to send precompressed files (nginx's gzip_static, Apache's rewrite rules in
// the README) sends them compressed without compressing on each request, even when it would not
// compress `application/wasm` by itself. The gzip copies are made by Zopfli: still gzip, which
// every browser reads, but about 5 % smaller than gzip -9 (14 kB on the wasm), paid once at build
// time (a few seconds). Run by scripts/build.sh after Trunk; deterministic (no time stamp in the
// gzip header), so the same build gives the same files.
//   node scripts/precompress.mjs [dir]
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

const ROOT = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.json', '.txt', '.webmanifest']);
// Below this, the compressed copy saves less than a request's headers.
const MIN_BYTES = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for await (const path of files(ROOT)) {
  if (!COMPRESSIBLE.has(extname(path)) || (await stat(path)).size < MIN_BYTES) continue;
  const data = await readFile(path);
  await writeFile(`${path}.gz`, await gzipAsync(data, { numiterations: 15 }));
  await writeFile(`${path}.br`, brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  count++;
}
console.log(`precompress: .gz and .br beside ${count} files of ${ROOT}`);
