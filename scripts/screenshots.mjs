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
  const shot = async (name, width, height, fullPage = true) => {
    await app.page.setViewportSize({ width, height });
    await app.page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
    console.log(`${OUT}/${name}.png`);
  };
  await shot('first-screen-fr-laptop', 1280, 800, false);
  await shot('first-screen-fr-phone', 360, 740, true);
  await app.chooseLanguage('English');
  await shot('first-screen-en-laptop', 1280, 800, true);
  await app.page.keyboard.press('Tab');
  await shot('first-screen-en-focus', 1280, 300, false);
} finally {
  await chrome.close();
  await server.close();
}
