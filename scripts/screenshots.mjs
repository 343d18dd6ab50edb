// Screenshots of each screen, for people to look at (not a test): artifacts/*.png.
//   node scripts/screenshots.mjs      after ./scripts/build.sh
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve, browser, AutodiagPage } from '../tests/e2e/support.mjs';

const OUT = resolve(import.meta.dirname, '../artifacts');
await mkdir(OUT, { recursive: true });
const server = await serve();
const chrome = await browser();
try {
  const app = await AutodiagPage.open(chrome.context, server.origin);
  const shot = async (name, width = 1280, height = 900, fullPage = true) => {
    await app.page.setViewportSize({ width, height });
    await app.page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
    console.log(`${OUT}/${name}.png`);
  };
  await shot('01-start-fr', 1280, 900, false);
  await shot('01-start-fr-phone', 360, 740, false);
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.startNew('Commune de Saint-Exemple', /Complète|Full/);
  await shot('02-community', 1280, 900, true);
  await app.next();
  await shot('03-scope', 1280, 900, true);
  await app.next();
  await app.answer(/Attractivité/, 'Élevée');
  await shot('04-purposes', 1280, 900, true);
  await app.next();
  await app.answer(/Niveau actuel/, /^2 – Planifié/);
  await shot('05-area-full', 1280, 900, true);
  await shot('05-area-full-phone', 360, 740, true);
  const menu = () => app.page.locator('summary', { hasText: /^(Étapes|Steps)$/ }).click();
  await menu();
  await shot('06-step-menu', 1280, 900, false);
  await app.page.getByRole('button', { name: /Système de management : Planifier/ }).click();
  await shot('07-phase-plan', 1280, 900, true);
  // The gap analysis of content version 2: who holds an area, its indicators, the checklist.
  await app.gotoStep(/Mobilité/);
  await app.answer(/Qui porte ce domaine/, /^L’intercommunalité/);
  await app.answer(/Niveau actuel/, /^1 – /);
  const indicators = app.within.getByRole('group', { name: 'Indicateurs proposés' });
  await indicators.getByRole('checkbox').first().check();
  await indicators.getByLabel('Dernière valeur').fill('38');
  await indicators.getByLabel('Unité').fill('%');
  await indicators.getByLabel('Année').fill('2025');
  await shot('07b-area-holder-indicators', 1280, 900, true);
  await shot('07b-area-holder-indicators-phone', 360, 740, true);
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.gotoStep(/Système de management : Planifier/);
  const answers = ['Oui', 'En partie', 'Non', 'Nous ne savons pas'];
  const groups = app.within.getByRole('group');
  for (let i = 0, k = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    if (await g.getByRole('radio', { name: 'En partie', exact: true }).count()) {
      await g.getByRole('radio', { name: answers[k++ % answers.length], exact: true }).check();
    }
  }
  await app.within.getByRole('textbox', { name: /Quel document le montre/ }).first().fill('Délibération du 12 mars 2026');
  await shot('07c-phase-checklist', 1280, 900, true);
  await menu();
  await app.page.getByRole('button', { name: /Bilan/ }).first().click();
  await shot('08-review', 1280, 900, true);
  await app.gotoStep(/Profil de maturité/);
  await shot('08b-profile-full', 1280, 900, true);
  // The printed report, as Chromium prints it: look at it with pdftoppm -png.
  await app.page.emulateMedia({ media: 'print' });
  await app.page.pdf({ path: `${OUT}/08c-report-full.pdf`, format: 'A4', printBackground: true });
  console.log(`${OUT}/08c-report-full.pdf`);
  await app.page.emulateMedia({ media: 'screen' });
  await app.backToList();
  await app.startNew('Atelier du 28 novembre', /Rapide|Quick/);
  await app.next();
  await shot('09-quick-area', 1280, 900, false);
  await shot('09-quick-area-phone', 360, 740, false);
  await app.backToList();
  await shot('10-start-with-list', 1280, 900, true);
  await app.chooseLanguage('English');
  await shot('11-start-en', 1280, 900, false);
} finally {
  await chrome.close();
  await server.close();
}
