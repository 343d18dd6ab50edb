// The gap analysis of content version 2, used as a person would: the requirement checklists with
// evidence, who holds an area, the indicators followed; then reload, go back through every step,
// export (valid against the published v2 schema), CSV, print, re-import; and older v1 files and
// share links still open, migrated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import { useServedApp, AutodiagPage } from './support.mjs';

const env = useServedApp();
const ROOT = resolve(import.meta.dirname, '../..');
const PHASES = ['Planifier', 'Mettre en œuvre', 'Contrôler', 'Agir'];
const ANSWERS = ['Oui', 'En partie', 'Non', 'Sans objet', 'Nous ne savons pas'];
// The evidence field; for « Sans objet », the same field asks why (the report lists it to justify).
const EVIDENCE = /Quel document le montre|Pourquoi cette exigence ne s’applique pas/;

async function schema() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(await readFile(join(ROOT, 'schema/autodiag-37101.v2.schema.json'), 'utf8')));
}

async function noViolations(app, where) {
  assert.deepEqual(await app.accessibilityViolations(), [], where);
}

/** The requirement questions of the step on screen: groups that offer « En partie ». */
async function requirementGroups(app) {
  const groups = app.within.getByRole('group');
  const out = [];
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    if (await g.getByRole('radio', { name: /^(En partie|Partly)$/ }).count()) out.push(g);
  }
  return out;
}

/** Answers every requirement of the four phases, cycling through the answers; evidence on every
 * third. Returns what was given, in order. */
async function answerChecklists(app) {
  const given = [];
  for (const phase of PHASES) {
    await app.gotoStep(new RegExp(`Système de management : ${phase}`));
    const groups = await requirementGroups(app);
    const evidence = app.within.getByRole('textbox', { name: EVIDENCE });
    assert.equal(await evidence.count(), groups.length, `one evidence field per requirement (${phase})`);
    for (const [i, g] of groups.entries()) {
      const k = given.length;
      const answer = ANSWERS[k % ANSWERS.length];
      await g.getByRole('radio', { name: answer, exact: true }).check();
      const text = k % 3 === 0 ? `Délibération n° ${k} du 12 mars 2026` : '';
      if (text) await evidence.nth(i).fill(text);
      given.push({ phase, answer, text });
    }
    await app.within.getByText(`Exigences renseignées : ${groups.length} sur ${groups.length}`).waitFor();
  }
  assert.equal(given.length, 27, '27 requirements in all');
  return given;
}

/** On the phase step on screen, every requirement shows the answer and evidence given. */
async function checkPhase(app, given, phase, when) {
  const mine = given.filter((g) => g.phase === phase);
  const groups = await requirementGroups(app);
  const evidence = app.within.getByRole('textbox', { name: EVIDENCE });
  assert.equal(groups.length, mine.length, `${phase}: every requirement is asked`);
  for (const [i, g] of groups.entries()) {
    assert.ok(await g.getByRole('radio', { name: mine[i].answer, exact: true }).isChecked(), `${phase} ${i + 1}: « ${mine[i].answer} » ${when}`);
    const asksWhy = (await evidence.nth(i).evaluate((el) => el.labels[0].textContent)).startsWith('Pourquoi');
    assert.equal(asksWhy, mine[i].answer === 'Sans objet', `${phase} ${i + 1}: the field asks why only for « Sans objet »`);
    assert.equal(await evidence.nth(i).inputValue(), mine[i].text, `${phase} ${i + 1}: evidence ${when}`);
  }
}

async function answerMobility(app) {
  await app.gotoStep(/Mobilité/);
  await app.answer(/Qui porte ce domaine/, /^L’intercommunalité/);
  // The level now measures how the community takes part.
  await app.within.getByText(/Ce domaine est porté par l’intercommunalité\. Le niveau mesure donc votre participation/).waitFor();
  await app.answer(/Niveau actuel/, /^1 – /);
  const indicators = app.within.getByRole('group', { name: 'Indicateurs proposés' });
  const boxes = indicators.getByRole('checkbox');
  assert.ok((await boxes.count()) >= 3);
  await boxes.nth(0).check();
  await indicators.getByLabel('Dernière valeur').fill('38');
  await indicators.getByLabel('Unité').fill('%');
  await indicators.getByLabel('Année').fill('2025');
  await boxes.nth(2).check();
  await app.within.getByLabel('Autres indicateurs suivis dans ce domaine').fill('Fréquentation du car scolaire');
}

