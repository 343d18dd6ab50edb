// Sharing without a server: a link whose fragment carries the assessment, and its QR code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { useServedApp, AutodiagPage } from './support.mjs';
import { participantFile, AREAS } from './participants.mjs';

const env = useServedApp();

async function shareLink(app) {
  await app.within.getByRole('button', { name: 'Partager par un lien ou un QR code' }).click();
  const box = app.within.getByRole('textbox', { name: 'Lien de partage' });
  await box.waitFor();
  return box.inputValue();
}

test('a share link round trip: QR code, consent, the same answers, never a silent overwrite', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune partagée');
  await app.quickWalk({ level: /^3 – / });
  const link = await shareLink(app);
  assert.match(link, new RegExp(`^${env.server.origin}/#share=1\\.[A-Za-z0-9_-]+$`));
  assert.ok(link.length < 1000, `${link.length} bytes`);
  const qr = app.within.getByRole('img', { name: /QR code du lien de partage/ });
  await qr.waitFor();
  // Built as elements: one square of modules, drawn by one path.
  const viewBox = (await qr.getAttribute('viewBox')).split(' ').map(Number);
  assert.equal(viewBox[2], viewBox[3]);
  assert.ok(viewBox[2] >= 21 + 8, `${viewBox}`);
  assert.ok((await qr.locator('path').getAttribute('d')).split('M').length > 100);
  const [original] = await app.stored();
  assert.deepEqual(await app.accessibilityViolations(), []);

  // Another browser (here: the same one, emptied) opens the link.
  await app.page.evaluate(() => localStorage.clear());
  await app.page.close();
  const other = new AutodiagPage(await env.chrome.context.newPage(), env.server.origin);
  await other.page.goto(link);
  await other.ready();
  await receive(other, original, link);
});

/**
 * In a page the link opened: accepting brings the same answers and the link is forgotten; the
 * same link pasted again asks what to do, since the id is known.
 */
async function receive(app, original, link) {
  const offer = app.within.getByRole('alertdialog', { name: /Ce lien contient l’autodiagnostic « Commune partagée »/ });
  await offer.waitFor();
  assert.deepEqual(await app.stored(), [], 'nothing imported before the user says so');
  await offer.getByRole('button', { name: 'Importer', exact: true }).click();
  await app.within.getByText(/Commune partagée/).first().waitFor();
  const [imported] = await app.stored();
  assert.equal(imported.id, original.id);
  assert.deepEqual(imported.areas, original.areas);
  assert.deepEqual(imported.purposes, original.purposes);
  assert.equal(await app.page.evaluate(() => location.hash), '', 'the link is not offered again');
  // The same link pasted again in this tab: the id is known, so the user chooses; nothing is
  // replaced silently.
  await app.page.goto(link);
  await app.within.getByRole('alertdialog', { name: /Ce lien contient/ }).getByRole('button', { name: 'Importer', exact: true }).click();
  await app.within.getByRole('alertdialog', { name: /même identifiant existe déjà/ }).waitFor();
  assert.equal((await app.stored()).length, 1);
  await app.page.close();
}

test('a link too long for a QR code says so and offers the file', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune bavarde', /Complète/);
  // Notes that do not compress, and the user asks to share them.
  await app.within.getByLabel('Notes', { exact: true }).first().fill(randomBytes(3000).toString('base64'));
  await app.gotoStep(/Profil de maturité/);
  await app.stepHeading().filter({ hasText: 'Profil de maturité' }).waitFor();
  const short = await shareLink(app);
  await app.within.getByRole('img', { name: /QR code/ }).waitFor();
  await app.within.getByLabel(/Inclure aussi les notes/).check();
  await app.page.waitForFunction((s) => {
    const host = document.querySelector('[data-autodiag]').shadowRoot;
    const box = host.querySelector('input.share-link');
    return box && box.value !== s;
  }, short);
  await app.within.getByText(/c’est trop pour un QR code/).waitFor();
  assert.equal(await app.within.getByRole('img', { name: /QR code/ }).count(), 0);
  const file = await app.download(/Télécharger une copie/);
  assert.match(file.name, /\.json$/);
  await app.page.close();
});

test('a damaged link is refused with a clear message', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.page.goto(`${env.server.origin}/#share=1.AAAAAAAA`);
  await app.ready();
  await app.within.getByText(/Ce lien de partage est incomplet ou abîmé/).waitFor();
  assert.deepEqual(await app.stored(), []);
  await app.page.close();
});

// --- Bounds: what a crafted link can make the browser hold ---------------------------------------

/**
 * The most a link within the length limit can expand to: raw DEFLATE of spaces, about 1,000
 * times smaller, as long as the link allows (32,768 bytes): some 25 MB once decompressed.
 */
