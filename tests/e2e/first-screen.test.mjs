import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, serve, AutodiagPage } from './support.mjs';

const env = useServedApp();

test('the app starts in French and shows the 6 purposes and 12 areas', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  assert.equal(await app.widgetLang(), 'fr');
  assert.equal(await app.page.locator('html').getAttribute('lang'), 'fr');
  await app.heading(2).filter({ hasText: 'Les 6 finalités' }).waitFor();
  for (const name of ['Attractivité', 'Résilience', 'Bien-être', 'Gouvernance, responsabilisation et engagement', 'Mobilité', 'Biodiversité et services écosystémiques']) {
    assert.equal(await app.heading(3).filter({ hasText: name }).count(), 1, name);
  }
  assert.equal(await app.heading(3).count(), 18);
  assert.deepEqual(app.errors, []);
  await app.page.close();
});

test('the first screen is in the HTML before any script runs', async () => {
  const page = await env.chrome.context.newPage();
  await page.route('**/*.{js,wasm}', (route) => route.abort());
  await page.goto(env.server.origin + '/');
  await page.getByRole('heading', { level: 2, name: 'Les 12 domaines d’action' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 3 }).count(), 18);
  await page.close();
});

test('switching to English is instant, and kept after a reload', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  await app.chooseLanguage('English');
  await app.heading(2).filter({ hasText: 'The 12 areas of action' }).waitFor();
  assert.equal(await app.widgetLang(), 'en');
  assert.equal(await app.page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await app.languageButton('English').getAttribute('aria-pressed'), 'true');

  await app.reload();
  assert.equal(await app.widgetLang(), 'en');
  await app.heading(3).filter({ hasText: 'Community infrastructures' }).waitFor();

  await app.chooseLanguage('Français');
  await app.reload();
  assert.equal(await app.widgetLang(), 'fr');
  await app.page.close();
});

test('the language buttons work with the keyboard alone', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Tab');
  assert.equal((await app.focused())?.text, 'English');
  await app.page.keyboard.press('Enter');
  await app.heading(2).filter({ hasText: 'The 6 purposes' }).waitFor();
  await app.chooseLanguage('Français');
  await app.page.close();
});

test('no request leaves 127.0.0.1', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  await app.chooseLanguage('English');
  await app.reload();
  assert.ok(app.requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded from the origin');
  assert.deepEqual(app.foreignRequests(), []);
  await app.chooseLanguage('Français');
  await app.page.close();
});

test('axe finds no WCAG 2.1 AA violation, in either language', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  assert.deepEqual(await app.accessibilityViolations(), []);
  await app.chooseLanguage('English');
  assert.deepEqual(await app.accessibilityViolations(), []);
  await app.chooseLanguage('Français');
  await app.page.close();
});

test('the page fits a 360 px phone without sideways scrolling', async () => {
  const app = await AutodiagPage.open(env.chrome.context, env.server.origin);
  await app.page.setViewportSize({ width: 360, height: 740 });
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px of horizontal overflow`);
  await app.page.close();
});

test('the built app works from a sub-folder of a web server', async () => {
  const sub = await serve(undefined, {}, '/mairie/autodiag/');
  try {
    const app = await AutodiagPage.open(env.chrome.context, sub.origin, '/mairie/autodiag/');
    await app.heading(2).filter({ hasText: 'Nouvel autodiagnostic' }).waitFor();
    assert.deepEqual(app.errors, []);
    await app.page.close();
  } finally {
    await sub.close();
  }
});
