// The maturity profile, the printed report, exports and imports, used as a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServedApp, AutodiagPage } from './support.mjs';

const env = useServedApp();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autodiag-files-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A full assessment with a few answers, left on its profile. */
async function filledFull(app, name = 'Commune de Saint-Exemple') {
  await app.startNew(name, /Complète/);
  await app.page.getByLabel('Qui a participé').fill('Maire, deux adjoints');
  await app.gotoStep(/Les finalités/);
  await app.answer(/Attractivité/, 'Élevée');
  await app.answer(/Cohésion sociale/, 'Faible');
  await app.next();
  await app.answer(/Niveau actuel/, /^2 – /);
  await app.answer(/Niveau visé/, /^3 – /);
  await app.page.getByLabel('Notes et éléments de preuve').fill('=SOMME(A1) et "guillemets"; point-virgule');
  await app.next();
  await app.answer(/Niveau actuel/, /^3 – /);
  await app.next();
  await app.next();
  await app.answer(/Niveau actuel/, /^Nous ne savons pas/);
  await app.gotoStep(/Système de management : Planifier/);
  await app.answer(/Maturité : Contexte/, /^1 – /);
  await app.gotoStep(/Profil de maturité/);
  await app.stepHeading().filter({ hasText: 'Profil de maturité' }).waitFor();
}

test('the profile: charts with text alternatives and tables, axe in both languages', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await filledFull(app);
  for (const name of [/Finalités : niveau atteint/, /Domaines d’action : niveau actuel/, /Contribution des domaines/]) {
    assert.equal(await app.page.getByRole('img', { name }).count(), 1, String(name));
  }
  // The radar's text alternative carries the values.
  const desc = await app.page.getByRole('img', { name: /Finalités/ }).getAttribute('aria-labelledby');
  assert.ok(desc.includes('desc'));
  const table = app.page.getByRole('button', { name: 'Afficher les données en tableau' }).first();
  assert.equal(await table.getAttribute('aria-expanded'), 'false');
  await table.click();
  assert.equal(await table.getAttribute('aria-expanded'), 'true');
  await app.page.getByRole('rowheader', { name: 'Attractivité' }).first().waitFor();
  // Priorities come with a sentence saying why.
  await app.page.getByText(/Gouvernance, responsabilisation et engagement\u00a0: écart de 1 niveau avec la cible/).first().waitFor();
  await app.page.getByRole('heading', { name: /À rechercher/ }).waitFor();
  assert.deepEqual(await app.accessibilityViolations(), [], 'profile FR');
  await app.chooseLanguage('English');
  await app.page.getByRole('img', { name: /Purposes: level achieved/ }).waitFor();
  assert.deepEqual(await app.accessibilityViolations(), [], 'profile EN');
  await app.chooseLanguage('Français');
  // No element carries a style attribute (strict CSP), charts included.
  assert.equal(await app.page.locator('[data-autodiag] [style]').count(), 0);
  assert.deepEqual(app.errors, []);
  await app.page.close();
});

test('JSON and CSV downloads hold the answers given; the action plan is kept', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await filledFull(app);
  await app.page.getByRole('button', { name: /Ajouter une action – Gouvernance/ }).click();
  await app.page.getByLabel('Action', { exact: true }).first().fill('Revue annuelle avec les habitants');
  await app.page.getByLabel('Responsable', { exact: true }).first().fill('DGS');
  await app.reload();
  assert.equal(await app.page.getByLabel('Action', { exact: true }).first().inputValue(), 'Revue annuelle avec les habitants');

  const json = await app.download('Télécharger une copie (JSON)');
  assert.match(json.name, /^autodiag-37101_commune-de-saint-exemple_\d{4}-\d\d-\d\d_full\.json$/);
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'autodiag-37101');
  assert.equal(doc.areas.governance.level, 2);
  assert.equal(doc.areas.governance.target, 3);
  assert.equal(doc.areas.education.level, 3);
  assert.equal(doc.areas.health.level, 'unknown');
  assert.equal(doc.clauses.context.level, 1);
  assert.deepEqual(doc.areas.governance.actions, [{ title: 'Revue annuelle avec les habitants', owner: 'DGS' }]);
  assert.equal(doc.scores.overall, 2.5);
  await writeFile(join(dir, 'export.json'), json.text);
  await app.page.getByText(/Dernière copie téléchargée/).waitFor();

  const csv = await app.download('Télécharger le tableau (CSV)');
  assert.match(csv.name, /_full\.csv$/);
  assert.ok(csv.text.startsWith('\ufeff'), 'a byte-order mark for Excel');
  const lines = csv.text.slice(1).split('\r\n');
  assert.equal(lines[0], 'Rubrique;id;Intitulé;Niveau ou réponse;Niveau visé;Notes;Porté par;Dernière valeur;Unité;Année');
  assert.ok(lines.some((l) => l.startsWith('Domaine;governance;Gouvernance, responsabilisation et engagement;2;3;"\'=SOMME(A1) et ""guillemets""; point-virgule"')), lines.join('\n'));
  assert.ok(lines.some((l) => l === 'Score;overall;Maturité des domaines (moyenne);2,5;;;;;;'), lines.filter((l) => l.startsWith('Score')).join('\n'));
  await app.page.close();
});

