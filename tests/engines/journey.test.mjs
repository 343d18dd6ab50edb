// The core journey in the engines that Playwright's Chromium does not cover: Firefox ESR (what
// French administrations run) and WebKitGTK (Safari's engine, as on every iPhone), each through
// its own WebDriver server and in a fresh profile. The same code runs in both.
//
// Run under a display for WebKitGTK: xvfb-run -a node --test --test-concurrency=1 tests/engines/
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, DIST } from '../e2e/support.mjs';
import { App, ENGINES, launch } from './webdriver.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NAME = 'Commune de Multi-Moteurs';
const PURPOSES = [/Attractivité$/, /Préservation/, /Résilience/, /Utilisation responsable/, /Cohésion sociale/, /Bien-être/];
const PURPOSE_IDS = ['attractiveness', 'environment', 'resilience', 'resources', 'cohesion', 'wellbeing'];
const PRIORITIES = [['Moyenne', 'medium'], ['Élevée', 'high'], ['Faible', 'low'], ['Élevée', 'high'], ['Faible', 'low'], ['Moyenne', 'medium']];
const AREA_IDS = ['governance', 'education', 'innovation', 'health', 'culture', 'living-together', 'economy',
  'living-environment', 'safety', 'infrastructure', 'mobility', 'biodiversity'];
// Going up and down the list from one step to the next: the answer of the step left behind must
// never leak into the next one (the bug fixed in 91894d5 unchecked answers lower in the list).
const LEVELS = [4, 0, 3, 'na', 1, 'unknown', 2, 0, 4, 'unknown', 2, 'na'];
const LEVEL_LABEL = { na: /^Sans objet/, unknown: /^Nous ne savons pas/ };
const levelLabel = (l) => LEVEL_LABEL[l] ?? new RegExp(`^${l} – `);
const levelValue = (l) => String(l);

/** What the quick walk must have stored, in the stored format. */
function assertAnswers(stored, where) {
  assert.equal(stored.community.name, NAME, where);
  assert.equal(stored.mode, 'quick', where);
  for (const [i, id] of PURPOSE_IDS.entries()) {
    assert.equal(stored.purposes[id]?.priority, PRIORITIES[i][1], `${where}: purpose ${id}`);
  }
  for (const [i, id] of AREA_IDS.entries()) {
    assert.equal(stored.areas[id]?.level, LEVELS[i], `${where}: area ${id}`);
  }
}

/** On the current step, the checked radios are exactly the stored answers, nothing more. */
async function assertStepShows(app, step, where) {
  const shown = await app.checkedOnStep();
  if (step === 1) {
    assert.equal(shown.length, 6, `${where}: 6 purposes asked`);
    for (const [i, q] of shown.entries()) {
      assert.match(q.legend, PURPOSES[i], where);
      assert.deepEqual(q.checked, [PRIORITIES[i][1]], `${where}: ${q.legend}`);
    }
  } else {
    const level = shown.find((q) => /^Niveau actuel/.test(q.legend));
    assert.ok(level, `${where}: the level is asked`);
    assert.deepEqual(level.checked, [levelValue(LEVELS[step - 2])], `${where}: ${AREA_IDS[step - 2]}`);
    assert.deepEqual(shown.filter((q) => q !== level).flatMap((q) => q.checked), [], `${where}: nothing else checked`);
  }
}

/** What each engine showed where the app may degrade, printed at the end. */
const behaviour = {};

