// One language at a time (issue 13): the wasm carries French only; the English texts are a file of
// their own, fetched with their integrity hash when somebody needs them, and never on a French
// visit. And the widget's style sheet is fetched once, not once more for its shadow root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, AutodiagPage } from './support.mjs';

const env = useServedApp();
const isPack = (url) => /\/lang-en-[0-9a-f]+\.json$/.test(url);

test('a French visit never fetches the English texts; choosing English fetches them once', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.heading(2).filter({ hasText: 'Les 12 domaines d’action' }).waitFor();
  assert.deepEqual(app.requests.filter(isPack), []);

  // On a slow connection, the button says at once that English is on its way.
  let release;
  const held = new Promise((r) => { release = r; });
  await app.page.route('**/lang-en-*.json', async (route) => { await held; await route.continue(); });
  await app.languageButton('English').click();
  await app.page.waitForFunction(() => document.querySelector('[data-autodiag]').shadowRoot
    .querySelector('button[lang="en"][aria-busy="true"]'));
  assert.equal(await app.widgetLang(), 'fr');
  release();
  await app.heading(2).filter({ hasText: 'The 12 areas of action' }).waitFor();
  await app.page.unroute('**/lang-en-*.json');
  assert.equal(await app.languageButton('English').getAttribute('aria-pressed'), 'true');
  assert.equal(await app.languageButton('English').getAttribute('aria-busy'), null);
  // Back and forth: the texts stay, nothing is fetched again.
  await app.chooseLanguage('Français');
  await app.heading(2).filter({ hasText: 'Les 12 domaines d’action' }).waitFor();
  await app.chooseLanguage('English');
  await app.heading(2).filter({ hasText: 'The 12 areas of action' }).waitFor();
  assert.equal(app.requests.filter(isPack).length, 1);
  assert.deepEqual(app.errors, []);

  // The next visit starts in English: the app waits for the texts, then shows English at once.
  app.requests.length = 0;
  await app.reload();
  assert.equal(await app.widgetLang(), 'en');
  await app.heading(3).filter({ hasText: 'Community infrastructures' }).waitFor();
  assert.equal(app.requests.filter(isPack).length, 1);
  assert.deepEqual(app.errors, []);
  await app.page.evaluate(() => localStorage.clear());
  await app.page.close();
});

test('when the English texts cannot be loaded, the app says so in both languages and stays usable in French', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.page.route('**/lang-en-*.json', (route) => route.abort('internetdisconnected'));
  await app.languageButton('English').click();
  const alert = app.within.getByRole('alert');
  await alert.filter({ hasText: 'Les textes en anglais n’ont pas pu être chargés' }).waitFor();
  assert.equal(await alert.locator('[lang="en"]').innerText(),
    'The English texts could not be loaded (connection lost?): the tool stays in French. Try again in a moment.');
  assert.equal(await app.widgetLang(), 'fr');
  assert.equal(await app.languageButton('Français').getAttribute('aria-pressed'), 'true');
  // Still a working app, and the choice is not stored.
  await app.startNew('Commune de Réseau-Coupé');
  assert.equal(await app.page.evaluate(() => localStorage.getItem('autodiag37101:default:lang')), null);

  // Once the connection is back, English works.
  await app.page.unroute('**/lang-en-*.json');
  await app.chooseLanguage('English');
  await app.within.getByRole('button', { name: 'Next' }).first().waitFor();
  assert.equal(await app.widgetLang(), 'en');
  await app.page.evaluate(() => localStorage.clear());
  await app.page.close();
});

test('a pack altered on the server is refused by its integrity hash', async () => {
  const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
  await app.page.route('**/lang-en-*.json', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('Community infrastructures', 'Hacked infrastructures');
    await route.fulfill({ response, body });
  });
  await app.languageButton('English').click();
  await app.within.getByRole('alert').filter({ hasText: 'Les textes en anglais' }).waitFor();
  assert.equal(await app.widgetLang(), 'fr');
  await app.page.close();
});

test('the widget’s style sheet is fetched once, and styles the widget from its first frame', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  const sheets = app.requests.filter((u) => /\/main-[0-9a-f]+\.css$/.test(u));
  assert.equal(sheets.length, 1, sheets.join('\n'));
  // The widget adopted a copy of the page's sheet rather than linking to it again (which a
  // browser may serve from its memory cache without reporting a request).
  const shadow = await app.within.evaluate((host) => ({
    links: host.shadowRoot.querySelectorAll('link').length,
    adopted: host.shadowRoot.adoptedStyleSheets.length,
  }));
  assert.deepEqual(shadow, { links: 0, adopted: 1 });
  // Styled: the primary button has its own colours, not the browser's grey.
  const start = app.within.getByRole('button', { name: 'Commencer' });
  const background = await start.evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(background, 'rgb(239, 239, 239)');
  assert.notEqual(background, 'rgba(0, 0, 0, 0)');
  await app.page.close();
});
