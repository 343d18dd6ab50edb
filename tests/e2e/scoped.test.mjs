// The widget's style sheet never reaches outside the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { DIST } from './support.mjs';

test('every rule of the widget style sheet is scoped under .autodiag', async () => {
  const file = (await readdir(DIST)).find((f) => /^main-.*\.css$/.test(f));
  const css = (await readFile(`${DIST}/${file}`, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
  // Selectors are what stands before each "{" that opens a rule (at-rules aside).
  const selectors = [...css.matchAll(/([^{}]+)\{/g)]
    .map((m) => m[1].trim())
    .filter((s) => s && !s.startsWith('@') && !/^(from|to|\d+%)$/.test(s));
  assert.ok(selectors.length > 50, `${selectors.length} rules read`);
  const loose = selectors.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => !s.startsWith('.autodiag'));
  assert.deepEqual(loose, []);
});