test('printing gives an A4 report with the profile alone', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await filledFull(app);
  // The dialog cannot be driven headless: the call is recorded, the printing done by pdf().
  await app.page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await app.page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).click();
  assert.equal(await app.page.evaluate(() => window.__printed), true);
  await app.page.emulateMedia({ media: 'print' });
  const pdf = join(dir, 'report.pdf');
  await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim()).length;
  assert.ok(pages >= 3 && pages <= 10, `${pages} pages`);
  // The footer and the page number are on every page.
  assert.equal(text.match(/Autodiagnostic réalisé avec/g)?.length, pages + 1, 'footer on each page, and at the end');
  assert.match(text, new RegExp(`\\b${pages} ?/ ?${pages}\\b`), "page numbers");
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  for (const expected of ['Commune de Saint-Exemple', 'Finalités : niveau atteint', 'Toutes les réponses', 'pas une certification', 'Maire, deux adjoints']) {
    assert.ok(text.replace(/\s+/g, ' ').includes(expected), `${expected} is in the report`);
  }
  // No navigation or button in print.
  for (const absent of ['Retour à la liste', 'Suivant', 'Télécharger une copie', 'Afficher les données']) {
    assert.ok(!text.includes(absent), `${absent} is not printed`);
  }
  // The same report in English.
  await app.page.emulateMedia({ media: 'screen' });
  await app.chooseLanguage('English');
  await app.page.emulateMedia({ media: 'print' });
  await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const en = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['Purposes: level achieved', 'All the answers', 'not a certification']) {
    assert.ok(en.replace(/\s+/g, ' ').includes(expected), `${expected} is in the English report`);
  }
  await app.page.emulateMedia({ media: 'screen' });
  await app.chooseLanguage('Français');
  await app.page.close();
});

test('re-importing the exported file gives the same profile; a known id asks first', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(join(dir, 'export.json'));
  await app.page.getByRole('status').getByText('« Commune de Saint-Exemple » a été ajouté à la liste.').waitFor();
  await app.page.getByRole('button', { name: 'Reprendre – Commune de Saint-Exemple' }).click();
  await app.gotoStep(/Profil de maturité/);
  await app.page.getByText('2,5 sur 4').first().waitFor();
  await app.backToList();
  await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(join(dir, 'export.json'));
  await app.page.getByRole('alertdialog').getByText(/existe déjà/).waitFor();
  await app.page.getByRole('button', { name: 'Garder les deux' }).click();
  assert.equal((await app.listedAssessments()).length, 2);
  await app.page.close();
});

test('bad files are refused with a clear message and storage unchanged', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune témoin');
  await app.backToList();
  const base = JSON.parse(execFileSync('cat', [join(dir, 'export.json')], { encoding: 'utf8' }));
  const cases = [
    ['not-json.json', 'ceci n’est pas du JSON', /pas du JSON valide/],
    ['other.json', JSON.stringify({ hello: 'world' }), /pas un export d’autodiagnostic/],
    ['newer.json', JSON.stringify({ ...base, version: 3 }), /version plus récente/],
    ['range.json', JSON.stringify({ ...base, areas: { governance: { level: 9 } } }), /areas\.governance\.level\u00a0: 9 n’est pas un niveau/],
    ['big.json', ' '.repeat(10_000_001), /trop volumineux/],
  ];
  for (const [name, content, message] of cases) {
    const before = await app.storageSnapshot();
    await writeFile(join(dir, name), content);
    await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(join(dir, name));
    await app.page.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.equal(await app.storageSnapshot(), before, `${name} changed nothing`);
  }
  // Markup in notes is shown as text, never run.
  const nasty = { ...base, id: '11111111-2222-4333-8444-555555555555', community: { ...base.community, name: '<img src=x onerror="window.pwned=1">' } };
  nasty.areas.governance.notes = '<script>window.pwned=2</script>';
  await writeFile(join(dir, 'nasty.json'), JSON.stringify(nasty));
  await app.page.getByLabel('Ouvrir un fichier d’autodiagnostic (.json)').setInputFiles(join(dir, 'nasty.json'));
  await app.page.getByRole('heading', { name: '<img src=x onerror="window.pwned=1">' }).waitFor();
  await app.page.getByRole('button', { name: /Reprendre – <img/ }).click();
  await app.gotoStep(/Profil de maturité/);
  await app.page.getByText('<script>window.pwned=2</script>').first().waitFor();
  assert.equal(await app.page.evaluate(() => window.pwned), undefined);
  await app.page.close();
});

