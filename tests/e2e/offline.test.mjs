// The offline single file, opened from a USB stick: file://, no server, no network, no flag that
// relaxes file access.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useServedApp, AutodiagPage, DIST } from './support.mjs';

const env = useServedApp();
const FILE = join(DIST, 'autodiag-37101-offline.html');

test('the single file runs the quick flow from file:// and keeps the answers', async () => {
  const url = pathToFileURL(FILE).href;
  const page = await env.chrome.context.newPage();
  const app = new AutodiagPage(page, 'file://');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await app.ready();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await app.ready();
  await app.startNew('Salle des fêtes');
  await app.quickWalk();
  // Reopened later: the answers are still there.
  await page.reload();
  await app.ready();
  await app.within.getByRole('img', { name: /Finalités/ }).waitFor();
  const [saved] = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':a:'))
    .map((k) => JSON.parse(localStorage.getItem(k))));
  assert.equal(saved.community.name, 'Salle des fêtes');
  assert.equal(saved.areas.mobility.level, 2);
  // English is in the file too (nothing to fetch from file://), and after a reload as well.
  await app.chooseLanguage('English');
  await app.within.getByRole('img', { name: /Purposes/ }).waitFor();
  await page.reload();
  await app.ready();
  assert.equal(await app.widgetLang(), 'en');
  await app.within.getByRole('img', { name: /Purposes/ }).waitFor();
  assert.deepEqual(requests.filter((u) => u !== url), [], 'the file asks for nothing');
  assert.deepEqual(app.errors, []);
  assert.ok((await stat(FILE)).size < 2_000_000, 'one file under 2 MB');
  await page.close();
});
