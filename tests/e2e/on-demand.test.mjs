// The on-demand module (the profile, the printed report, sharing, the blank questionnaire): a
// first visit never asks for it; the profile fetches it once, or finds it ready when the walk's
// last step prefetched it; each of its files is checked against its hash; a failed load says so
// and loses nothing. Used as a person would: by visible labels, with the requests the page made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useServedApp, AutodiagPage, DIST } from './support.mjs';

const env = useServedApp();

const isGlue = (url) => /\/extras-[0-9a-f]+\.js$/.test(url);
const isWasm = (url) => /\/extras-[0-9a-f]+_bg\.wasm$/.test(url);
const onDemand = (app) => app.requests.slice(app.since).filter((u) => isGlue(u) || isWasm(u));

/**
 * A first visit, its requests counted from there (the page it cleared may have been left on a
 * profile by an earlier test; what the browser's cache holds still shows as a request).
 */
async function freshPage() {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  app.since = app.requests.length;
  return app;
}

test('a first visit and the walk fetch nothing of the on-demand module; the profile fetches it once', async () => {
  const app = await freshPage();
  await app.startNew('Commune de Premier-Pas');
  await app.next();
  await app.answer(/Niveau actuel/, /^2 – /);
  await app.next();
  assert.deepEqual(onDemand(app), [], 'nothing before the profile');
  // Straight to the profile from the step menu (which prefetches as it opens, a moment before).
  await app.gotoStep(/Profil de maturité/);
  await app.page.getByRole('heading', { name: 'Plan d’action' }).waitFor();
  const fetched = onDemand(app);
  assert.equal(fetched.filter(isGlue).length, 1, fetched.join('\n'));
  assert.equal(fetched.filter(isWasm).length, 1, fetched.join('\n'));
  // Back and forth: the module is in memory, never fetched again.
  await app.previous();
  await app.next();
  await app.page.getByRole('heading', { name: 'Plan d’action' }).waitFor();
  assert.equal(onDemand(app).length, 2);
  await app.page.close();
});

test('the step before the review prefetches the module: the review and the profile are there when the walk ends', async () => {
  const app = await freshPage();
  await app.startNew('Commune de Prévoyance');
  const total = Number((await app.within.getByText(/^Étape 1 sur \d+$/).textContent()).match(/\d+$/)[0]);
  // The last step is the profile, the one before it the review. « Suivant » up to two steps
  // before the end (the step menu would prefetch too, as soon as it opens).
  for (let n = 1; n < total - 2; n++) {
    assert.deepEqual(onDemand(app), [], `nothing fetched at step ${n}`);
    await app.next();
  }
  await app.within.getByText(`Étape ${total - 2} sur ${total}`).waitFor();
  assert.equal(await app.stepHeading().filter({ hasText: 'Bilan' }).count(), 0);
  // Both files are asked for while the user is on the last questions.
  await app.page.waitForFunction(() => performance.getEntriesByType('resource')
    .filter((e) => /\/extras-[0-9a-f]+(_bg\.wasm|\.js)$/.test(e.name)).length === 2);
  assert.equal(onDemand(app).length, 2, onDemand(app).join('\n'));
  await app.next();
  await app.page.getByRole('heading', { name: 'Premiers résultats' }).waitFor();
  await app.next();
  await app.page.getByRole('heading', { name: 'Plan d’action' }).waitFor();
  assert.equal(onDemand(app).length, 2, 'no second fetch');
  await app.page.close();
});

/** Serves the on-demand module's `file` with one byte changed. */
async function tamper(app, match, file) {
  const body = await readFile(join(DIST, file));
  const changed = Buffer.from(body);
  if (file.endsWith('.js')) {
    // Code that would run if the browser let the file through.
    const code = Buffer.from('globalThis.__tampered = true;\n');
    await app.page.route(match, (route) => route.fulfill({ body: Buffer.concat([code, changed]), contentType: 'text/javascript' }));
  } else {
    changed[changed.length - 1] ^= 1;
    await app.page.route(match, (route) => route.fulfill({ body: changed, contentType: 'application/wasm' }));
  }
}

async function extrasFiles() {
  const list = await readdir(DIST);
  return {
    glue: list.find((n) => /^extras-[0-9a-f]+\.js$/.test(n)),
    wasm: list.find((n) => /^extras-[0-9a-f]+_bg\.wasm$/.test(n)),
  };
}