/** dist/ as links, but for the on-demand module's `part` (glue or wasm), changed. */
async function tamperedCopy(part) {
  const dir = await mkdtemp(join(tmpdir(), 'autodiag-tampered-'));
  const pattern = part === 'glue' ? /^extras-[0-9a-f]+\.js$/ : /^extras-[0-9a-f]+_bg\.wasm$/;
  for (const name of await readdir(DIST)) {
    if (!pattern.test(name)) {
      await symlink(join(DIST, name), join(dir, name));
      continue;
    }
    const body = await readFile(join(DIST, name));
    if (part === 'glue') {
      await writeFile(join(dir, name), Buffer.concat([Buffer.from('globalThis.__tampered = true;\n'), body]));
    } else {
      body[body.length - 1] ^= 1;
      await writeFile(join(dir, name), body);
    }
  }
  return { dir };
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let server;
    let browser;
    let app;
    let exported;
    let started;
    const note = (what, value) => { (behaviour[engine] ??= {})[what] = value; };

    before(async () => {
      started = Date.now();
      server = await serve();
      browser = await launch(engine);
      app = new App(browser.driver, server.origin);
      note('version', (await browser.driver.getCapabilities()).get('browserVersion'));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      note('journey seconds', ((Date.now() - started) / 1000).toFixed(1));
    });

    test('a quick assessment: 6 purposes and 12 areas answered by clicking the labels', async () => {
      await app.goto('/');
      await app.clearStorage();
      await app.startNew(NAME);
      assert.equal(await app.stepOf(), 'Étape 1 sur 15');
      for (const [i, p] of PURPOSES.entries()) await app.answer(p, PRIORITIES[i][0]);
      for (const [i, level] of LEVELS.entries()) {
        await app.next();
        await app.atStep(i + 2);
        await app.answer(/^Niveau actuel/, levelLabel(level));
      }
      await app.next();
      await app.text(/^Toutes les questions ont une réponse\.$/);
      const [stored] = await app.stored();
      assertAnswers(stored, 'stored after the walk');
    });

    test('back through every step, each shows exactly its stored answer', async () => {
      for (let step = 13; step >= 1; step--) {
        await app.previous();
        await app.atStep(step);
        await assertStepShows(app, step, `step ${step}, going back`);
      }
    });

    test('a reload finds every answer again', async () => {
      await app.reload();
      await app.atStep(1);
      await assertStepShows(app, 1, 'step 1 after reload');
      for (let step = 2; step <= 13; step++) {
        await app.next();
        await app.atStep(step);
        await assertStepShows(app, step, `step ${step} after reload`);
      }
      assertAnswers((await app.stored())[0], 'stored after reload');
    });

    test('the JSON copy is downloaded, then opened on an empty storage: the same answers', async () => {
      await app.gotoStep(/Profil de maturité/);
      exported = await app.download(/^Télécharger une copie \(JSON\)$/);
      assert.match(exported.name ?? '', /\.json$/, 'a .json file name');
      const json = JSON.parse(exported.text);
      assertAnswers(json, 'the exported file');
      if (engine === 'firefox') {
        // Firefox really saves it, in the folder its profile names.
        const saved = await browser.driver.wait(async () => (await readdir(browser.downloads).catch(() => []))
          .find((f) => f === exported.name), 20_000, 'the file lands in the download folder');
        assert.deepEqual(JSON.parse(await readFile(join(browser.downloads, saved), 'utf8')), json);
        note('download', 'saved to the download folder');
      } else {
        // WebKitWebDriver has no download folder to set: the Blob the app offers is the file.
        note('download', 'Blob offered by the page (read through URL.createObjectURL)');
      }

      const dir = await mkdtemp(join(tmpdir(), 'autodiag-import-'));
      try {
        const file = join(dir, exported.name);
        await writeFile(file, exported.text);
        await app.clearStorage();
        assert.deepEqual(await app.stored(), []);
        const input = await app.field(/^Ouvrir un fichier d’autodiagnostic/);
        await input.sendKeys(file);
        await app.text(`« ${NAME} » a été ajouté à la liste.`);
        // The app saves right after it renders the message: wait for the write itself.
        await browser.driver.wait(async () => (await app.stored()).length === 1, 20_000, 'the import is saved');
        const [imported] = await app.stored();
        assertAnswers(imported, 'stored after import');
        assert.equal(imported.id, json.id);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    test('a share link opened in a fresh profile imports the same answers after consent', async () => {
      await app.click(`Reprendre – ${NAME}`);
      await app.gotoStep(/Profil de maturité/);
      const streams = await browser.driver.executeScript(`
        try { new CompressionStream('deflate-raw'); new DecompressionStream('deflate-raw'); return 'deflate-raw'; }
        catch (e) { return 'missing: ' + e; }`);
      note('CompressionStream', streams);
      await app.click('Partager par un lien ou un QR code');
      await app.text(/^Partager cet autodiagnostic$/);
      if (streams !== 'deflate-raw') {
        // Without the streams the panel opens and offers no link: the rest of the app must go on.
        note('share link', 'degraded: no link offered');
        assert.equal(await app.run(`return !!ROOT.querySelector('input.share-link')`), false);
        await app.click(/^Télécharger une copie \(JSON\)$/);
        return;
      }
      const box = await app.field('Lien de partage');
      await browser.driver.wait(async () => (await box.getAttribute('value')) !== '', 20_000, 'the link is made');
      const link = await box.getAttribute('value');
      assert.match(link, new RegExp(`^${server.origin}/#share=1\\.[A-Za-z0-9_-]+$`));
      const [original] = await app.stored();

      const other = await launch(engine);
      try {
        const receiver = new App(other.driver, server.origin);
        await receiver.goto(link);
        await receiver.text(`Ce lien contient l’autodiagnostic « ${NAME} ». L’importer dans ce navigateur ?`);
        assert.deepEqual(await receiver.stored(), [], 'nothing imported before the user says so');
        await receiver.click(/^Importer$/);
        await receiver.driver.wait(async () => (await receiver.stored()).length === 1, 20_000, 'imported');
        const [received] = await receiver.stored();
        assert.equal(received.id, original.id);
        assert.deepEqual(received.areas, original.areas);
        assert.deepEqual(received.purposes, original.purposes);
        assert.equal(await other.driver.executeScript('return location.hash'), '', 'the link is forgotten');
        note('share link', 'round trip');
      } finally {
        await other.close();
      }
    });

    test('the workshop\'s show of hands, drawn by the on-demand module, keeps each count', async () => {
      await app.goto('/');
      await app.clearStorage();
      await app.click(/^Vote à main levée/);
      await app.loaded();
      const box = await app.until('the tally box « 3 » of Mobilité', `
        const set = [...ROOT.querySelectorAll('fieldset')].find((f) => TEXT(f.querySelector('legend')) === 'Mobilité');
        return set && [...set.querySelectorAll('input')].find((i) => /^3 – /.test(TEXT(i.labels[0])));`);
      await box.clear();
      // No Tab key: geckodriver types it into a number box (which then reads as empty). The
      // click below moves focus, and the change is sent, as when a person clicks.
      await box.sendKeys('7');
      await app.click(/^Voir la synthèse$/);
      await app.text(/^Décompte à main levée\s?: jusqu’à 7 réponses par question\.$/);
      note('workshop', 'tally counted, merged view drawn');
    });

    test('the offline single file runs from file:// and keeps its answers over a reload', async () => {
      const url = pathToFileURL(join(DIST, 'autodiag-37101-offline.html')).href;
      const offline = new App(browser.driver, 'file://');
      await offline.goto(url);
      await offline.clearStorage();
      await offline.startNew('Salle des fêtes');
      await offline.answer(PURPOSES[0], 'Élevée');
      await offline.next();
      await offline.atStep(2);
      await offline.answer(/^Niveau actuel/, /^3 – /);
      await offline.reload();
      await offline.atStep(2);
      const shown = await offline.checkedOnStep();
      assert.deepEqual(shown.find((q) => /^Niveau actuel/.test(q.legend))?.checked, ['3']);
      const [saved] = await offline.stored();
      assert.equal(saved.community.name, 'Salle des fêtes');
      assert.equal(saved.purposes.attractiveness.priority, 'high');
      assert.equal(saved.areas.governance.level, 3);
      // The profile's module is in the file too: no fetch, no import().
      await offline.gotoStep(/Profil de maturité/);
      await offline.text(/^Plan d’action$/);
      note('file://', 'mounts, saves, reloads, opens the profile');
    });

    test('the embed demo under a strict CSP: both widgets mount, answer, keep their own data', async () => {
      const strict = await serve(undefined, { 'content-security-policy': CSP });
      try {
        const commune = new App(browser.driver, strict.origin, '#commune [data-autodiag]');
        const atelier = new App(browser.driver, strict.origin, '#atelier [data-autodiag]');
        await commune.goto('/embed.html');
        await commune.clearStorage();
        // Violations from here on are caught; one at load would have stopped the mount above.
        await browser.driver.executeScript(`
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
        assert.equal(await browser.driver.executeScript(
          `return [...document.querySelectorAll('[data-autodiag]')].filter((h) => h.shadowRoot?.querySelector('.autodiag')).length`), 2);
        // The accent colour goes through the CSSOM (no style attribute), so it must apply here too.
        const accent = await commune.run(`
          const b = [...ROOT.querySelectorAll('button')].find((b) => TEXT(b) === 'Commencer');
          return getComputedStyle(b).backgroundColor;`);
        assert.equal(accent, 'rgb(31, 78, 140)');
        await commune.startNew('Commune de l’Embed');
        await commune.answer(PURPOSES[0], 'Élevée');
        await atelier.startNew('Workshop of the valley', null);
        await atelier.answer(/Attractiveness$/, 'Low');
        const [c] = await commune.stored('commune');
        const [a] = await atelier.stored('atelier');
        assert.equal(c.purposes.attractiveness.priority, 'high');
        assert.equal(a.purposes.attractiveness.priority, 'low');
        assert.deepEqual(await commune.stored('default'), [], 'no widget wrote outside its namespace');
        assert.deepEqual(await browser.driver.executeScript('return window.__violations'), []);
        const styled = await browser.driver.executeScript(`
          const found = [];
          const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.hasAttribute('style')) found.push(el.tagName); if (el.shadowRoot) walk(el.shadowRoot); } };
          walk(document);
          return found;`);
        assert.deepEqual(styled, [], 'no style attribute anywhere');
        // Both profiles, from one on-demand module fetched once, under the same policy.
        await commune.gotoStep(/Profil de maturité/);
        await commune.text(/^Plan d’action$/);
        await atelier.gotoStep(/Maturity profile/);
        await atelier.text(/^Action plan$/);
        await commune.text(/^Plan d’action$/);
        const fetched = await browser.driver.executeScript(`return performance.getEntriesByType('resource')
          .map((e) => e.name).filter((n) => /extras-[0-9a-f]+(_bg[.]wasm|[.]js)$/.test(n))`);
        assert.equal(fetched.length, 2, fetched.join('\n'));
        assert.deepEqual(await browser.driver.executeScript('return window.__violations'), []);
      } finally {
        await strict.close();
      }
    });

    for (const part of ['wasm', 'glue']) {
      test(`an on-demand ${part} changed on the server is refused, said so, and never runs`, async () => {
        const copy = await tamperedCopy(part);
        const served = await serve(copy.dir);
        try {
          const app = new App(browser.driver, served.origin);
          await app.goto('/');
          await app.clearStorage();
          await app.startNew('Commune de Contrôle');
          await app.answer(PURPOSES[0], 'Élevée');
          const before = await app.stored();
          await app.gotoStep(/Profil de maturité/);
          await app.text(/^Cette partie de l’outil n’a pas pu être chargée/);
          assert.equal(await browser.driver.executeScript('return globalThis.__tampered ?? false'), false);
          assert.deepEqual(await app.stored(), before, 'nothing stored changed');
          note(`changed ${part}`, 'refused');
        } finally {
          await served.close();
          await rm(copy.dir, { recursive: true, force: true });
        }
      });
    }
  });
}

after(() => {
  console.log(`engines: ${JSON.stringify(behaviour, null, 2)}`);
});
