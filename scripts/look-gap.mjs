// Temporary: screenshots of the gap-analysis screens.
import { serve, browser, AutodiagPage } from '../tests/e2e/support.mjs';
const OUT = '/tmp/shots';
const server = await serve();
const chrome = await browser();
try {
  const app = await AutodiagPage.open(chrome.context, server.origin);
  const p = app.page;
  const shot = async (name, width = 1280, height = 900, fullPage = true) => {
    await p.setViewportSize({ width, height });
    await p.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  };
  await app.startNew('Commune de Saint-Exemple', /Complète|Full/);
  await app.gotoStep(/Mobilité/);
  await app.answer(/Qui porte ce domaine/, /^L’intercommunalité/);
  await app.answer(/Niveau actuel/, /^1 – /);
  const boxes = app.within.getByRole('checkbox');
  await boxes.first().check();
  await app.within.getByLabel('Dernière valeur').first().fill('38');
  await app.within.getByLabel('Unité').first().fill('%');
  await app.within.getByLabel('Année').first().fill('2025');
  await shot('area-mobility');
  await app.within.getByRole('group', { name: /Qui porte ce domaine/ }).screenshot({ path: `${OUT}/el-holder.png` });
  await app.within.getByRole('group', { name: /Niveau actuel/ }).screenshot({ path: `${OUT}/el-level.png` });
  await app.within.getByRole('group', { name: /Indicateurs proposés/ }).screenshot({ path: `${OUT}/el-indicators.png` });
  await shot('area-mobility-phone', 360, 740);
  await app.gotoStep(/Planifier/);
  const groups = app.within.getByRole('group');
  const n = await groups.count();
  const answers = ['Oui', 'En partie', 'Non', 'Nous ne savons pas'];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const g = groups.nth(i);
    const r = g.getByRole('radio', { name: 'En partie', exact: true });
    if (await r.count()) { await g.getByRole('radio', { name: answers[k % 4], exact: true }).check(); k++; }
  }
  await app.within.getByLabel(/Quel document/).first().fill('Délibération du 12 mars 2026');
  await shot('phase-plan');
  await p.setViewportSize({ width: 1280, height: 900 });
  await app.within.locator('.checklist').first().screenshot({ path: `${OUT}/el-checklist.png` });
  await app.gotoStep(/Bilan/);
  await shot('review');
  await app.gotoStep(/Profil/);
  await app.within.getByRole('button', { name: /Ajouter au plan d’action/ }).first().click();
  await shot('profile');
  await p.setViewportSize({ width: 1280, height: 900 });
  await app.within.locator('.readiness-view').screenshot({ path: `${OUT}/el-readiness.png` });
  await p.emulateMedia({ media: 'print' });
  await p.pdf({ path: `${OUT}/report.pdf`, format: 'A4', printBackground: true });
  console.log('errors', app.errors);
} finally {
  await chrome.close();
  await server.close();
}
