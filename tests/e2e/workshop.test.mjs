// The facilitator's workshop: participants' files merged at once, the show-of-hands tally, and
// the consensus saved as a new assessment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, truncate, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { useServedApp, AutodiagPage } from './support.mjs';
import { participantFile, AREAS } from './participants.mjs';

const env = useServedApp();

// Governance 0, 2, 2, 4 and innovation 1, 3, 3, 3 are 2+ levels apart; education 2, 2, 3, 2 is not.
const ROOM = [
  { levels: [0, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2], priorities: ['low'] },
  { levels: [2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2], priorities: ['high'] },
  { levels: [2, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2], priorities: ['high'] },
  { levels: [4, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2], priorities: ['medium'] },
];

function files() {
  return ROOM.map((p, i) => ({
    name: `participant-${i + 1}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(participantFile('Commune de Saint-Atelier', p.levels, p.priorities)),
  }));
}

async function mergedTable(app) {
  return app.within.getByRole('table').innerText();
}

test('participants’ files merge at once; disagreements flagged; the consensus is saved', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.within.getByLabel(/Ouvrir les fichiers des participants/).setInputFiles([
    ...files(),
    { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') },
  ]);
  await app.heading(1).filter({ hasText: 'Atelier : réponses du groupe' }).waitFor();
  await app.within.getByText('4 fichiers fusionnés ; jusqu’à 4 réponses par question.').waitFor();
  // The bad file is named, with the reason; the others are merged.
  await app.within.getByRole('status').filter({ hasText: 'photo.json' }).waitFor();

  const discuss = await app.within.getByRole('list', { name: 'À discuter en priorité' })
    .getByRole('listitem').allInnerTexts();
  assert.equal(discuss.length, 3, discuss.join('\n'));
  assert.match(discuss[0], /^Gouvernance.*0 – 4/, 'widest spread first');
  assert.match(discuss.join('\n'), /Attractivité.*1 – 3/);
  assert.match(discuss.join('\n'), /Innovation.*1 – 3/);
  assert.doesNotMatch(discuss.join('\n'), /Éducation/);

  const governance = app.within.getByRole('row', { name: /^Gouvernance/ });
  assert.deepEqual(await governance.getByRole('cell').allInnerTexts(), ['4', '2,0', '0 – 4', '1,0 – 3,0', '2 – Planifié']);
  await app.within.getByRole('img', { name: /étendue des réponses du groupe/ }).waitFor();
  assert.deepEqual(await app.accessibilityViolations(), []);
  // On a phone the table scrolls sideways, by keyboard too.
  await app.page.setViewportSize({ width: 360, height: 740 });
  assert.deepEqual(await app.accessibilityViolations(), []);
  await app.page.setViewportSize({ width: 1280, height: 900 });

  // The consensus: medians, rounded down between two levels.
  await app.within.getByLabel('Nom du nouvel autodiagnostic').fill('Saint-Atelier – consensus');
  await app.within.getByRole('button', { name: 'Enregistrer le consensus et l’ajuster' }).click();
  await app.stepHeading().filter({ hasText: /Bilan/ }).waitFor();
  const [saved] = await app.stored();
  assert.equal(saved.community.name, 'Saint-Atelier – consensus');
  assert.equal(saved.areas.governance.level, 2);
  assert.equal(saved.areas.innovation.level, 3);
  assert.equal(saved.areas.education.level, 2, '2, 2, 2, 3: median 2');
  assert.equal(saved.purposes.attractiveness.priority, 'medium', 'low, medium, high, high: 2.5, prudent medium');
  await app.page.close();
});

test('a show of hands gives the same merged view as the equivalent files', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.within.getByLabel(/Ouvrir les fichiers des participants/).setInputFiles(files());
  await app.within.getByText('4 fichiers fusionnés ; jusqu’à 4 réponses par question.').waitFor();
  const fromFiles = await mergedTable(app);
  await app.within.getByRole('button', { name: /^← Retour$/ }).click();

  await app.within.getByRole('button', { name: 'Vote à main levée (sans fichiers)' }).click();
  await app.heading(1).filter({ hasText: 'Atelier : réponses du groupe' }).waitFor();
  const hands = async (question, value, people) => {
    const group = app.within.getByRole('group', { name: question, exact: true });
    const box = group.getByRole('spinbutton', { name: new RegExp(`pour « ${value}`) });
    await box.fill(String(people));
    await box.press('Tab');
  };
  await hands('Attractivité', 'Faible', 1);
  await hands('Attractivité', 'Moyenne', 1);
  await hands('Attractivité', 'Élevée', 2);
  const titles = ['Gouvernance, responsabilisation et engagement', 'Éducation et renforcement des capacités',
    'Innovation, créativité et recherche', 'Santé et soins dans la communauté', 'Culture et identité de la communauté',
    'Vivre ensemble, interdépendance et mutualité', 'Économie et production et consommation durables',
    'Cadre de vie et de travail', 'Sûreté et sécurité', 'Infrastructures de la communauté', 'Mobilité',
    'Biodiversité et services écosystémiques'];
  for (let i = 0; i < AREAS.length; i++) {
    const counts = {};
    for (const p of ROOM) counts[p.levels[i]] = (counts[p.levels[i]] ?? 0) + 1;
    const name = titles[i];
    for (const [level, people] of Object.entries(counts)) await hands(name, `${level} –`, people);
  }
  assert.deepEqual(await app.accessibilityViolations(), []);
  await app.within.getByRole('button', { name: 'Voir la synthèse' }).click();
  await app.within.getByText('Décompte à main levée : jusqu’à 4 réponses par question.').waitFor();
  assert.equal(await mergedTable(app), fromFiles);
  await app.page.close();
});

// --- Bounds: files judged by their size before anything is read -----------------------------------

/** A directory of files, each `size` bytes of nothing (sparse: they take no disk). */
async function sparseFiles(count, size, name = (i) => `f-${i}.json`) {
  const dir = await mkdtemp(join(tmpdir(), 'autodiag-files-'));
  const paths = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, name(i));
    await writeFile(path, '');
    if (size) await truncate(path, size);
    paths.push(path);
  }
  return { dir, paths, done: () => rm(dir, { recursive: true, force: true }) };
}

test('a file over the document limit is refused by its size, without being read', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  // 2 MB used to be read (up to 5 MB were), then refused; 50 MB: refused the same, at once.
  for (const size of [2_000_000, 50_000_000]) {
    const files = await sparseFiles(1, size, () => `gros-${size}.json`);
    const start = performance.now();
    await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(files.paths);
    await app.page.getByRole('alert').filter({ hasText: 'trop volumineux pour être un autodiagnostic (plus de 1\u00a0Mo). Il n’a pas été lu.' }).waitFor();
    console.log(`# a ${size / 1e6} MB file refused in ${(performance.now() - start).toFixed(0)} ms`);
    assert.deepEqual(await app.stored(), []);
    await files.done();
  }
  await app.page.close();
});

test('a workshop lists a file over the limit with the reason and merges the others', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  const big = await sparseFiles(1, 1_000_001, () => 'trop-gros.json');
  const dir = dirname(big.paths[0]);
  const participants = files();
  for (const f of participants) await writeFile(join(dir, f.name), f.buffer);
  await app.within.getByLabel(/Ouvrir les fichiers des participants/)
    .setInputFiles([...participants.map((f) => join(dir, f.name)), ...big.paths]);
  await app.within.getByText('4 fichiers fusionnés ; jusqu’à 4 réponses par question.').waitFor();
  await app.within.getByRole('status').filter({ hasText: /trop-gros\.json\u00a0: Le fichier est trop volumineux \(1\u202f?001 ko ; au plus 1\u202f?000 ko\)/ }).waitFor();
  await big.done();
  await app.page.close();
});

