// The weight and request budget of the app's page (RGESN criterion 6.1), stated in budget.json
// and in the README: what index.html makes a browser download on a first visit, each file as
// shipped: its precompressed copy (`.gz`, `.br`, scripts/precompress.mjs) where the build makes
// one, else the file compressed as a server would (gzip -9, Brotli 11). Sizes are deterministic,
// so this is a test; times stay in the benchmark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { DIST, firstVisitFiles, englishPacks, shippedSize as shipped } from './support.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

test('the app page keeps within its weight and request budget', async () => {
  const budget = JSON.parse(await readFile(join(ROOT, 'budget.json'), 'utf8'));
  const files = await firstVisitFiles(budget.page);
  assert.ok(files.some((f) => f.endsWith('.wasm')), `the wasm is counted: ${files}`);
  assert.ok(files.some((f) => f.endsWith('.css')), 'the style sheet is counted');
  let [total, totalBr] = [0, 0];
  const lines = [];
  for (const f of files) {
    const [gz, br] = [await shipped(f, 'gz'), await shipped(f, 'br')];
    total += gz;
    totalBr += br;
    lines.push(`${f}: ${gz} B gzip, ${br} B brotli`);
  }
  const report = `${lines.join('\n')}\ntotal ${total} B gzip, ${totalBr} B brotli in ${files.length} requests`;
  console.log(report);
  assert.ok(total <= budget.max_gzip_bytes, `over the budget of ${budget.max_gzip_bytes} B gzip:\n${report}`);
  assert.ok(totalBr <= budget.max_brotli_bytes, `over the budget of ${budget.max_brotli_bytes} B brotli:\n${report}`);
  assert.ok(files.length <= budget.max_requests, `over the budget of ${budget.max_requests} requests:\n${report}`);
  assert.ok(!files.some((f) => f.startsWith('lang-')), 'a French visit loads no other language');
});

test('the on-demand module is out of a first visit, and within its own budget', async () => {
  const budget = JSON.parse(await readFile(join(ROOT, 'budget.json'), 'utf8'));
  const files = await firstVisitFiles(budget.page);
  assert.ok(!files.some((f) => f.startsWith('extras-')), `a first visit names no on-demand file: ${files}`);
  // What the loader names, and only that: the glue and its wasm.
  const loader = files.find((f) => /^loader-.*\.js$/.test(f));
  const js = await readFile(join(DIST, loader), 'utf8');
  const named = [...new Set([...js.matchAll(/'(extras-[0-9a-f]+(?:_bg\.wasm|\.js))'/g)].map((m) => m[1]))];
  assert.equal(named.length, 2, `the loader names the glue and the wasm: ${named}`);
  let [gz, br] = [0, 0];
  for (const f of named) {
    gz += await shipped(f, 'gz');
    br += await shipped(f, 'br');
  }
  const report = `${named.join(', ')}: ${gz} B gzip, ${br} B brotli`;
  console.log(report);
  assert.ok(gz <= budget.on_demand.max_gzip_bytes, `over ${budget.on_demand.max_gzip_bytes} B gzip: ${report}`);
  assert.ok(br <= budget.on_demand.max_brotli_bytes, `over ${budget.on_demand.max_brotli_bytes} B brotli: ${report}`);
});

test('an English visit adds one request, the English texts, within their budget', async () => {
  const budget = JSON.parse(await readFile(join(ROOT, 'budget.json'), 'utf8'));
  const packs = await englishPacks(budget.page);
  assert.equal(packs.length, 1, 'the page names the English texts once');
  const gz = await shipped(packs[0], 'gz');
  console.log(`${packs[0]}: ${gz} B gzip`);
  assert.ok(gz <= budget.max_english_gzip_bytes, `${packs[0]} is ${gz} B, over ${budget.max_english_gzip_bytes} B`);
});

test('each precompressed copy of a first visit\'s files holds exactly that file', async () => {
  const budget = JSON.parse(await readFile(join(ROOT, 'budget.json'), 'utf8'));
  let checked = 0;
  for (const f of await firstVisitFiles(budget.page)) {
    const data = await readFile(join(DIST, f));
    for (const [ext, unpack] of [['gz', gunzipSync], ['br', brotliDecompressSync]]) {
      let packed;
      try {
        packed = await readFile(join(DIST, `${f}.${ext}`));
      } catch {
        continue;
      }
      assert.ok(unpack(packed).equals(data), `${f}.${ext} is ${f}`);
      checked++;
    }
  }
  assert.ok(checked >= 6, `${checked} copies checked`);
});
