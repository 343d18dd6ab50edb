// What a person must be able to trust: they are told where they arrive, every text they wrote
// reaches the profile and the printed report as text, and no option's words spill out of its box.
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
  dir = await mkdtemp(join(tmpdir(), 'autodiag-trust-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Waits until keyboard focus is on an element whose text matches `text`, then returns it. */
async function focusLandsOn(app, tag, text) {
  await app.page.waitForFunction(([tag, source]) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.tagName === tag && new RegExp(source).test(el.textContent);
  }, [tag, text.source]).catch(async () => {
    assert.fail(`focus should be on ${tag} ${text}, is on ${JSON.stringify(await app.focused())}`);
  });
}

test('focus lands on the new screen after « Commencer », « Reprendre », an import and a share link', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  // A reload moves no focus: the prerendered screen stays as it was painted.
  assert.equal((await app.focused())?.tag, 'BODY');
  await app.startNew('Commune de Focus');
  await focusLandsOn(app, 'H1', /^Les finalités/);
  await app.next();
  await focusLandsOn(app, 'H1', /^Gouvernance/);
  await app.previous();
  await focusLandsOn(app, 'H1', /^Les finalités/);

  await app.backToList();
  await focusLandsOn(app, 'H1', /où en est votre collectivité/);
  await app.within.getByRole('button', { name: /Reprendre – Commune de Focus/ }).click();
  await focusLandsOn(app, 'H1', /^Les finalités/);

  // An import: focus on the message that says it was imported.
  const [stored] = await app.stored();
  await app.backToList();
  const other = { ...stored, id: '7b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55', community: { ...stored.community, name: 'Commune importée' } };
  const file = join(dir, 'imported.json');
  await writeFile(file, JSON.stringify(other));
  await app.within.getByLabel(/Ouvrir un fichier d’autodiagnostic/).setInputFiles(file);
  await focusLandsOn(app, 'DIV', /Commune importée/);
  // The same file again: focus on the question asked before anything is replaced.
  await app.within.getByLabel(/Ouvrir un fichier d’autodiagnostic/).setInputFiles(file);
  await focusLandsOn(app, 'BUTTON', /Garder les deux/);
  await app.within.getByRole('button', { name: 'Annuler' }).click();
  await focusLandsOn(app, 'H1', /où en est votre collectivité/);

  // A share link opened: focus on the offer to import it.
  await app.within.getByRole('button', { name: /Reprendre – Commune de Focus/ }).click();
  await app.gotoStep(/Profil de maturité/);
  await focusLandsOn(app, 'H1', /^Profil de maturité/);
  await app.within.getByRole('button', { name: 'Partager par un lien ou un QR code' }).click();
  const link = await app.within.getByRole('textbox', { name: 'Lien de partage' }).inputValue();
  // Opened in English, the widget waits hidden for the English texts, and a hidden button takes
  // no focus: the offer must still get it once the widget shows.
  await app.page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('autodiag37101:default:lang', 'en');
  });
  await app.page.goto('about:blank');
  await app.page.goto(link);
  await app.ready();
  await focusLandsOn(app, 'BUTTON', /^Import$/);
  await app.within.getByRole('button', { name: 'Import', exact: true }).click();
  await focusLandsOn(app, 'DIV', /Commune de Focus/);
  assert.deepEqual(app.errors, []);
  await app.page.close();
});

const NASTY = {
  script: '<script>window.pwned=1</script>',
  img: '<img src=x onerror="window.pwned=2">',
};

test('markup in every text of a full assessment is shown as text on the profile and in the printed report', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune de Saint-Texte', /Complète/);
  await app.page.getByLabel('Qui a participé').fill(`Maire ${NASTY.img}`);
  await app.page.getByLabel('Notes', { exact: true }).fill(`Contexte : ${NASTY.script}\nDeuxième ligne ${NASTY.img}`);
  await app.gotoStep(/^\d+\. Gouvernance/);
  await app.answer(/Niveau actuel/, /^2 – /);
  await app.page.getByLabel('Notes et éléments de preuve').fill(`Preuve ${NASTY.img}`);
  await app.gotoStep(/Profil de maturité/);
  const profile = app.within.locator('section.step');
  for (const text of [`Contexte : ${NASTY.script}`, `Deuxième ligne ${NASTY.img}`, `Preuve ${NASTY.img}`, `Maire ${NASTY.img}`]) {
    await profile.getByText(text).first().waitFor();
  }
  // The community's notes have their own place among the notes.
  await profile.getByRole('heading', { name: 'La collectivité', level: 3 }).waitFor();
  assert.equal(await app.page.evaluate(() => window.pwned), undefined);
  assert.equal(await app.page.locator('img[src="x"]').count(), 0);

  await app.page.emulateMedia({ media: 'print' });
  const pdf = join(dir, 'nasty.pdf');
  await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await app.page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  for (const line of [`Contexte : ${NASTY.script}`, `Deuxième ligne ${NASTY.img}`, `Preuve ${NASTY.img}`]) {
    assert.ok(text.includes(line), `the printed report shows ${line}`);
  }
  assert.equal(await app.page.evaluate(() => window.pwned), undefined);
  await app.page.close();
});

/** Options whose text runs past their box: each label, with how far it spills. */
function overflowingOptions(app) {
  return app.within.evaluate((host) => {
    const root = host.shadowRoot ?? host;
    const found = [];
    for (const label of root.querySelectorAll('section.step .choice label')) {
      const box = label.getBoundingClientRect();
      for (const part of [label, ...label.querySelectorAll('span')]) {
        const spill = part.scrollWidth - part.clientWidth;
        const range = document.createRange();
        range.selectNodeContents(part);
        const right = Math.max(...[...range.getClientRects()].map((r) => r.right));
        if (spill > 1 || right > box.right + 0.5) {
          found.push(`${label.textContent.trim()} (${Math.round(Math.max(spill, right - box.right))} px)`);
          break;
        }
      }
    }
    return found;
  });
}

test('no option spills out of its box, at every width and in both languages', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.startNew('Commune de Largeur', /Complète/);
  const checked = [];
  for (const [lang, steps] of [
    ['Français', [/^\d+\. Les finalités/, /^\d+\. Gouvernance/, /^\d+\. Système de management : Planifier/, /^\d+\. Système de management : Agir/]],
    ['English', [/^\d+\. The purposes/, /^\d+\. Governance/, /^\d+\. Management system: Plan/, /^\d+\. Management system: Act/]],
  ]) {
    await app.chooseLanguage(lang);
    for (const step of steps) {
      await app.gotoStep(step);
      for (const width of [320, 360, 414, 768, 1024, 1280, 1920]) {
        await app.page.setViewportSize({ width, height: 900 });
        const spilled = await overflowingOptions(app);
        assert.deepEqual(spilled, [], `${lang}, ${step}, ${width} px`);
        checked.push(width);
      }
    }
  }
  assert.equal(checked.length, 2 * 4 * 7);
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.page.close();
});
