// The app under the strict Content-Security-Policy a partner portal may have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, serve, AutodiagPage } from './support.mjs';

const env = useServedApp();
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test('the quick flow runs under a strict CSP with no violation and no style attribute', async () => {
  const strict = await serve(undefined, { 'content-security-policy': CSP });
  try {
    const page = await env.chrome.context.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const app = new AutodiagPage(page, strict.origin);
    await app.goto('/');
    await page.evaluate(() => localStorage.clear());
    await app.reload();
    await app.startNew('Commune sous CSP');
    await app.answer(/Attractivité/, 'Élevée');
    for (let area = 0; area < 12; area++) {
      await app.next();
      await app.answer(/Niveau actuel/, /^2 – /);
    }
    await app.next();
    await page.getByText('Réponses\u00a0: 13 sur 18').first().waitFor();
    await app.next();
    await page.getByRole('img', { name: /Finalités/ }).waitFor();
    // The English texts are fetched under the same policy.
    await app.chooseLanguage('English');
    await page.getByRole('img', { name: /Purposes/ }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(app.errors, []);
    assert.equal(await page.locator('[style]').count(), 0, 'no element carries a style attribute');
    await page.close();
  } finally {
    await strict.close();
  }
});