test('comparing with an earlier assessment of the same community shows the change', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Bourg-sur-Test');
  await app.next();
  await app.answer(/Niveau actuel/, /^1 – /);
  await app.backToList();
  await app.page.getByRole('button', { name: 'Dupliquer – Bourg-sur-Test' }).click();
  await app.page.getByRole('button', { name: 'Renommer – Bourg-sur-Test (copie)' }).click();
  await app.page.getByLabel('Nouveau nom').fill('Bourg-sur-Test');
  await app.page.getByRole('button', { name: 'Enregistrer' }).click();
  await app.page.getByRole('button', { name: 'Reprendre – Bourg-sur-Test' }).first().click();
  await app.gotoStep(/Gouvernance/);
  await app.answer(/Niveau actuel/, /^3 – /);
  await app.gotoStep(/Profil de maturité/);
  const select = app.page.getByLabel('Comparer avec un autodiagnostic antérieur de la même collectivité');
  const options = await select.locator('option').allTextContents();
  assert.equal(options.length, 2);
  await select.selectOption({ index: 1 });
  await app.page.getByRole('heading', { name: /Évolution depuis l’autodiagnostic du/ }).waitFor();
  await app.page.getByRole('button', { name: 'Afficher les données en tableau' }).nth(1).click();
  await app.page.getByRole('row', { name: /Gouvernance, responsabilisation et engagement 3 .*\+2/ }).waitFor();
  assert.deepEqual(await app.accessibilityViolations(), [], 'profile comparing');
  await app.page.close();
});

test('a file dropped on the open-file zone is imported like a picked one', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  const text = execFileSync('cat', [join(dir, 'export.json')], { encoding: 'utf8' });
  const zone = app.page.getByText('Vous pouvez aussi le glisser ici.');
  const transfer = await app.page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'export.json', { type: 'application/json' }));
    return dt;
  }, text);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await app.page.getByRole('status').getByText('« Commune de Saint-Exemple » a été ajouté à la liste.').waitFor();
  assert.deepEqual(await app.listedAssessments(), ['Commune de Saint-Exemple']);
  await app.page.close();
});

test('a blank questionnaire prints every question with empty boxes, in both languages', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  for (const [lang, button, expected] of [
    ['Français', 'Imprimer un questionnaire vierge (pour une réunion sur papier)', ['Questionnaire d’autodiagnostic ISO 37101', 'Biodiversité et services écosystémiques', '§ 10 – Amélioration', '☐ Nous ne savons pas']],
    ['English', 'Print a blank questionnaire (for a meeting on paper)', ['ISO 37101 self-assessment questionnaire', 'Biodiversity and ecosystem services', 'Clause 10 – Improvement', '☐ We don\'t know']],
  ]) {
    await app.chooseLanguage(lang);
    await app.page.getByRole('button', { name: button }).click();
    assert.deepEqual(await app.accessibilityViolations(), [], `blank questionnaire ${lang}`);
    await app.page.emulateMedia({ media: 'print' });
    const pdf = join(dir, `blank-${lang}.pdf`);
    await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await app.page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const e of expected) assert.ok(text.includes(e), `${e} in the ${lang} questionnaire`);
    assert.ok(!text.includes('Retour') && !text.includes('Back'), 'no buttons on paper');
    await app.page.getByRole('button', { name: /Retour|Back/ }).click();
  }
  await app.chooseLanguage('Français');
  await app.page.close();
});