test('a workshop with too many files, or too many bytes in all, says so before reading any', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  const picker = app.within.getByLabel(/Ouvrir les fichiers des participants/);
  const many = await sparseFiles(5_001, 0);
  let start = performance.now();
  await picker.setInputFiles(many.paths);
  await app.within.getByRole('alert').filter({ hasText: 'Trop de fichiers\u00a0: vous en avez choisi 5\u202f001, un atelier en prend au plus 5\u202f000. Aucun n’a été lu' }).waitFor();
  console.log(`# 5,001 files refused in ${(performance.now() - start).toFixed(0)} ms`);
  await many.done();
  assert.equal(await app.heading(1).filter({ hasText: 'Atelier : réponses du groupe' }).count(), 0);

  // 101 files of 1 MB each: each within the limit, 101 MB in all.
  const heavy = await sparseFiles(101, 1_000_000);
  start = performance.now();
  await picker.setInputFiles(heavy.paths);
  await app.within.getByRole('alert').filter({ hasText: 'Ces fichiers font 101\u00a0Mo en tout\u202f; un atelier en lit au plus 100\u00a0Mo. Aucun n’a été lu' }).waitFor();
  console.log(`# 101 MB of files refused in ${(performance.now() - start).toFixed(0)} ms`);
  await heavy.done();
  assert.equal(await app.heading(1).filter({ hasText: 'Atelier : réponses du groupe' }).count(), 0);
  assert.deepEqual(await app.stored(), []);
  await app.page.close();
});

test('a tally of 10,000 hands is summed up from the counts, quickly', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.within.getByRole('button', { name: 'Vote à main levée (sans fichiers)' }).click();
  await app.heading(1).filter({ hasText: 'Atelier : réponses du groupe' }).waitFor();
  const governance = app.within.getByRole('group', { name: 'Gouvernance, responsabilisation et engagement', exact: true });
  for (const level of [0, 1, 2, 3]) {
    const box = governance.getByRole('spinbutton', { name: new RegExp(`pour « ${level} –`) });
    await box.fill('2500');
    await box.press('Tab');
  }
  const start = performance.now();
  await app.within.getByRole('button', { name: 'Voir la synthèse' }).click();
  const row = app.within.getByRole('row', { name: /^Gouvernance/ });
  await row.waitFor();
  console.log(`# a tally of 10,000 hands summed up and drawn in ${(performance.now() - start).toFixed(0)} ms`);
  assert.deepEqual((await row.getByRole('cell').allInnerTexts()).slice(0, 4), ['10000', '1,5', '0 – 3', '0,5 – 2,5']);
  await app.page.close();
});
