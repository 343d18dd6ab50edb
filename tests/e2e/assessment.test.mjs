// The guided self-assessment, used as a person would: by labels and roles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, AutodiagPage } from './support.mjs';

const env = useServedApp();

const PRIORITY = ['Élevée', 'Moyenne', 'Faible', 'Élevée', 'Moyenne', 'Faible'];
const PURPOSES = [/Attractivité/, /Préservation/, /Résilience/, /Utilisation responsable/, /Cohésion sociale/, /Bien-être/];
const LEVELS = [/^0 – /, /^1 – /, /^2 – /, /^3 – /, /^4 – /, /^Sans objet/, /^Nous ne savons pas/];

async function noViolations(app, where) {
  assert.deepEqual(await app.accessibilityViolations(), [], where);
}

test('a quick assessment from start to review, with axe on every step in both languages', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await noViolations(app, 'start');
  await app.startNew('Atelier de Saint-Exemple');
  assert.equal(await app.stepOf(), 'Étape 1 sur 15');
  assert.match(await app.stepHeading().textContent(), /Les finalités/);
  for (const [i, p] of PURPOSES.entries()) await app.answer(p, PRIORITY[i]);
  await noViolations(app, 'purposes');
  for (let area = 0; area < 12; area++) {
    await app.next();
    assert.equal(await app.stepOf(), `Étape ${area + 2} sur 15`);
    // Quick mode asks the level only: 5 levels, "not applicable", "don't know".
    assert.equal(await app.page.getByRole('radio').count(), 7);
    await app.answer(/Niveau actuel/, LEVELS[area % 7]);
    await noViolations(app, `area ${area + 1}`);
  }
  await app.next();
  assert.match(await app.stepHeading().textContent(), /Bilan/);
  await app.page.getByText('Toutes les questions ont une réponse.').waitFor();
  await app.page.getByText('100 %').first().waitFor();
  await noViolations(app, 'review');

  await app.chooseLanguage('English');
  await app.page.getByText('Every question has an answer.').waitFor();
  await noViolations(app, 'review, English');
  for (let i = 0; i < 13; i++) {
    await app.previous();
    await noViolations(app, `step ${13 - i}, English`);
  }
  assert.equal(await app.stepOf(), 'Step 1 of 15');

  const [stored] = await app.stored();
  assert.equal(stored.mode, 'quick');
  assert.equal(stored.community.name, 'Atelier de Saint-Exemple');
  assert.equal(stored.purposes.attractiveness.priority, 'high');
  assert.equal(stored.areas.governance.level, 0);
  assert.equal(stored.areas.innovation.level, 2);
  assert.equal(stored.areas['living-together'].level, 'na');
  assert.equal(stored.areas.economy.level, 'unknown');
  assert.equal(stored.scores.completion, 1);
  assert.deepEqual(app.errors, []);
  assert.deepEqual(app.foreignRequests(), []);
  await app.page.close();
});

