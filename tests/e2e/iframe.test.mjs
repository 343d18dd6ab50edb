// The iframe mode may be shown only by the pages its publisher lists in frame-origins.txt (and
// by its own origin). A page that frames it uninvited, whatever origin it declares, gets a plain
// message in the frame, no app (so no stored assessment, no "delete all" button) and not a single
// message, both where the browser gives the parent's origin (location.ancestorOrigins) and where
// only the referrer tells it (Firefox).
//
// Two servers on 127.0.0.1, so two origins: the app's (a copy of dist/ whose list the tests
// rewrite) and a partner's. Host pages frame the widget and, beside it, an echo page of the
// widget's own origin: a ping answered by the echo after the refusal showed proves that anything
// the widget had posted would have arrived by then, so "no message" is never a guess after a sleep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, symlink, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, AutodiagPage, DIST } from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SECRET = 'Commune secrète';
let appRoot;
let hostRoot;
let app;
let partner;
let chrome;

// The host page: frames `?frame=` (and the echo), and writes down every message it receives.
const HOST_JS = `
const params = new URLSearchParams(location.search);
window.__messages = [];
const widget = Object.assign(document.createElement('iframe'), {
  id: 'widget', title: 'Autodiagnostic ISO 37101', width: 900, height: 600, src: params.get('frame'),
});
const echo = Object.assign(document.createElement('iframe'), { id: 'echo', title: 'Echo', src: params.get('echo') });
let pong = null;
const echoLoaded = new Promise((ok) => echo.addEventListener('load', ok, { once: true }));
addEventListener('message', (e) => {
  if (e.source === echo.contentWindow && e.data === 'pong') { pong?.(); return; }
  const from = e.source === widget.contentWindow ? 'widget' : 'other';
  window.__messages.push({ from, origin: e.origin, data: e.data });
});
window.ping = async () => {
  await echoLoaded;
  await new Promise((ok) => { pong = ok; echo.contentWindow.postMessage('ping', '*'); });
};
window.askSummary = (origin) => widget.contentWindow.postMessage({ type: 'autodiag:get-summary' }, origin);
document.body.append(widget, echo);
`;
const HOST_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>
<script type="module" src="host.js"></script></head><body><h1>Portal</h1></body></html>`;
// The echo, of the widget's own origin: it answers a ping once everything queued before it ran.
const ECHO_JS = `addEventListener('message', (e) => { if (e.data === 'ping') e.source.postMessage('pong', '*'); });`;
const ECHO_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Echo</title>
<script type="module" src="echo.js"></script></head><body></body></html>`;

before(async () => {
  // dist/ as it is, but with a list of our own: every entry linked, frame-origins.txt written.
  appRoot = await mkdtemp(join(tmpdir(), 'autodiag-iframe-app-'));
  for (const entry of await readdir(DIST)) {
    if (entry !== 'frame-origins.txt') await symlink(join(DIST, entry), join(appRoot, entry));
  }
  hostRoot = await mkdtemp(join(tmpdir(), 'autodiag-iframe-host-'));
  for (const root of [appRoot, hostRoot]) {
    await writeFile(join(root, 'host.html'), HOST_HTML);
    await writeFile(join(root, 'host.js'), HOST_JS);
  }
  await writeFile(join(appRoot, 'echo.html'), ECHO_HTML);
  await writeFile(join(appRoot, 'echo.js'), ECHO_JS);
  // No frame-ancestors here: the point is frame.js's own check, for servers that send no header.
  app = await serve(appRoot, { 'content-security-policy': CSP });
  partner = await serve(hostRoot, { 'content-security-policy': `${CSP}; frame-src ${app.origin}` });
  // The same machine under another name would be another origin too; the ports make it so here.
  assert.notEqual(app.origin, partner.origin);
  chrome = await browser();
  // A visitor with an assessment stored in the app's origin: what an uninvited page would leak.
  const seed = await AutodiagPage.fresh(chrome.context, app.origin);
  await seed.startNew(SECRET, /Rapide/);
  await seed.answer(/Attractivité/, 'Élevée');
  await seed.page.close();
});

after(async () => {
  await chrome?.close();
  await app?.close();
  await partner?.close();
  await rm(appRoot, { recursive: true, force: true });
  await rm(hostRoot, { recursive: true, force: true });
});

/** Writes the app's list of allowed origins; `null` removes the file. */
async function setList(lines) {
  const file = join(appRoot, 'frame-origins.txt');
  await rm(file, { force: true });
  if (lines !== null) await writeFile(file, `# allowed\n${lines.join('\n')}\n`);
}

