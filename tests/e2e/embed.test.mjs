// The widget embedded in a partner portal: with one tag, twice on a page, under a strict CSP,
// against a hostile host style sheet, printed alone, and in iframe mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { useServedApp, serve, AutodiagPage, DIST } from './support.mjs';

const env = useServedApp();
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let dir;
let embedJs;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autodiag-embed-'));
  const [version] = await readdir(join(DIST, 'embed'));
  embedJs = `/embed/${version}/embed.js`;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The two widgets of the demo portal page, each driven inside its own element. */
async function openDemo(origin = env.server.origin) {
  const page = await env.chrome.context.newPage();
  const commune = new AutodiagPage(page, origin, '#commune [data-autodiag]');
  const atelier = new AutodiagPage(page, origin, '#atelier [data-autodiag]');
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await commune.goto('/embed.html');
  await page.evaluate(() => localStorage.clear());
  await commune.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-autodiag]').length === 2
    && [...document.querySelectorAll('[data-autodiag]')].every((h) => h.shadowRoot?.querySelector('.autodiag')));
  return { page, commune, atelier };
}

/** Elements carrying a `style` attribute, in the page and in every shadow root. */
function styleAttributes(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.hasAttribute('style')) found.push(el.tagName);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
}

test('the demo portal: two widgets with their own settings and data, under a strict CSP', async () => {
  const strict = await serve(undefined, { 'content-security-policy': CSP });
  try {
    const { page, commune, atelier } = await openDemo(strict.origin);
    // Settings from the data- attributes: language, intro, allowed modes, accent colour.
    assert.equal(await commune.widgetLang(), 'fr');
    assert.equal(await atelier.widgetLang(), 'en');
    assert.equal(await commune.within.getByText(/Cet outil vous guide pas à pas/).count(), 0, 'intro hidden');
    assert.equal(await atelier.within.getByRole('radio', { name: /Full/ }).count(), 0, 'quick mode only');
    const background = (app) => app.within.getByRole('button', { name: /^(Commencer|Start)$/ })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(await background(commune), 'rgb(31, 78, 140)');
    assert.equal(await background(atelier), 'rgb(122, 46, 89)');

    await commune.startNew('Commune de l’Embed', /Rapide/);
    await commune.answer(/Attractivité/, 'Élevée');
    await atelier.startNew('Workshop of the valley', null);
    await atelier.answer(/Attractiveness/, 'Low');
    // The portal hears the widgets' events (its own script logs them).
    await page.getByRole('list').filter({ hasText: 'commune · autodiag:started' }).waitFor();
    await page.getByRole('list').filter({ hasText: 'atelier · autodiag:progress' }).waitFor();

    // Each widget keeps its own data, under its own namespace.
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':a:')));
    assert.equal(keys.filter((k) => k.startsWith('autodiag37101:commune:a:')).length, 1, keys.join());
    assert.equal(keys.filter((k) => k.startsWith('autodiag37101:atelier:a:')).length, 1, keys.join());
    await commune.reload();
    await commune.backToList();
    await atelier.backToList();
    assert.deepEqual(await commune.listedAssessments(), ['Commune de l’Embed']);
    assert.deepEqual(await atelier.listedAssessments(), ['Workshop of the valley']);
    assert.equal(await atelier.within.getByText('Commune de l’Embed').count(), 0);

    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(await styleAttributes(page), []);
    assert.deepEqual(commune.errors, []);
    await page.close();
  } finally {
    await strict.close();
  }
});

test('the portal reacts to the completed event, and axe finds nothing in the widgets', async () => {
  const { page, commune } = await openDemo();
  await commune.startNew('Commune complète', /Rapide/);
  for (const purpose of [/Attractivité/, /Cohésion sociale/, /Bien-être/, /Résilience/, /Utilisation responsable/, /Préservation/]) {
    await commune.answer(purpose, 'Moyenne');
  }
  await commune.quickWalk();
  await page.getByRole('heading', { name: 'Et maintenant ?' }).waitFor();
  const axe = await commune.accessibilityViolations('#commune [data-autodiag]');
  assert.deepEqual(axe, []);
  // A page that adds a widget later mounts it with the loader's public call.
  const version = await page.evaluate(() => {
    const el = Object.assign(document.createElement('div'), { id: 'late' });
    el.setAttribute('data-autodiag', '');
    el.setAttribute('data-namespace', 'late');
    document.body.append(el);
    window.autodiag37101.mount();
    return window.autodiag37101.version;
  });
  assert.match(version, /^\d+\.\d+\.\d+$/);
  const late = new AutodiagPage(page, env.server.origin, '#late');
  await late.within.getByRole('button', { name: 'Commencer' }).waitFor();
  assert.equal(await page.locator('[data-autodiag]').count(), 3);
  await page.close();
});