test('a full assessment: community, scope, details, management system; reload mid-way keeps everything', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune de Saint-Exemple', /Complète/);
  assert.equal(await app.stepOf(), 'Étape 1 sur 21');
  await app.page.getByLabel('Type de collectivité').selectOption({ label: 'Commune' });
  await app.page.getByLabel('Population').selectOption({ label: '2\u202f000 à 10\u202f000' });
  await app.page.getByLabel('Qui a participé').fill('Maire, deux adjoints, secrétaire de mairie');
  await app.page.getByLabel('Date de l’autodiagnostic').fill('2026-11-28');
  await noViolations(app, 'community');
  await app.next();
  await app.page.getByRole('checkbox', { name: 'Mobilité' }).uncheck();
  await noViolations(app, 'scope');
  assert.equal(await app.stepOf(), 'Étape 2 sur 20');
  await app.next();
  await app.answer(/Attractivité/, 'Élevée');
  await app.next();
  await app.answer(/Niveau actuel/, /^2 – /);
  await app.answer(/Niveau visé/, /^3 – /);
  await app.answer('Cohésion sociale', /^Partielle/);
  const nasty = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
  await app.page.getByLabel('Notes et éléments de preuve').fill(nasty);
  await noViolations(app, 'area, full');

  await app.reload();
  assert.match(await app.stepHeading().textContent(), /Gouvernance/);
  assert.ok(await app.page.getByRole('group', { name: /Niveau actuel/ }).getByRole('radio', { name: /^2 – / }).isChecked());
  assert.equal(await app.page.getByLabel('Notes et éléments de preuve').inputValue(), nasty);
  assert.equal(await app.page.evaluate(() => window.pwned), undefined);

  await app.page.locator('summary', { hasText: 'Étapes' }).click();
  await app.page.getByRole('button', { name: /Système de management : Planifier/ }).click();
  assert.equal((await app.focused())?.tag, 'H1');
  await app.answer(/Maturité : Contexte/, /^1 – /);
  await app.within.getByRole('group', { name: /changement climatique touche/ }).getByRole('radio', { name: 'Oui', exact: true }).check();
  await noViolations(app, 'plan');
  for (const phase of ['Mettre en œuvre', 'Contrôler', 'Agir']) {
    await app.next();
    assert.match(await app.stepHeading().textContent(), new RegExp(phase));
    await noViolations(app, phase);
  }
  await app.next();
  await app.page.getByRole('heading', { name: 'Non évalués cette fois' }).waitFor();
  await app.page.getByText('Mobilité', { exact: true }).waitFor();
  await app.page.getByRole('listitem').filter({ hasText: 'Gouvernance' }).getByText(/écart de 1/).waitFor();
  await noViolations(app, 'review, full');

  const [a] = await app.stored();
  assert.equal(a.community.kind, 'commune');
  assert.equal(a.community.date, '2026-11-28');
  assert.equal(a.areas.mobility.in_scope, false);
  assert.deepEqual(a.areas.governance.contributions, { cohesion: 1 });
  assert.equal(a.areas.governance.target, 3);
  assert.deepEqual(a.clauses.context.requirements, { 'context.climate': { answer: 'yes' } });
  assert.equal(a.version, 2);
  assert.equal(a.areas.governance.notes, nasty);

  await app.chooseLanguage('English');
  for (const step of ['The community', 'Scope of the assessment', 'The purposes', 'Management system: Plan']) {
    await app.page.locator('summary', { hasText: 'Steps' }).click();
    await app.page.getByRole('button', { name: new RegExp(`^\\d+\\. ${step}`) }).click();
    await noViolations(app, `${step}, English`);
  }
  await app.page.close();
});

test('switching language mid-way keeps the step and the answers', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Bourg');
  await app.next();
  await app.answer(/Niveau actuel/, /^3 – /);
  await app.chooseLanguage('English');
  assert.equal(await app.stepOf(), 'Step 2 of 15');
  assert.match(await app.stepHeading().textContent(), /Governance, empowerment and engagement/);
  assert.ok(await app.page.getByRole('radio', { name: /^3 – Implemented/ }).isChecked());
  await app.chooseLanguage('Français');
  await app.page.close();
});

test('two assessments side by side keep their own answers', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune A');
  await app.next();
  await app.answer(/Niveau actuel/, /^1 – /);
  await app.backToList();
  await app.startNew('Commune B');
  await app.next();
  await app.answer(/Niveau actuel/, /^4 – /);
  await app.backToList();
  assert.deepEqual(await app.listedAssessments(), ['Commune B', 'Commune A']);
  await app.page.getByRole('button', { name: 'Reprendre – Commune A' }).click();
  assert.ok(await app.page.getByRole('radio', { name: /^1 – / }).isChecked());
  await app.page.close();
});

test('rename, duplicate, delete with confirmation, and undo', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune A');
  await app.backToList();
  await app.page.getByRole('button', { name: 'Renommer – Commune A' }).click();
  await app.page.getByLabel('Nouveau nom').fill('Commune Alpha');
  await app.page.getByRole('button', { name: 'Enregistrer' }).click();
  await app.page.getByRole('button', { name: 'Dupliquer – Commune Alpha' }).click();
  assert.deepEqual((await app.listedAssessments()).sort(), ['Commune Alpha', 'Commune Alpha (copie)']);
  await app.page.getByRole('button', { name: 'Supprimer – Commune Alpha (copie)' }).click();
  await app.page.getByText('Supprimer « Commune Alpha (copie) » ?').waitFor();
  await app.page.getByRole('button', { name: 'Oui, supprimer' }).click();
  await app.page.getByRole('status').getByText('« Commune Alpha (copie) » a été supprimé.').waitFor();
  assert.deepEqual(await app.listedAssessments(), ['Commune Alpha']);
  assert.equal((await app.stored()).length, 1);
  await app.page.getByRole('button', { name: 'Annuler la suppression' }).click();
  assert.equal((await app.listedAssessments()).length, 2);
  assert.equal((await app.stored()).length, 2);
  await app.reload();
  assert.equal((await app.listedAssessments()).length, 2);
  await app.page.close();
});