/**
 * Without location.ancestorOrigins, as in Firefox: the frame has only its referrer to go by.
 * Chromium's `location.ancestorOrigins` is an own, non-configurable property that no init script
 * can remove, so the frame's script is served with that one read replaced by `undefined`.
 * Returns how many times the script was served so.
 */
async function withoutAncestorOrigins(page) {
  const served = { count: 0 };
  await page.route(/\/frame-[0-9a-f]+\.js$/, async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    const read = '= location.ancestorOrigins;';
    assert.equal(script.split(read).length, 2, 'one read of ancestorOrigins to replace');
    served.count += 1;
    await route.fulfill({ response, body: script.replace(read, '= undefined;') });
  });
  return served;
}

/**
 * Opens `host.html` on `hostOrigin`, framing the widget with `?origin=declared` and `query`.
 * Returns the page, the frame's locator and the Playwright frame.
 */
async function openHost(hostOrigin, { declared = hostOrigin, query = '', firefox = false, appOrigin = app.origin } = {}) {
  const page = await chrome.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const rewritten = firefox ? await withoutAncestorOrigins(page) : null;
  const src = `${appOrigin}/frame.html?origin=${encodeURIComponent(declared)}${query}`;
  await page.goto(`${hostOrigin}/host.html?frame=${encodeURIComponent(src)}&echo=${encodeURIComponent(`${app.origin}/echo.html`)}`);
  const widget = page.frameLocator('#widget');
  await page.locator('#widget').waitFor();
  const frame = () => page.frames().find((f) => f.url().startsWith(`${app.origin}/frame.html`));
  return { page, widget, frame, errors, rewritten, messages: () => page.evaluate(() => window.__messages) };
}

/** The path under test is the one meant: the browser's ancestorOrigins, or the referrer alone. */
async function assertPath(host) {
  assert.equal(await host.frame().evaluate(() => location.ancestorOrigins.length), 1);
  if (host.rewritten) assert.equal(host.rewritten.count, 1, 'the frame ran without ancestorOrigins');
}

/**
 * The refusal: the message shows, the app never starts, and after a round trip through the echo
 * (so anything posted before would be here) the host has received nothing. Returns the time from
 * the frame's navigation to the refusal, in ms.
 */
async function assertRefused(host, message = /Cette page n’est pas autorisée à afficher l’outil/) {
  await host.widget.getByText(message).waitFor();
  await assertPath(host);
  await host.page.evaluate(() => window.ping());
  assert.deepEqual(await host.messages(), [], 'not a single message reached the host');
  assert.equal(await host.widget.getByText(SECRET).count(), 0, 'no stored assessment shown');
  assert.equal(await host.widget.getByRole('button', { name: /Supprimer|Delete/ }).count(), 0, 'nothing to delete');
  assert.equal(await host.widget.getByText(/ajoutez son adresse|add its address/).count(), 1);
  assert.equal(await host.widget.getByRole('heading').count(), 0, 'nothing left of the first screen');
  const state = await host.frame().evaluate(() => ({
    mounted: performance.getEntriesByName('autodiag:mounted').length,
    shadow: document.querySelector('#autodiag').shadowRoot !== null,
    refused: performance.getEntriesByName('autodiag:refused')[0]?.startTime,
  }));
  assert.equal(state.mounted, 0, 'the app did not mount');
  assert.equal(state.shadow, false, 'no widget in the element');
  assert.deepEqual(host.errors, []);
  return state.refused;
}

// Each allowed frame answers one more purpose of the stored assessment (a progress event is for a
// change in the number answered), so the summary's count tells that the answers are the stored ones.
const PURPOSES = [/Cohésion sociale/, /Bien-être/, /Résilience/, /Utilisation responsable/, /Préservation/];
let allowedFrames = 0;