async function checkMobility(app) {
  const holder = app.within.getByRole('group', { name: /Qui porte ce domaine/ });
  assert.ok(await holder.getByRole('radio', { name: /^L’intercommunalité/ }).isChecked(), 'holder kept');
  const indicators = app.within.getByRole('group', { name: 'Indicateurs proposés' });
  const boxes = indicators.getByRole('checkbox');
  assert.deepEqual(
    await Promise.all([0, 1, 2].map((i) => boxes.nth(i).isChecked())),
    [true, false, true],
    'indicators ticked',
  );
  assert.equal(await indicators.getByLabel('Dernière valeur').first().inputValue(), '38');
  assert.equal(await indicators.getByLabel('Unité').first().inputValue(), '%');
  assert.equal(await indicators.getByLabel('Année').first().inputValue(), '2025');
  assert.equal(await app.within.getByLabel('Autres indicateurs suivis dans ce domaine').inputValue(), 'Fréquentation du car scolaire');
}

test('a full assessment as a gap analysis, kept through reload, « Précédent », export, CSV, print and re-import', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'autodiag-gap-'));
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  try {
    await app.startNew('Commune de Lacheck', /Complète/);
    await answerMobility(app);
    await noViolations(app, 'area with holder and indicators');
    const given = await answerChecklists(app);
    await noViolations(app, 'phase Act with its checklist');
    await app.gotoStep(/Système de management : Planifier/);
    await noViolations(app, 'phase Plan with its checklist');

    // Reload, then walk back step by step from the profile to the first step.
    await app.gotoStep(/Profil/);
    await app.reload();
    await app.stepHeading().waitFor();
    const seen = new Set();
    for (let guard = 0; guard < 40; guard++) {
      const title = (await app.stepHeading().textContent()).trim();
      seen.add(title);
      if (title === 'Mobilité') await checkMobility(app);
      const phase = PHASES.find((p) => title.endsWith(p));
      if (phase) await checkPhase(app, given, phase, 'after a reload, going back');
      if (!(await app.within.getByRole('button', { name: /^← (Précédent|Previous)$/ }).count())) break;
      await app.previous();
    }
    for (const p of PHASES) assert.ok([...seen].some((t) => t.endsWith(p)), `went back through ${p}`);
    assert.ok(seen.has('Mobilité'));

    // Review: the checklist's own progress and the unmet requirements.
    await app.gotoStep(/Bilan/);
    await app.within.getByText('Exigences renseignées : 27 sur 27').waitFor();
    await app.within.getByRole('heading', { name: 'Exigences à satisfaire' }).waitFor();
    await noViolations(app, 'review with the checklist');

    // Profile: readiness, unmet with "add to the action plan", holder, indicators.
    await app.gotoStep(/Profil/);
    const counts = Object.fromEntries(ANSWERS.map((a) => [a, given.filter((g) => g.answer === a).length]));
    const share = Math.round((100 * (2 * counts.Oui + counts['En partie'])) / (2 * (counts.Oui + counts['En partie'] + counts.Non)));
    // Declared readiness, the counts label first.
    await app.within.getByText(`${share} % — satisfaites : ${counts.Oui} ; en partie : ${counts['En partie']} ; non satisfaites : ${counts.Non} ; à vérifier : ${counts['Nous ne savons pas']}`, { exact: false }).first().waitFor();
    await app.within.getByText('Préparation démontrée', { exact: true }).first().waitFor();
    const table = app.within.getByRole('table', { name: 'Exigences du système de management par article' });
    const total = table.getByRole('row', { name: /^Toutes les exigences/ });
    const cells = await total.getByRole('cell').allTextContents();
    // The demonstrated share (second to last) depends on the documents named; the declared one
    // is last.
    assert.equal(
      [...cells.slice(0, 6), cells[7]].join('|'),
      [counts.Oui, counts['En partie'], counts.Non, counts['Nous ne savons pas'], counts['Sans objet'], 0, `${share}\u00a0%`].join('|'),
    );
    assert.match(cells[6], /^(\d+\u00a0%|–)$/);
    const add = app.within.getByRole('button', { name: /^Ajouter au plan d’action – / }).first();
    const requirement = (await add.textContent()).replace(/^Ajouter au plan d’action – /, '');
    await add.click();
    assert.equal(await app.within.getByLabel('Action', { exact: true }).last().inputValue(), requirement, 'the requirement is now an action of its clause');
    await app.within.getByRole('heading', { name: 'Qui porte les domaines' }).waitFor();
    await app.within.getByText(/Mobilité\s*: ce domaine est porté par l’intercommunalité/).waitFor();
    await app.within.getByRole('heading', { name: 'Indicateurs suivis' }).waitFor();
    await app.within.getByText('38 % (2025)').waitFor();
    await noViolations(app, 'profile with readiness view');

    // Export: a v2 document, valid against the published schema, holding every answer.
    const json = await app.download('Télécharger une copie (JSON)');
    const doc = JSON.parse(json.text);
    const validate = await schema();
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    assert.equal(doc.version, 2);
    assert.equal(doc.areas.mobility.holder, 'intermunicipal');
    const followed = Object.entries(doc.areas.mobility.indicators_followed);
    assert.equal(followed.length, 2);
    assert.deepEqual(followed[0][1], { value: '38', unit: '%', year: 2025 });
    assert.deepEqual(followed[1][1], {});
    const answered = Object.values(doc.clauses).flatMap((c) => Object.values(c.requirements ?? {}));
    assert.equal(answered.length, 27);
    assert.equal(answered.filter((r) => r.evidence).length, given.filter((g) => g.text).length);
    assert.ok(Math.abs(doc.scores.requirements.overall * 100 - share) < 0.5, 'the exported share is the shown one');
    assert.equal(doc.scores.unmet.length, counts.Non + counts['En partie']);
    assert.ok(!JSON.stringify(doc).includes('climate_relevant'));
    await writeFile(join(dir, 'v2.json'), json.text);

    // CSV: a holder column, one row per requirement and per indicator followed.
    const csv = await app.download('Télécharger le tableau (CSV)');
    const lines = csv.text.slice(1).split('\r\n');
    assert.ok(lines[0].includes('Porté par'), lines[0]);
    assert.equal(lines.filter((l) => l.startsWith('Exigence;')).length, 27);
    assert.equal(lines.filter((l) => l.startsWith('Indicateur;')).length, 2);
    assert.ok(lines.some((l) => l.startsWith('Indicateur;') && l.includes(';38;%;2025')), lines.filter((l) => l.startsWith('Indicateur')).join('\n'));

    // Print: the readiness view and the unmet requirements, tables whole.
    await app.page.emulateMedia({ media: 'print' });
    // Kept in artifacts/ (not committed) to look at.
    const pdf = join(ROOT, 'artifacts/gap-report.pdf');
    await mkdir(join(ROOT, 'artifacts'), { recursive: true });
    await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await app.page.emulateMedia({ media: 'screen' });
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, ' '));
    assert.match(pages[0], /Commune de Lacheck/);
    assert.match(pages[0], /Finalités : niveau atteint/, 'the radar is on page 1');
    assert.match(pages[0], /Domaines à travailler en priorité/, 'the top priorities are on page 1');
    assert.match(pages[1], /Le système de management, exigence par exigence/, 'the readiness view opens page 2');
    for (const row of ['§ 4 – Contexte de', '§ 7 – Support', '§ 10 – Amélioration', 'Toutes les exigences']) {
      assert.ok(pages[1].includes(row), `the readiness table is whole on page 2: ${row}`);
    }
    assert.match(pages[1], /Domaines d’action : niveau actuel et niveau visé/, 'the areas are on page 2');
    assert.ok(pages.some((p) => p.includes('Exigences à satisfaire')));
    assert.ok(pages.some((p) => p.includes('Pour aller plus loin')), 'further reading ends the report');

    // Re-import the exported file, next to the original: same answers.
    await app.backToList();
    await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(join(dir, 'v2.json'));
    await app.within.getByRole('button', { name: 'Garder les deux' }).click();
    const stored = await app.stored();
    assert.equal(stored.length, 2);
    const [a, b] = stored;
    for (const x of [a, b]) {
      assert.deepEqual(x.areas.mobility, doc.areas.mobility);
      assert.deepEqual(
        Object.fromEntries(Object.entries(x.clauses).map(([k, c]) => [k, c.requirements])),
        Object.fromEntries(Object.entries(doc.clauses).map(([k, c]) => [k, c.requirements])),
      );
    }
    assert.deepEqual(app.errors, []);
  } finally {
    await app.page.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a v1 file and a v1 share link open, migrated; the new questions are announced once', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  const v1 = join(ROOT, 'tests/fixtures/v1/full-fr-climate-true.json');
  await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(v1);
  await app.within.getByText(/Commune de Saint-Exemple\s*» a été ajouté à la liste/).waitFor();
  const [stored] = await app.stored();
  assert.equal(stored.version, 2);
  assert.deepEqual(stored.clauses.context.requirements, { 'context.climate': { answer: 'yes' } });
  assert.ok(!('climate_relevant' in stored.clauses.context));
  const original = JSON.parse(await readFile(v1, 'utf8'));
  // Full mode now also counts the checklist and the holders, which a v1 file never answered:
  // completion goes down, and the note below says why.
  assert.ok(stored.scores.completion < original.scores.completion, 'completion counts the new questions');

  // The climate question answered in v1 shows as the requirement's answer.
  await app.within.getByRole('button', { name: /^Reprendre/ }).first().click();
  await app.stepHeading().waitFor();
  const note = app.within.getByRole('note');
  await note.getByText(/version précédente des questions \(1\.0\.1\)/).waitFor();
  await note.getByText(/L’avancement compte maintenant aussi les exigences/).waitFor();
  await app.gotoStep(/Système de management : Planifier/);
  const climate = app.within.getByRole('group', { name: /changement climatique touche/ });
  assert.ok(await climate.getByRole('radio', { name: 'Oui', exact: true }).isChecked());
  await noViolations(app, 'migrated assessment with its note');
  await app.within.getByRole('button', { name: 'J’ai compris' }).click();
  await app.waitForFocus('H1');
  assert.equal(await app.within.getByRole('note').count(), 0);
  await app.reload();
  assert.equal(await app.within.getByRole('note').count(), 0, 'said once: not again after a reload');

  // A share link made by a v1 tool: the v1 document, raw DEFLATE, base64url.
  const en = await readFile(join(ROOT, 'tests/fixtures/v1/full-en-climate-false.json'), 'utf8');
  const data = deflateRawSync(Buffer.from(JSON.stringify(JSON.parse(en)))).toString('base64url');
  assert.deepEqual(app.errors, []);
  await app.page.close();
  const linked = await AutodiagPage.open(env.chrome.context, env.server.origin, `/#share=1.${data}`);
  await linked.within.getByRole('button', { name: 'Importer', exact: true }).click();
  await linked.within.getByText(/Town of Example\s*» a été ajouté à la liste/).waitFor();
  const town = (await linked.stored()).find((x) => x.community.name === 'Town of Example');
  assert.deepEqual(town.clauses.context.requirements, { 'context.climate': { answer: 'no' } });
  assert.deepEqual(linked.errors, []);
  await linked.page.close();
});

test('the new steps in English pass axe too', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.chooseLanguage('English');
  await app.startNew('Town of Lacheck', /Full/);
  await app.gotoStep(/Mobility/);
  await app.answer(/Who holds this area/, /^The inter-municipal body/);
  await app.within.getByText(/This area is run by the inter-municipal body/).waitFor();
  await app.within.getByRole('group', { name: 'Suggested indicators' }).getByRole('checkbox').first().check();
  await noViolations(app, 'area, English');
  for (const phase of ['Plan', 'Do', 'Check', 'Act']) {
    await app.gotoStep(new RegExp(`Management system: ${phase}`));
    const groups = await requirementGroups(app);
    await groups[0].getByRole('radio', { name: 'Partly', exact: true }).check();
    await noViolations(app, `phase ${phase}, English`);
  }
  await app.gotoStep(/Review/);
  await noViolations(app, 'review, English');
  await app.gotoStep(/Maturity profile/);
  await app.within.getByRole('table', { name: 'Management-system requirements by clause' }).waitFor();
  await app.within.getByRole('button', { name: /^Add to the action plan – / }).first().waitFor();
  await noViolations(app, 'profile, English');
  assert.deepEqual(app.errors, []);
  await app.page.close();
});