test('a wasm that fails its integrity check is refused; the user is told, loses nothing, and can try again', async () => {
  const app = await freshPage();
  const { wasm } = await extrasFiles();
  await app.startNew('Commune de Contrôle');
  await app.next();
  await app.answer(/Niveau actuel/, /^3 – /);
  const before = await app.stored();
  await tamper(app, `**/${wasm}`, wasm);
  await app.gotoStep(/Profil de maturité/);
  const alert = app.page.getByRole('alert').filter({ hasText: 'Cette partie de l’outil n’a pas pu être chargée' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /rien n’est perdu/);
  assert.deepEqual(await app.stored(), before, 'the answers are as they were');
  // In English too.
  await app.chooseLanguage('English');
  await app.page.getByRole('alert').filter({ hasText: 'This part of the tool could not be loaded' }).waitFor();
  await app.chooseLanguage('Français');
  // The network is back to normal: « Réessayer » loads it.
  await app.page.unroute(`**/${wasm}`);
  await app.page.getByRole('button', { name: 'Réessayer' }).click();
  await app.page.getByRole('heading', { name: 'Plan d’action' }).waitFor();
  assert.equal(await alert.count(), 0);
  await app.page.close();
});

test('a glue that fails its integrity check never runs', async () => {
  const app = await freshPage();
  const { glue } = await extrasFiles();
  await tamper(app, `**/${glue}`, glue);
  await app.startNew('Commune de Vigilance');
  await app.gotoStep(/Profil de maturité/);
  await app.page.getByRole('alert').filter({ hasText: 'Cette partie de l’outil n’a pas pu être chargée' }).waitFor();
  assert.equal(await app.page.evaluate(() => globalThis.__tampered ?? false), false, 'the changed code did not run');
  // The walk still works.
  await app.previous();
  await app.stepHeading().filter({ hasText: 'Bilan' }).waitFor();
  await app.page.close();
});

test('clicks in the profile reach the profile only: the app around it does not act on them', async () => {
  const app = await freshPage();
  await app.startNew('Commune de Bon-Aiguillage', /Complète/);
  await app.gotoStep(/Gouvernance/);
  await app.answer(/Niveau actuel/, /^1 – /);
  await app.answer(/Niveau visé/, /^3 – /);
  await app.gotoStep(/Profil de maturité/);
  const before = { lang: await app.widgetLang(), heading: await app.stepHeading().textContent() };
  // Every button of the profile that stays on the profile (not print: it opens a dialog).
  for (const name of [/Ajouter une action – Gouvernance/, 'Afficher les données en tableau', /Retirer cette action/]) {
    const button = app.page.getByRole('button', { name }).first();
    if (await button.count() === 0) continue;
    await button.click();
    assert.equal(await app.widgetLang(), before.lang, `after ${name}`);
    assert.equal(await app.stepHeading().textContent(), before.heading, `after ${name}`);
  }
  assert.equal(await app.page.getByRole('button', { name: /Ajouter une action – Gouvernance/ }).count(), 1);
  await app.page.close();
});

test('the workshop fetches the module when the facilitator reaches for it, once; its tally counts come and go through it', async () => {
  const app = await freshPage();
  const panel = app.within.getByRole('heading', { name: 'Atelier participatif' });
  await panel.waitFor();
  assert.deepEqual(onDemand(app), [], 'nothing on the start screen');
  // The pointer over the workshop's panel: both files are asked for before any click.
  await panel.hover();
  await app.page.waitForFunction(() => performance.getEntriesByType('resource')
    .filter((e) => /\/extras-[0-9a-f]+(_bg\.wasm|\.js)$/.test(e.name)).length === 2);
  await app.within.getByRole('button', { name: 'Vote à main levée (sans fichiers)' }).click();
  const box = app.within.getByRole('group', { name: 'Mobilité', exact: true })
    .getByRole('spinbutton', { name: /pour « 3 –/ });
  await box.fill('7');
  await box.press('Tab');
  // The count is kept by the first module: the merged view, then the tally again, show it.
  await app.within.getByRole('button', { name: 'Voir la synthèse' }).click();
  await app.within.getByText('Décompte à main levée : jusqu’à 7 réponses par question.').waitFor();
  const row = app.within.getByRole('row', { name: /^Mobilité/ });
  assert.match(await row.innerText(), /^Mobilité\t7\t3,0\t3 – 3\t/);
  await app.within.getByRole('button', { name: 'Saisir ou corriger le décompte à main levée' }).click();
  assert.equal(await app.within.getByRole('group', { name: 'Mobilité', exact: true })
    .getByRole('spinbutton', { name: /pour « 3 –/ }).inputValue(), '7');
  assert.equal(onDemand(app).length, 2, 'fetched once');
  await app.page.close();
});