test('a corrupt stored value is set aside untouched, and the app goes on', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune saine');
  await app.backToList();
  const key = 'autodiag37101:default:a:00000000-0000-4000-8000-00000000dead';
  await app.page.evaluate((k) => localStorage.setItem(k, '{"format":"autodiag-37101", broken'), key);
  const newer = 'autodiag37101:default:a:00000000-0000-4000-8000-00000000f00d';
  await app.page.evaluate((k) => localStorage.setItem(k, '{"format":"autodiag-37101","version":7}'), newer);
  await app.reload();
  await app.page.getByRole('alert').filter({ hasText: 'pas du JSON valide' }).waitFor();
  await app.page.getByRole('alert').filter({ hasText: 'version plus récente' }).waitFor();
  assert.deepEqual(await app.listedAssessments(), ['Commune saine']);
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('alert').filter({ hasText: 'pas du JSON valide' }).getByRole('button', { name: 'Le télécharger' }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray();
  assert.equal(Buffer.concat(text).toString(), '{"format":"autodiag-37101", broken');
  // Still usable, and the unreadable values are still there, unchanged.
  await app.startNew('Commune neuve');
  await app.next();
  await app.answer(/Niveau actuel/, /^2 – /);
  assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), key), '{"format":"autodiag-37101", broken');
  assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), newer), '{"format":"autodiag-37101","version":7}');
  await noViolations(app, 'area after corrupt data');
  await app.page.close();
});

test('storage that refuses writes: a clear message, and the app keeps working in memory', async () => {
  await (await AutodiagPage.fresh(env.chrome.context, env.server.origin)).page.close();
  const page = await env.chrome.context.newPage();
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  const app = new AutodiagPage(page, env.server.origin);
  await app.goto('/');
  await app.startNew('Commune pleine');
  await page.getByRole('alert').filter({ hasText: 'a refusé d’enregistrer' }).waitFor();
  await page.getByText('Non enregistré').waitFor();
  await app.next();
  await app.answer(/Niveau actuel/, /^2 – /);
  assert.ok(await page.getByRole('radio', { name: /^2 – / }).isChecked());
  assert.ok(await page.getByRole('alert').getByRole('button', { name: 'Télécharger une copie (JSON)' }).isVisible());
  await page.close();
});

test('two windows on the same assessment: the other learns of the change', async () => {
  const a = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await a.startNew('Commune partagée');
  await a.next();
  const b = await AutodiagPage.open(env.chrome.context, env.server.origin);
  assert.match(await b.stepHeading().textContent(), /Gouvernance/);
  await a.answer(/Niveau actuel/, /^3 – /);
  await b.page.getByRole('status').filter({ hasText: 'modifié dans une autre fenêtre' }).waitFor();
  assert.ok(await b.page.getByRole('radio', { name: /^3 – / }).isChecked());
  await b.answer(/Niveau actuel/, /^4 – /);
  await a.page.getByRole('radio', { name: /^4 – / }).waitFor();
  assert.ok(await a.page.getByRole('radio', { name: /^4 – / }).isChecked());
  assert.equal((await a.stored())[0].areas.governance.level, 4);
  await a.page.close();
  await b.page.close();
});

test('the whole path works with the keyboard alone', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  const kb = app.page.keyboard;
  await app.page.getByLabel('Nom de la collectivité').focus();
  await kb.type('Commune au clavier');
  await kb.press('Tab'); // the checked format option
  await kb.press('ArrowDown'); // full
  await kb.press('ArrowUp'); // back to quick
  await kb.press('Tab'); // Start
  await kb.press('Enter');
  await app.stepHeading().waitFor();
  // Answer the first purpose with the keyboard: Tab to its first option, Space to choose.
  await app.page.getByRole('radio', { name: 'Faible' }).first().focus();
  await kb.press('Space');
  assert.ok(await app.page.getByRole('radio', { name: 'Faible' }).first().isChecked());
  await app.page.getByRole('button', { name: /^Suivant/ }).focus();
  await kb.press('Enter');
  // Focus moves to the new step's heading, so reading starts at its top.
  await app.waitForFocus('H1');
  assert.match((await app.focused()).text, /Gouvernance/);
  await kb.press('Tab'); // the guiding questions (folded)
  await kb.press('Tab'); // the first level
  await kb.press('Space');
  assert.ok(await app.page.getByRole('radio', { name: /^0 – / }).isChecked());
  await kb.press('ArrowDown');
  assert.ok(await app.page.getByRole('radio', { name: /^1 – / }).isChecked());
  await app.page.close();
});