/** The bridge works: ready, resize, the app with the stored assessment, events, summary. */
async function assertAllowed(host, hostOrigin) {
  const has = (type) => host.page.waitForFunction((type) => window.__messages.some((m) => m.data?.type === type), type);
  await has('autodiag:ready');
  await assertPath(host);
  await has('autodiag:resize');
  await host.widget.getByText(SECRET).first().waitFor();
  await host.widget.getByRole('heading', { level: 1 }).waitFor();
  const purpose = PURPOSES[allowedFrames++];
  await host.widget.getByRole('group', { name: purpose }).getByRole('radio', { name: 'Moyenne' }).check();
  await has('autodiag:progress');
  await host.page.evaluate((o) => window.askSummary(o), app.origin);
  await has('autodiag:summary');
  const messages = await host.messages();
  assert.ok(messages.every((m) => m.from === 'widget' && m.origin === app.origin), JSON.stringify(messages));
  const summary = messages.find((m) => m.data.type === 'autodiag:summary').data;
  assert.equal(summary.source, 'autodiag37101');
  assert.equal(summary.detail.answered, 1 + allowedFrames, JSON.stringify(summary));
  assert.ok(!JSON.stringify(messages).includes(SECRET), 'no name crosses to the host');
  const mounted = await host.frame().evaluate(() => performance.getEntriesByName('autodiag:mounted')[0].startTime);
  if (hostOrigin !== app.origin) {
    // The frame's storage is its own: the host page's holds nothing.
    assert.equal(await host.page.evaluate(() => localStorage.length), 0);
  }
  assert.deepEqual(host.errors, []);
  return mounted;
}

for (const firefox of [false, true]) {
  const how = firefox ? 'by its referrer (no ancestorOrigins)' : 'by location.ancestorOrigins';
  test(`a page of another origin, not listed, is refused ${how}: no app, no message`, async (t) => {
    await setList(['https://portal.example']);
    const host = await openHost(partner.origin, { firefox });
    const ms = await assertRefused(host);
    t.diagnostic(`refusal shown ${Math.round(ms)} ms after the frame's navigation started`);
    await host.page.close();
    // In English where the frame asks for it; and declaring a listed origin changes nothing.
    const en = await openHost(partner.origin, { firefox, declared: 'https://portal.example', query: '&lang=en' });
    await assertRefused(en, /This page is not allowed to show the Autodiag ISO 37101 tool/);
    await en.page.close();
  });

  test(`a listed host gets ready, resize, events and the summary, checked ${how}`, async (t) => {
    await setList([`${partner.origin}/`, 'not an origin', 'https://portal.example']);
    const host = await openHost(partner.origin, { firefox });
    const ms = await assertAllowed(host, partner.origin);
    t.diagnostic(`app mounted ${Math.round(ms)} ms after the frame's navigation started (list fetched)`);
    // Its declared origin must be its own: a listed page naming another listed origin is refused.
    const lying = await openHost(partner.origin, { firefox, declared: 'https://portal.example' });
    await assertRefused(lying);
    await lying.page.close();
    await host.page.close();
  });
}

test('with no list, the frame’s own origin may frame it and any other is refused', async (t) => {
  for (const list of [null, (await readFile(join(DIST, 'frame-origins.txt'), 'utf8')).split('\n')]) {
    await setList(list);
    const other = await openHost(partner.origin);
    await assertRefused(other);
    await other.page.close();
    const same = await openHost(app.origin);
    const ms = await assertAllowed(same, app.origin);
    t.diagnostic(`same origin: app mounted ${Math.round(ms)} ms after the frame's navigation started`);
    await same.page.close();
  }
});

/** Polls `check` until it holds: for a signal only Playwright sees, such as a frame's address. */
async function until(check, what) {
  for (const end = Date.now() + 10_000; Date.now() < end;) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('the frame-ancestors header of the README lets the listed host frame it and blocks the others', async () => {
  const stranger = await serve(hostRoot);
  const listedHost = await serve(hostRoot);
  // The header as README.md gives it, with one partner listed: the browser's own guard, which
  // stops a page before frame.js could even run.
  const guarded = await serve(appRoot, { 'content-security-policy': `${CSP}; frame-ancestors 'self' ${listedHost.origin}` });
  try {
    await setList([stranger.origin, listedHost.origin]); // frame.js alone would let both in
    const blocked = await openHost(stranger.origin, { appOrigin: guarded.origin });
    await until(() => blocked.page.frames().some((f) => f.url().startsWith('chrome-error:')), 'the blocked frame');
    await blocked.page.evaluate(() => window.ping());
    assert.deepEqual(await blocked.messages(), []);
    assert.equal(await blocked.widget.getByText(SECRET).count(), 0);
    await blocked.page.close();
    const listed = await openHost(listedHost.origin, { appOrigin: guarded.origin });
    await listed.page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'autodiag:ready'));
    await listed.page.close();
  } finally {
    await guarded.close();
    await stranger.close();
    await listedHost.close();
  }
});
