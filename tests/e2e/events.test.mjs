// The events a host page receives from the widget (public API, detail.api = 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, AutodiagPage } from './support.mjs';

const env = useServedApp();

test('the host page is told: started, progress, completed, exported — scores only, no text', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.page.evaluate(() => {
    window.__events = [];
    for (const name of ['started', 'progress', 'completed', 'exported']) {
      document.addEventListener(`autodiag:${name}`, (e) => window.__events.push({ name, detail: e.detail, composed: e.composed }));
    }
  });
  await app.startNew('Commune observée');
  const purposes = [/Attractivité/, /Préservation/, /Résilience/, /Utilisation responsable/, /Cohésion sociale/, /Bien-être/];
  for (const p of purposes) await app.answer(p, 'Moyenne');
  for (let area = 0; area < 12; area++) {
    await app.next();
    await app.answer(/Niveau actuel/, /^3 – /);
  }
  await app.download('Télécharger une copie (JSON)');
  const events = await app.page.evaluate(() => window.__events);
  const names = events.map((e) => e.name);
  assert.equal(names[0], 'started');
  assert.equal(names.filter((n) => n === 'progress').length, 17);
  assert.equal(names.filter((n) => n === 'completed').length, 1);
  assert.equal(names.at(-1), 'exported');
  assert.ok(events.every((e) => e.composed), 'composed: they cross a shadow root');
  const done = events.find((e) => e.name === 'completed').detail;
  assert.equal(done.api, 1);
  assert.equal(done.mode, 'quick');
  assert.equal(done.completion, 1);
  assert.equal(done.overall, 3);
  assert.deepEqual(Object.keys(done).sort(), ['answered', 'api', 'asked', 'completion', 'id', 'language', 'management', 'mode', 'overall', 'priorities', 'purposes']);
  assert.ok(!JSON.stringify(events).includes('Commune observée'), 'no name or note leaves the widget');
  await app.page.close();
});
