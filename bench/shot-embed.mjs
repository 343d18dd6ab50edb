// Screenshots of the embed demo page, for a person to look at (artifacts/ is not committed).
import { serve, browser, AutodiagPage } from '../tests/e2e/support.mjs';
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
await chrome.close(); await server.close();
