// Screenshots of the embed demo and of the workshop screens, for a person to look at
// (artifacts/ is not committed). Run after a build: node scripts/screenshots-more.mjs
import { serve, browser, AutodiagPage } from '../tests/e2e/support.mjs';
import { participantFile } from '../tests/e2e/participants.mjs';
const server = await serve(); const chrome = await browser();
const page = await chrome.context.newPage();
const app = new AutodiagPage(page, server.origin, '#commune [data-autodiag]');
await app.goto('/embed.html');
await page.evaluate(() => localStorage.clear());
await app.reload();
await page.screenshot({ path: 'artifacts/embed-1-portal.png', fullPage: true });
await app.startNew('Commune de Démo', /Rapide/);
await page.screenshot({ path: 'artifacts/embed-2-started.png' });
await page.setViewportSize({ width: 360, height: 740 });
await page.screenshot({ path: 'artifacts/embed-3-phone.png', fullPage: false });

// The workshop: five participants' files merged, then the tally form.
await page.setViewportSize({ width: 1280, height: 900 });
const w = await AutodiagPage.fresh(chrome.context, server.origin);
const room = [[0, 2, 1], [2, 2, 3], [2, 3, 3], [4, 2, 3], [3, 2, 2]];
await w.within.getByLabel(/Ouvrir les fichiers des participants/).setInputFiles(room.map((l, i) => ({
  name: `p${i}.json`, mimeType: 'application/json',
  buffer: Buffer.from(participantFile('Commune de Démo', [...l, 2, 2, 1, 2, 3, 2, 2, 2, 2], ['high', 'medium'])),
})));
await w.heading(1).waitFor();
// The merged view comes with the on-demand module.
await w.within.getByRole('table').waitFor();
await w.page.screenshot({ path: 'artifacts/workshop-1-merged.png', fullPage: true });
await w.page.setViewportSize({ width: 360, height: 740 });
await w.page.screenshot({ path: 'artifacts/workshop-2-phone.png', fullPage: true });
await w.page.setViewportSize({ width: 1280, height: 900 });
await w.within.getByRole('button', { name: /décompte à main levée/ }).click();
await w.within.getByRole('spinbutton').first().waitFor();
await w.page.screenshot({ path: 'artifacts/workshop-3-tally.png', fullPage: false });

// Sharing: the link and its QR code, on the profile of a quick assessment.
const sh = await AutodiagPage.fresh(chrome.context, server.origin);
await sh.startNew('Commune de Démo');
await sh.answer(/Attractivité/, 'Élevée');
for (let i = 0; i < 12; i++) { await sh.next(); await sh.answer(/Niveau actuel/, /^2 – /); }
await sh.next(); await sh.next();
await sh.within.getByRole('button', { name: 'Partager par un lien ou un QR code' }).click();
await sh.within.getByRole('img', { name: /QR code/ }).waitFor();
await sh.within.getByRole('img', { name: /QR code/ }).scrollIntoViewIfNeeded();
await sh.page.screenshot({ path: 'artifacts/share-1-qr.png' });
await chrome.close(); await server.close();
