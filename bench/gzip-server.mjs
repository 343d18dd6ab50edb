// A static server for the benchmark that compresses the way a well-configured server does, so
// that throttled loads transfer what a real visitor's connection would carry: tests/e2e/support.mjs
// serves raw bytes, which on localhost costs nothing but on a slow link would overstate the wasm's
// download by 2.5×. Kept here rather than in support.mjs: the tests assert on content, not transfer.
//
// With `Accept-Encoding: gzip`, a file's precompressed `.gz` copy (scripts/precompress.mjs writes
// one beside each text asset of 1 kB or more and the wasm) is sent as `Content-Encoding: gzip`;
// without one, compressible types are gzipped -9 on the fly (what nginx's gzip_static plus gzip
// would do). `uncompressed` lists extensions to send raw whatever the request says: a server whose
// compression list lacks `application/wasm` — nginx's and Apache's default lists do.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { TYPES } from '../tests/e2e/support.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg']);

/**
 * Serves `root` on 127.0.0.1 at a free port, gzip when the browser accepts it. Returns the origin,
 * and a close().
 */
export async function serveGzip(root, { uncompressed = [] } = {}) {
  root = resolve(root);
  const raw = new Set(uncompressed);
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const path = normalize('/' + url);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    const ext = extname(file);
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    if (COMPRESSIBLE.has(ext) && !raw.has(ext)) {
      // A cache between the server and the browser must not hand gzip to a client that lacks it.
      headers.vary = 'Accept-Encoding';
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        // The precompressed copy if there is one (as nginx's gzip_static), else compress now.
        body = await readFile(`${file}.gz`)
          .catch(() => gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Browsers keep connections alive: end them, or close() would wait for them forever.
  return { origin, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}
