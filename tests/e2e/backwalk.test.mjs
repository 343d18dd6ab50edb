// Every answer shown where it was given, however a person moves: forward, back through every step
// with « Précédent », jumping through « Étapes », after a language switch and after a reload, in
// quick and full mode, French and English, standalone and embedded. On every step, each control
// (radios, check boxes, text fields, text areas, drop-downs) must show exactly what was answered.
//
// The answers are random (a seeded generator, the seed printed), so each run walks another path;
// `AUTODIAG_SEED=n` replays one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, AutodiagPage } from './support.mjs';

const env = useServedApp();
const SEED = Number(process.env.AUTODIAG_SEED ?? Date.now() % 1_000_000);

/** A small seeded generator (mulberry32): the same seed gives the same walk. */
function random(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * What every control of the current step shows, by the control's name (radios) or id: the checked
 * radio's value ('' when none), whether a box is ticked, a field's text, a drop-down's value.
 */
function controls(app) {
  return app.within.evaluate((host) => {
    const root = host.shadowRoot ?? host;
    const step = root.querySelector('section.step');
    const shown = {};
    for (const el of step.querySelectorAll('input, textarea, select')) {
      if (el.type === 'radio') {
        shown[`radio:${el.name}`] ??= '';
        if (el.checked) shown[`radio:${el.name}`] = el.value;
      } else if (el.type === 'checkbox') {
        shown[`box:${el.id}`] = el.checked;
      } else {
        shown[`field:${el.id}`] = el.value;
      }
    }
    return shown;
  });
}

/** "Étape 3 sur 14" → 3, in either language. */
async function stepNumber(app) {
  return Number((await app.stepOf()).match(/\d+/)[0]);
}

async function stepCount(app) {
  return Number((await app.stepOf()).match(/(\d+)$/)[1]);
}

const WORDS = ['Délibération du conseil', 'voir le PCAET', 'bilan 2025', 'réunion publique',
  '« Agenda 2030 »', 'Schéma vélo intercommunal', 'données du SIG', 'à vérifier'];

/**
 * Answers the current step as a person would, by roles and labels: one random option in each
 * question (sometimes cleared again with « Effacer la réponse »), text in some fields, a choice in
 * some drop-downs. Returns nothing: what the step then shows is read by `controls`.
 */
async function answerStep(app, rnd) {
  const step = app.within.locator('section.step');
  const groups = step.getByRole('group');
  let answeredOne = false;
  for (let g = 0; g < (await groups.count()); g++) {
    const group = groups.nth(g);
    const radios = group.getByRole('radio');
    const n = await radios.count();
    // Some questions stay unanswered, some are cleared again; the first of each step is always
    // answered, so that every seed walks through answers on every step.
    if (n === 0) continue;
    const first = !answeredOne;
    answeredOne = true;
    if (!first && rnd(5) === 0) continue;
    await radios.nth(rnd(n)).check();
    const clear = group.getByRole('button', { name: /Effacer la réponse|Clear the answer/ });
    if (!first && rnd(8) === 0 && await clear.count()) await clear.click();
  }
  const fields = step.getByRole('textbox');
  for (let f = 0; f < (await fields.count()); f++) {
    if (rnd(2) === 0) continue;
    const field = fields.nth(f);
    if (await field.getAttribute('required') !== null) continue; // The name stays as created.
    const lines = [WORDS[rnd(WORDS.length)], WORDS[rnd(WORDS.length)]];
    const multiline = (await field.evaluate((el) => el.tagName)) === 'TEXTAREA';
    await field.fill(lines.join(multiline ? '\n' : ' '));
  }
  const lists = step.getByRole('combobox');
  for (let s = 0; s < (await lists.count()); s++) {
    const list = lists.nth(s);
    const options = await list.locator('option').allTextContents();
    await list.selectOption({ label: options[rnd(options.length)] });
  }
  const date = step.getByLabel(/Date de l’autodiagnostic|Date of the self-assessment/);
  if (await date.count()) await date.fill(`2026-${String(1 + rnd(12)).padStart(2, '0')}-1${rnd(10)}`);
}

/**
 * Walks forward from the current step to the last one, answering each step; returns what each
 * step showed once answered, by step number.
 */
async function walkForward(app, rnd) {
  const shown = new Map();
  for (;;) {
    const n = await stepNumber(app);
    if (await app.within.locator('section.step').getByRole('group').count()) {
      await answerStep(app, rnd);
    }
    shown.set(n, await controls(app));
    if (n === (await stepCount(app))) return shown;
    await app.next();
    await reached(app, n + 1);
  }
}

/** Waits until step `n` is shown. */
async function reached(app, n) {
  await app.within.getByText(new RegExp(`^(Étape|Step) ${n} (sur|of) \\d+$`)).waitFor();
}

/** Goes to step `n` through the step menu (unless already there: the menu would stay open). */
async function jump(app, n) {
  if (await stepNumber(app) === n) return;
  await app.gotoStep(new RegExp(`^${n}\\. `));
  await reached(app, n);
}

/** Asserts the current step shows what it showed when it was answered. */
async function assertShown(app, shown, how) {
  const n = await stepNumber(app);
  assert.deepEqual(await controls(app), shown.get(n), `step ${n}, ${how} (seed ${SEED})`);
}

/** Back through every step with « Précédent », checking each. */
async function walkBack(app, shown, how) {
  let n = await stepNumber(app);
  await assertShown(app, shown, how);
  while (n > 1) {
    await app.previous();
    n -= 1;
    await reached(app, n);
    await assertShown(app, shown, how);
  }
}

/** Jumps through the step menu in a random order, checking each step reached. */
async function jumpAround(app, shown, rnd, how) {
  const total = await stepCount(app);
  const order = [...Array(total).keys()].map((i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const n of order) {
    await jump(app, n);
    await assertShown(app, shown, `${how}, jumped to through the step menu`);
  }
}

/** How many questions the progress bar counts as answered. */
async function answeredCount(app) {
  return Number(await app.within.getByRole('progressbar').getAttribute('value'));
}

/**
 * The whole walk for one widget: answer forward, back with « Précédent », jump through « Étapes »,
 * switch language and walk back again, reload and walk back again.
 */
async function everyWay(app, { mode, lang, other }) {
  const rnd = random(SEED + mode.length + lang.length);
  await app.startNew(lang === 'fr' ? `Commune témoin ${SEED}` : `Test town ${SEED}`,
    mode === 'full' ? /Complète|Full/ : mode === 'quick' ? /Rapide|Quick/ : null);
  if (mode === 'full') {
    // The scope decides how many steps there are: leave one area out first, so that step numbers
    // mean the same step for the rest of the walk.
    await app.next();
    await reached(app, 2);
    await app.within.getByRole('checkbox', { name: lang === 'fr' ? 'Mobilité' : 'Mobility' }).uncheck();
    await app.previous();
    await reached(app, 1);
  }
  const shown = await walkForward(app, rnd);
  assert.ok(await answeredCount(app) > 0, 'the walk answered questions');
  // Every step that asks something shows at least one answer.
  for (const [n, controls] of shown) {
    const radios = Object.entries(controls).filter(([k]) => k.startsWith('radio:'));
    if (radios.length) assert.ok(radios.some(([, v]) => v !== ''), `step ${n} shows an answer`);
  }

  await walkBack(app, shown, 'back with « Précédent »');
  await jumpAround(app, shown, rnd, 'in any order');

  await app.chooseLanguage(other);
  const last = await stepCount(app);
  await jump(app, last);
  await walkBack(app, shown, `after switching to ${other}`);

  await jump(app, last - 2);
  await app.reload();
  assert.equal(await stepNumber(app), last - 2, 'a reload comes back to the same step');
  await walkBack(app, shown, 'after a reload');
  assert.deepEqual(app.errors, []);
}

for (const [mode, lang] of [['quick', 'fr'], ['quick', 'en'], ['full', 'fr'], ['full', 'en']]) {
  test(`${mode} mode in ${lang === 'fr' ? 'French' : 'English'}: every answer shown on every step, however one moves (seed ${SEED})`, async () => {
    const app = await AutodiagPage.fresh(env.chrome.context, env.server.origin);
    if (lang === 'en') await app.chooseLanguage('English');
    await everyWay(app, { mode, lang, other: lang === 'fr' ? 'English' : 'Français' });
    await app.page.close();
  });
}

test(`embedded in a portal, two widgets on one page: every answer shown on every step (seed ${SEED})`, async () => {
  const page = await env.chrome.context.newPage();
  const commune = new AutodiagPage(page, env.server.origin, '#commune [data-autodiag]');
  const atelier = new AutodiagPage(page, env.server.origin, '#atelier [data-autodiag]');
  await commune.goto('/embed.html');
  await page.evaluate(() => localStorage.clear());
  await commune.reload();
  await everyWay(commune, { mode: 'full', lang: 'fr', other: 'English' });
  // The portal's English widget allows quick mode only: nothing to choose.
  await everyWay(atelier, { mode: 'only', lang: 'en', other: 'Français' });
  await page.close();
});