/** A screenshot of the widget in a page of `css`, with nothing chosen yet. */
async function widgetShot(origin, css, accent = '#1f4e8c') {
  const page = await env.chrome.context.newPage();
  await page.route('**/t/*', (route) => {
    const name = new URL(route.request().url()).pathname;
    if (name.endsWith('.css')) {
      return route.fulfill({ contentType: 'text/css', body: `.box { width: 720px; margin: 20px; }\n${css}` });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Host</title>
        <link rel="stylesheet" href="/t/host.css">
        <script type="module" src="${embedJs}"></script></head>
        <body><div class="box"><div data-autodiag data-namespace="look" data-accent="${accent}"></div></div></body></html>`,
    });
  });
  await page.goto(`${origin}/t/page.html`);
  await page.waitForFunction(() => document.querySelector('[data-autodiag]').shadowRoot?.querySelector('h1'));
  await page.evaluate(() => document.fonts.ready);
  const png = PNG.sync.read(await page.locator('[data-autodiag]').screenshot());
  await page.close();
  return png;
}

function differentPixels(a, b) {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  return pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
}

test('the host page’s CSS does not change the widget’s look', async () => {
  const { readFile } = await import('node:fs/promises');
  const hostile = await readFile(join(DIST, 'portal.css'), 'utf8');
  const plain = await widgetShot(env.server.origin, '');
  const styled = await widgetShot(env.server.origin, `${hostile}
    div, p, h1, h2, button, label, input { color: #c00 !important; font-family: serif !important;
      line-height: 3 !important; letter-spacing: 0.2em !important; text-transform: uppercase !important; }
    .autodiag, .autodiag * { display: none !important; }`);
  assert.ok(plain.height > 400, `the widget drew something (${plain.height}px high)`);
  assert.equal(differentPixels(plain, styled), 0);
  // The comparison does see a real difference: another accent colour changes the look.
  const other = await widgetShot(env.server.origin, '', '#6b1d1d');
  assert.ok(differentPixels(plain, other) > 100, 'another accent changes pixels');
});

test('printing from an embedded widget prints the report alone', async () => {
  const { page, commune } = await openDemo();
  await commune.startNew('Commune imprimée', /Rapide/);
  await commune.quickWalk();
  // The print dialog cannot be driven headless: the call is recorded, the printing done by pdf().
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await commune.within.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).click();
  assert.equal(await page.evaluate(() => window.__printed), true);
  const pdfText = async () => {
    const file = join(dir, `print-${Date.now()}.pdf`);
    await writeFile(file, await page.pdf({ format: 'A4' }));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };
  const report = await pdfText();
  const pages = report.split('\f').filter((p) => p.trim()).length;
  assert.match(report, /Commune imprimée/);
  assert.equal(report.match(/Autodiagnostic réalisé avec/g)?.length, pages + 1, 'footer on each page, and at the end');
  assert.doesNotMatch(report, /Réseau\s+des\s+communes/, 'no host page header');
  assert.doesNotMatch(report, /Workshop|quick mode only/, 'no other widget');
  // After printing, the host page prints as itself again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.match(await pdfText(), /Réseau\s+des\s+communes\s+durables/);
  await page.close();
});

test('iframe mode: settings from the address, postMessage to the host origin only', async () => {
  const app = env.server.origin;
  const other = await serve(dir);
  const host = await serve(dir);
  await writeFile(join(dir, 'evil.html'), `<!doctype html><title>x</title><script>
    addEventListener('message', (e) => {
      if (e.data !== 'go') return;
      parent.frames[0].postMessage({ type: 'autodiag:get-summary', id: 'evil' }, '*');
      parent.postMessage('asked', '*');
    });
  </script>`);
  await writeFile(join(dir, 'host.html'), `<!doctype html><html lang="en"><title>Portal</title>
    <iframe id="widget" title="Self-assessment" width="900" height="600"
      src="${app}/frame.html?origin=${encodeURIComponent(host.origin)}&lang=en&namespace=framed&modes=quick"></iframe>
    <iframe id="evil" title="Other" src="${other.origin}/evil.html"></iframe>
    <script>
      window.__messages = [];
      addEventListener('message', (e) => {
        if (e.data === 'asked') window.__asked = true;
        if (e.origin === ${JSON.stringify(app)} && e.data?.source === 'autodiag37101') window.__messages.push(e.data);
      });
    </script>`);
  try {
    const page = await env.chrome.context.newPage();
    // The publisher lists this host (frame-origins.txt, beside frame.html; see iframe.test.mjs).
    await page.route(`${app}/frame-origins.txt`, (route) => route.fulfill({ contentType: 'text/plain', body: `${host.origin}\n` }));
    await page.goto(`${host.origin}/host.html`);
    const types = () => page.evaluate(() => window.__messages.map((m) => m.type));
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'autodiag:ready'));
    const frame = new AutodiagPage(page, app);
    frame.within = page.frameLocator('#widget').locator('[data-autodiag]');
    assert.equal(await frame.widgetLang(), 'en');
    await frame.startNew('Framed community', null);
    await frame.answer(/Attractiveness/, 'High');
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'autodiag:progress'));
    const started = (await page.evaluate(() => window.__messages)).find((m) => m.type === 'autodiag:started');
    assert.equal(started.api, 1);
    assert.equal(started.detail.api, 1);
    assert.equal(started.detail.mode, 'quick');
    assert.ok(!JSON.stringify(started).includes('Framed community'), 'no name crosses to the host');
    assert.ok((await types()).includes('autodiag:resize'));

    // Another origin asks for the summary, then the host does. The frame handles its messages in
    // order, so a reply to the other origin would reach this page before the reply to the host.
    await page.frameLocator('#evil').locator('body').evaluate(() => window.postMessage('go', '*'));
    await page.waitForFunction(() => window.__asked);
    await page.evaluate((app) => document.getElementById('widget').contentWindow
      .postMessage({ type: 'autodiag:get-summary', id: 'host' }, app), app);
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'autodiag:summary' && m.id === 'host'));
    const summaries = (await page.evaluate(() => window.__messages)).filter((m) => m.type === 'autodiag:summary');
    assert.deepEqual(summaries.map((m) => m.id), ['host'], 'the other origin’s request was ignored');
    assert.equal(summaries[0].detail.answered, 1);
    // Its storage is the frame's own origin, not the host's.
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.close();
  } finally {
    await host.close();
    await other.close();
  }
});
