// Sharing without a server: a link whose fragment carries the assessment, and its QR code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { useServedApp, AutodiagPage } from './support.mjs';

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
  await app.within.getByRole('img', { name: /QR code du lien de partage/ }).waitFor();
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