function bombLink(origin) {
  const prefix = `${origin}/#share=1.`;
  for (let mb = 34; mb > 1; mb--) {
    const data = deflateRawSync(Buffer.alloc(mb * 1_000_000, ' '), { level: 9 }).toString('base64url');
    if (prefix.length + data.length <= 32_768) return { link: prefix + data, expands: mb * 1_000_000 };
  }
  throw new Error('no link fits');
}

/** The wasm instance's memory, captured as the page instantiates it: it never shrinks. */
function captureWasmMemory() {
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result.instance ?? result;
      if (instance.exports?.memory) window.__autodiagMemory = instance.exports.memory;
      return result;
    };
  }
}

/** The page's memory after a full garbage collection: JS heap, array buffers, wasm memory. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__autodiagMemory?.buffer.byteLength ?? -1);
  return { js: heap.usedSize + (heap.backingStorageSize ?? 0), wasm };
}

test('a link that decompresses past a document’s limit is refused without holding it', async () => {
  const { link, expands } = bombLink(env.server.origin);
  assert.ok(link.length <= 32_768 && expands >= 20_000_000, `${link.length} bytes → ${expands} bytes`);
  const page = await env.chrome.context.newPage();
  await page.addInitScript(captureWasmMemory);
  const app = new AutodiagPage(page, env.server.origin);
  await app.goto('/');
  await page.evaluate(() => localStorage.clear());
  await app.reload();
  const cdp = await env.chrome.context.newCDPSession(page);
  const before = await memory(page, cdp);
  assert.ok(before.wasm > 0, 'the wasm memory was captured');

  // Only the fragment changes: the same document reads the link, so its memory can be compared.
  const start = performance.now();
  await page.goto(link);
  await app.within.getByRole('alert').filter({ hasText: 'Ce lien de partage est trop long pour contenir un autodiagnostic' }).waitFor();
  const refusedIn = performance.now() - start;
  const after = await memory(page, cdp);
  const grew = { js: after.js - before.js, wasm: after.wasm - before.wasm };
  console.log(`# ${(link.length / 1000).toFixed(1)} kB link expanding to ${expands / 1e6} MB: refused in ${refusedIn.toFixed(0)} ms; `
    + `JS heap and buffers grew ${(grew.js / 1e6).toFixed(2)} MB, wasm memory ${(grew.wasm / 1e6).toFixed(2)} MB`);
  assert.ok(grew.wasm <= 4_000_000, `wasm memory grew ${grew.wasm} bytes`);
  assert.ok(grew.js <= 4_000_000, `JS heap grew ${grew.js} bytes`);
  assert.deepEqual(await app.stored(), []);
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is not offered again');
  await cdp.detach();
  await page.close();
});

test('a link longer than any the app makes is refused before it is decoded', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.page.goto(`${env.server.origin}/#share=1.${'A'.repeat(40_000)}`);
  await app.within.getByRole('alert').filter({ hasText: /trop long pour contenir un autodiagnostic/ }).waitFor();
  assert.deepEqual(await app.stored(), []);
  await app.page.close();
});

test('with notes too long for any link, the panel offers the file instead of a broken link', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  // Five areas with long notes that do not compress: about 45 kB, over 32 kB once compressed.
  const doc = JSON.parse(participantFile('Commune prolixe', AREAS.map(() => 2), ['high']));
  for (const id of AREAS.slice(0, 5)) doc.areas[id].notes = randomBytes(6_750).toString('base64');
  await app.page.evaluate((doc) => localStorage.setItem(`autodiag37101:default:a:${doc.id}`, JSON.stringify(doc)), doc);
  await app.reload();
  await app.within.getByRole('button', { name: /Reprendre – Commune prolixe/ }).click();
  await app.gotoStep(/Profil de maturité/);
  await app.stepHeading().filter({ hasText: 'Profil de maturité' }).waitFor();
  await shareLink(app);
  await app.within.getByRole('img', { name: /QR code/ }).waitFor();
  await app.within.getByLabel(/Inclure aussi les notes/).check();
  await app.within.getByText(/c’est trop pour un lien \(32\u202f768 au plus\)/).waitFor();
  assert.equal(await app.within.getByRole('textbox', { name: 'Lien de partage' }).count(), 0, 'no link that would open as broken');
  const file = await app.download(/Télécharger une copie/);
  assert.equal(JSON.parse(file.text).areas.governance.notes, doc.areas.governance.notes);
  // Without the notes, the link is back.
  await app.within.getByLabel(/Inclure aussi les notes/).uncheck();
  await app.within.getByRole('textbox', { name: 'Lien de partage' }).waitFor();
  await app.page.close();
});
