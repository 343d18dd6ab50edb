// Hosting as the README says: Debian's nginx, on a loopback port, with exactly the README's
// snippet, serves dist/. The browser must get the precompressed wasm (gzip, typed
// application/wasm, the very bytes of the .gz copy beside it), and the app must run from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST, browser, AutodiagPage } from './support.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const NGINX = '/usr/sbin/nginx';

/** The ```nginx block of the README's "Make the server send compressed files". */
async function readmeSnippet() {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Make the server send compressed files'));
  const m = section.match(/```nginx\n([\s\S]*?)```/);
  assert.ok(m, 'the README has an nginx snippet');
  return m[1];
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function fetchRaw(url, headers = {}) {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

async function startNginx(snippet) {
  const dir = await mkdtemp(join(tmpdir(), 'autodiag-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
  // As root, nginx's workers would otherwise run as nobody, who may not read a checkout.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  await writeFile(join(dir, 'nginx.conf'), `
${user}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  ${temp}
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    root ${DIST};
    ${snippet}
  }
}
`);
  const proc = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetchRaw(`${origin}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    async close() {
      proc.kill('SIGQUIT');
      await new Promise((r) => proc.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

test('nginx with the README snippet sends the precompressed wasm as application/wasm, and the app runs', async () => {
  assert.ok(existsSync(NGINX), 'Debian nginx is installed by scripts/setup.sh');
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const wasm = index.match(/[\w.-]+_bg\.wasm/)?.[0];
  assert.ok(wasm, 'index.html names the wasm');
  assert.ok(existsSync(join(DIST, `${wasm}.gz`)) && existsSync(join(DIST, `${wasm}.br`)), 'the build wrote .gz and .br beside the wasm');

  const nginx = await startNginx(await readmeSnippet());
  const chrome = await browser();
  try {
    const gz = await fetchRaw(`${nginx.origin}/${wasm}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers['content-type'], 'application/wasm');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gz.headers.vary ?? '', /Accept-Encoding/);
    assert.deepEqual(gz.body, await readFile(join(DIST, `${wasm}.gz`)), 'the .gz copy itself is sent');
    const raw = (await readFile(join(DIST, wasm))).length;
    assert.ok(gz.body.length < raw / 2, `${gz.body.length} bytes sent for ${raw}`);

    // A client that asks for nothing compressed gets the file as it is.
    const plain = await fetchRaw(`${nginx.origin}/${wasm}`, { 'Accept-Encoding': 'identity' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.length, raw);

    // The app runs from it: mounted, answering, the wasm arrived compressed.
    const app = await AutodiagPage.open(chrome.context, nginx.origin);
    const encodings = await app.page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm')).map((e) => [e.encodedBodySize, e.decodedBodySize]));
    assert.equal(encodings.length, 1);
    assert.ok(encodings[0][0] < encodings[0][1] / 2, `wasm sent ${encodings[0][0]} of ${encodings[0][1]} bytes`);
    await app.startNew('Commune servie par nginx');
    await app.answer(/Attractivité/, 'Élevée');
    assert.deepEqual(app.errors, []);
    await app.page.close();
  } finally {
    await chrome.close();
    await nginx.close();
  }
});
