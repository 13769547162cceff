// End-to-end scenarios of the Hark desktop app, driven through tauri-driver (which must already
// be listening, see scripts/e2e.sh) with WebdriverIO's standalone `remote()`.
//
//   node run.mjs                      every scenario
//   node run.mjs persian-rtl audit    only the scenarios whose names contain one of the words
//
// Each scenario gets a fresh database in its own temporary folder and saves PNG screenshots in
// target/e2e/. The last line printed is `E2E: N passed, N failed`; the exit code is 1 when any
// scenario failed. Results and the measured timings are also written to target/e2e/results.json.
import { execFileSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
const APP = resolve(process.env.HARK_E2E_APP ?? join(TARGET, 'debug/hark-desktop'));
const CLI = resolve(process.env.HARK_E2E_CLI ?? join(TARGET, 'debug/hark'));
const OUT = join(TARGET, 'e2e');
const DRIVER_HOST = '127.0.0.1';
const DRIVER_PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const KEEP_TEMP = process.env.HARK_E2E_KEEP === '1';

const DEMO = join(ROOT, 'assets/demo');
const BULK_FILES = 3000; // hard links: an import that lasts a few seconds, to see it run
const WAIT = 20_000; // ms for an ordinary UI change (the debug build is slow to start)
const FA_CATALOG = JSON.parse(readFileSync(join(ROOT, 'ui/src/lib/i18n/fa.json'), 'utf8'));
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/;
const ASCII_DIGIT = /[0-9]/;

// The demo calls' lengths in seconds (ffprobe; the MP3s without their encoder padding, as
// Hark reads them), by file name.
const DEMO_DURATIONS = {
  'in-5555550119-4401-20261104-085841-1793782721.9.wav': 26.248,
  'in-5555550131-4520-20261105-162218-1793895738.142.wav': 29.945,
  'in-5555550142-4401-20261102-091405-1793610845.11.wav': 36.779,
  'in-5555550188-4512-20261102-100247-1793613767.37.wav': 35.182,
  'in-5555550123-4403-20261102-143112-1793629872.58.mp3': 40.55,
  'out-5555550177-4403-20261103-112009-1793704809.104.mp3': 30.85,
  'out-5555550164-4520-20261103-154530-1793720730.131.flac': 36.056,
  'in-5555550150-4517-20261104-130755-1793797675.66.ogg': 33.795,
};

// ---------------------------------------------------------------------------------------------
// Helpers

class Check extends Error {}

function check(condition, message) {
  if (!condition) throw new Check(message);
}

function log(message) {
  console.log(`  ${message}`);
}

/** Runs the `hark` command line on a database and returns its standard output. */
function hark(db, ...args) {
  return execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function sqlite(db, sql) {
  return execFileSync('sqlite3', ['-readonly', db, sql], { encoding: 'utf8' }).trim();
}

/** Formats seconds as the library does: rounded to whole seconds, m:ss. */
function mss(seconds) {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Opens the app on `db` in a new WebDriver session and waits for its UI to have rendered. */
async function openApp(db) {
  const browser = await remote({
    hostname: DRIVER_HOST,
    port: DRIVER_PORT,
    logLevel: 'error',
    connectionRetryCount: 1,
    connectionRetryTimeout: 120_000,
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP, args: ['--db', db] },
    },
  });
  browser.setTimeout({ implicit: 0 }).catch(() => {});
  await browser.waitUntil(
    async () =>
      browser.execute(
        () =>
          document.readyState === 'complete' &&
          document.querySelector('[data-testid="first-run"], [data-testid="nav-library"]') !== null,
      ),
    { timeout: 60_000, interval: 200, timeoutMsg: 'the app did not show its first screen within 60 s' },
  );
  return browser;
}

async function closeApp(browser) {
  if (!browser) return;
  try {
    await browser.deleteSession();
  } catch (error) {
    log(`(closing the session failed: ${error.message})`);
  }
}

const byId = (browser, id) => browser.$(`[data-testid="${id}"]`);

async function waitDisplayed(browser, id, timeout = WAIT) {
  const element = await byId(browser, id);
  await element.waitForDisplayed({ timeout, timeoutMsg: `[data-testid="${id}"] was not shown within ${timeout} ms` });
  return element;
}

async function waitFor(browser, condition, message, timeout = WAIT) {
  let last;
  try {
    await browser.waitUntil(
      async () => {
        last = await condition();
        return Boolean(last);
      },
      { timeout, interval: 100 },
    );
  } catch {
    throw new Check(`${message} (still false after ${timeout} ms)`);
  }
  return last;
}

async function screenshot(browser, name) {
  // Let the page paint what the last step changed: the screenshot can lag the DOM otherwise.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const path = join(OUT, name);
  await browser.saveScreenshot(path);
  log(`screenshot ${join('target/e2e', name)}`);
}

/** The visible library rows as plain objects, read in one round trip. */
async function libraryRows(browser) {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="library-row"]')).map((row) => {
      const cell = (id) => row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
      return {
        id: row.getAttribute('data-recording-id'),
        rowIndex: Number(row.getAttribute('aria-rowindex')),
        start: cell('cell-start'),
        duration: cell('cell-duration'),
        agent: cell('cell-agent'),
        fileName: cell('cell-fileName'),
      };
    }),
  );
}

/**
 * The rendered text of an element (innerText, whitespace collapsed). Not WebDriver's Get Element
 * Text: WebKitWebDriver leaves out some visible text there (the profile name in the nav rail).
 */
async function textOf(browser, id) {
  return browser.execute(
    (testId) => document.querySelector(`[data-testid="${testId}"]`)?.innerText.replace(/\s+/g, ' ').trim() ?? null,
    id,
  );
}

/** Picks an option of a <select> by value, as a person would (click the option). */
async function choose(browser, id, value) {
  const select = await waitDisplayed(browser, id);
  await select.selectByAttribute('value', value);
  await waitFor(browser, async () => (await select.getValue()) === value, `${id} did not take the value ${value}`);
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const scenarios = [];
const timings = {};

function scenario(name, body) {
  scenarios.push({ name, body });
}

scenario('first-run-and-demo', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  const browser = use(await openApp(db));

  await waitDisplayed(browser, 'first-run');
  await screenshot(browser, 'first-run-en.png');
  await (await waitDisplayed(browser, 'profile-name')).setValue('Dana QA');
  await choose(browser, 'profile-role', 'reviewer');
  await (await byId(browser, 'profile-create')).click();

  await waitDisplayed(browser, 'current-user');
  const userText = await textOf(browser, 'current-user');
  check(userText.includes('Dana QA'), `current-user shows "${userText}", not Dana QA`);
  check(/reviewer/i.test(userText), `current-user shows "${userText}", without the Reviewer role`);

  const loadDemo = await waitDisplayed(browser, 'load-demo');
  await loadDemo.click();
  await waitFor(browser, async () => (await libraryRows(browser)).length === 8, 'the library did not show 8 rows', 60_000);

  const count = await textOf(browser, 'library-count');
  check(/\b8\b/.test(count), `library-count says "${count}", not 8 recordings`);

  const rows = await libraryRows(browser);
  const seen = rows.map((row) => `${row.fileName} ${row.duration}`);
  log(`durations: ${rows.map((row) => row.duration).join(', ')}`);
  for (const [file, seconds] of Object.entries(DEMO_DURATIONS)) {
    const row = rows.find((r) => r.fileName === file);
    check(row, `no row for ${file}; rows: ${seen.join('; ')}`);
    check(row.duration === mss(seconds), `${file}: duration shown "${row.duration}", expected ${mss(seconds)} (${seconds} s)`);
  }
  check(rows.some((row) => row.duration === '0:37'), 'the 36.779 s call is not shown as 0:37');
  check(new Set(rows.map((row) => row.id)).size === 8, 'rows do not have 8 distinct data-recording-id values');

  await screenshot(browser, 'library-demo-en.png');
});

scenario('filter-by-agent', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'admin');
  hark(db, 'demo');
  const browser = use(await openApp(db));

  await waitDisplayed(browser, 'library-table');
  await waitFor(browser, async () => (await libraryRows(browser)).length === 8, 'the library did not show 8 rows');
  const agentSelect = await byId(browser, 'filter-agent');
  await waitFor(
    browser,
    async () => browser.execute((el) => Array.from(el.options).some((o) => o.value === 'Emma Clarke'), agentSelect),
    'filter-agent has no option for Emma Clarke',
  );
  await choose(browser, 'filter-agent', 'Emma Clarke');

  const rows = await waitFor(
    browser,
    async () => {
      const rows = await libraryRows(browser);
      return rows.length === 2 ? rows : null;
    },
    'the agent filter did not leave exactly 2 rows',
  );
  for (const row of rows) check(row.agent === 'Emma Clarke', `a filtered row shows agent "${row.agent}"`);
  const count = await textOf(browser, 'library-count');
  check(/\b2\b/.test(count), `library-count says "${count}" after filtering, not 2`);

  await screenshot(browser, 'library-filter-agent.png');
});

scenario('persian-rtl', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'admin');
  hark(db, 'demo');
  let browser = use(await openApp(db));

  await (await waitDisplayed(browser, 'nav-settings')).click();
  await choose(browser, 'locale-select', 'fa');

  const documentLocale = () =>
    browser.execute(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
  await waitFor(
    browser,
    async () => {
      const { dir, lang } = await documentLocale();
      return dir === 'rtl' && lang.startsWith('fa');
    },
    '<html> did not get dir="rtl" lang="fa…"',
  );
  const libraryLabel = FA_CATALOG['nav.library'];
  const navText = await textOf(browser, 'nav-library');
  check(navText === libraryLabel, `nav-library says "${navText}", expected the Persian "${libraryLabel}"`);
  check(/[\u0600-\u06FF]/.test(await textOf(browser, 'nav-settings')), 'nav-settings is not in Persian');
  await screenshot(browser, 'settings-fa.png');

  await (await byId(browser, 'nav-library')).click();
  await waitDisplayed(browser, 'library-table');
  await waitFor(browser, async () => (await libraryRows(browser)).length === 8, 'the library did not show 8 rows');

  const boxes = await browser.execute(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const nav = document.querySelector('[data-testid="nav-library"]').closest('nav') ?? document.querySelector('[data-testid="nav-library"]');
    return { nav: box(nav), table: box(document.querySelector('[data-testid="library-table"]')), width: window.innerWidth };
  });
  log(`layout: nav ${Math.round(boxes.nav.left)}–${Math.round(boxes.nav.right)}, table ${Math.round(boxes.table.left)}–${Math.round(boxes.table.right)}, window ${boxes.width}`);
  check(boxes.nav.left > boxes.table.left, 'the nav rail is not on the right of the library table');
  check(boxes.nav.left >= boxes.table.right - 1, 'the nav rail overlaps the library table');

  const rows = await libraryRows(browser);
  for (const row of rows) {
    check(PERSIAN_DIGIT.test(row.start) && !ASCII_DIGIT.test(row.start), `date "${row.start}" is not written in Persian digits`);
    check(PERSIAN_DIGIT.test(row.duration) && !ASCII_DIGIT.test(row.duration), `duration "${row.duration}" is not written in Persian digits`);
  }
  log(`first date: ${rows[0].start}`);
  const count = await textOf(browser, 'library-count');
  check(count.includes('۸') && !ASCII_DIGIT.test(count), `library-count says "${count}", not ۸ in Persian digits`);
  await screenshot(browser, 'library-fa.png');

  // The language is remembered: start the app again on the same database.
  await closeApp(browser);
  browser = use(await openApp(db));
  await waitDisplayed(browser, 'nav-library');
  await waitFor(
    browser,
    async () => {
      const { dir, lang } = await documentLocale();
      return dir === 'rtl' && lang.startsWith('fa') && (await textOf(browser, 'nav-library')) === libraryLabel;
    },
    'after a restart the app is not in Persian (right to left) any more',
  );
});

scenario('hundred-thousand-rows', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'admin');
  const started = Date.now();
  hark(db, 'synthetic', '--count', '100000', '--seed', '1');
  log(`hark synthetic --count 100000: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const total = Number(sqlite(db, 'SELECT count(*) FROM recordings'));
  check(total === 100_000, `the database holds ${total} recordings, not 100000`);
  // The ids the last rows must show, in the library's default order (newest call first).
  const lastIds = sqlite(
    db,
    'SELECT id FROM (SELECT id, call_start_ms FROM recordings ORDER BY call_start_ms IS NULL, call_start_ms DESC, id DESC LIMIT 40 OFFSET 99960)',
  )
    .split('\n')
    .map(String);

  const browser = use(await openApp(db));
  await waitDisplayed(browser, 'library-table');
  const count = await waitFor(
    browser,
    async () => {
      const text = await textOf(browser, 'library-count');
      return text.includes('100,000') ? text : null;
    },
    'library-count does not show 100,000',
    60_000,
  );
  log(`library-count: "${count}"`);
  await waitFor(browser, async () => (await libraryRows(browser)).length > 0, 'the library shows no rows', 60_000);

  // Scroll to the very bottom and time, in the page, until the last row shows its data.
  const result = await browser.executeAsync((expectedLastIndex, done) => {
    const table = document.querySelector('[data-testid="library-table"]');
    const candidates = [table, ...table.querySelectorAll('*')];
    const scroller = candidates.find((el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible');
    if (!scroller) return done({ error: 'no scrollable element inside library-table' });
    let scrollEventAt = null;
    let frames = 0;
    scroller.addEventListener('scroll', () => (scrollEventAt ??= performance.now() - started), { once: true, passive: true });
    const started = performance.now();
    let placeholdersAt = null;
    scroller.scrollTop = scroller.scrollHeight;
    const poll = () => {
      frames++;
      const elapsed = performance.now() - started;
      const rowsShown = table.querySelectorAll('[role="row"][aria-rowindex]');
      const last = table.querySelector(`[data-testid="library-row"][aria-rowindex="${expectedLastIndex}"]`);
      if (placeholdersAt === null && Array.from(rowsShown).some((r) => Number(r.getAttribute('aria-rowindex')) > expectedLastIndex - 50)) {
        placeholdersAt = elapsed;
      }
      if (last) {
        return done({ ms: elapsed, firstPaintMs: placeholdersAt, scrollEventMs: scrollEventAt, frames, scrollTop: scroller.scrollTop, scrollHeight: scroller.scrollHeight });
      }
      if (elapsed > 30_000) return done({ error: `the last row did not appear within 30 s (rows in the DOM: ${rowsShown.length})` });
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, total + 1); // aria-rowindex counts the header row as 1
  check(!result.error, result.error);
  timings.scrollToBottomMs = Math.round(result.ms);
  timings.scrollToBottomFirstRowsMs = result.firstPaintMs === null ? null : Math.round(result.firstPaintMs);
  timings.scrollEventMs = result.scrollEventMs === null ? null : Math.round(result.scrollEventMs);
  log(
    `scroll to the bottom → last row with data shown: ${result.ms.toFixed(0)} ms ` +
      `(scroll event after ${result.scrollEventMs?.toFixed(0)} ms, rows of the new window in the DOM after ${result.firstPaintMs?.toFixed(0)} ms, ` +
      `${result.frames} animation frames; scrollHeight ${result.scrollHeight} px)`,
  );

  // For the report: how much of that is the backend. One page (200 rows) at the end and at the
  // start of the library, asked for the way the table asks (Tauri's invoke cannot be wrapped).
  const backend = await browser.executeAsync((done) => {
    const query = (offset) => ({
      query: { search: null, agent: null, team: null, vendor: null, queue: null, direction: null, status: null, sortBy: 'callStart', sortDesc: true, offset, limit: 200 },
    });
    const time = async (offset) => {
      const started = performance.now();
      await window.__TAURI_INTERNALS__.invoke('library_page', query(offset));
      return Math.round(performance.now() - started);
    };
    // Twice each, keeping the faster: the table may still have a request of its own running.
    const best = async (offset) => Math.min(await time(offset), await time(offset));
    (async () => ({ lastPageMs: await best(99_800), firstPageMs: await best(0) }))().then(done, (error) => done({ error: String(error) }));
  });
  if (!backend.error) {
    timings.libraryPageLastMs = backend.lastPageMs;
    timings.libraryPageFirstMs = backend.firstPageMs;
    log(`library_page (200 rows) on its own: ${backend.lastPageMs} ms at offset 99,800, ${backend.firstPageMs} ms at offset 0`);
  }

  const rows = await libraryRows(browser);
  const domRows = await browser.execute(() => document.querySelectorAll('[data-testid="library-table"] [role="row"]').length);
  log(`rows in the DOM after scrolling: ${domRows} (${rows.length} with data)`);
  check(domRows < 200, `${domRows} rows in the DOM: the table is not virtualized`);
  check(rows.length > 5, `only ${rows.length} rows with data are shown at the bottom`);
  for (const row of rows) {
    const offset = row.rowIndex - 2;
    check(offset >= 99_960, `row ${offset} is shown at the bottom of the table`);
    const expected = lastIds[offset - 99_960];
    check(row.id === expected, `row ${offset} shows recording ${row.id}, the database has ${expected} there`);
  }
  await screenshot(browser, 'library-100k.png');
});

scenario('audit-verify', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'admin');
  hark(db, 'demo');
  const entries = Number(sqlite(db, 'SELECT count(*) FROM audit_log'));
  const browser = use(await openApp(db));

  await (await waitDisplayed(browser, 'nav-settings')).click();
  await (await waitDisplayed(browser, 'audit-verify')).click();
  const result = await waitDisplayed(browser, 'audit-result');
  const ok = await result.getAttribute('data-ok');
  const text = await textOf(browser, 'audit-result');
  log(`audit-result: "${text}" (data-ok=${ok}; ${entries} entries in audit_log)`);
  check(ok === 'true', `audit-result is not OK: "${text}"`);
  check(/intact/i.test(text), `audit-result does not say the log is intact: "${text}"`);
  check(text.includes(String(entries)), `audit-result does not mention the ${entries} entries: "${text}"`);
  await (await byId(browser, 'audit-verify')).scrollIntoView();
  await screenshot(browser, 'settings-audit.png');
});

/**
 * A folder to import: three demo calls under Asterisk names (two in a YYYY/MM/DD spool folder,
 * one in a Persian-named folder), an empty `broken.wav` and a `notes.txt`.
 */
function importTree(dir) {
  const root = join(dir, 'recordings');
  const day = join(root, '2026', '11', '02');
  const persian = join(root, 'تماس‌های صف');
  mkdirSync(day, { recursive: true });
  mkdirSync(persian, { recursive: true });
  const calls = {
    'in-4401-5555550142-20261102-091405-1762086583.42.wav': ['in-5555550142-4401-20261102-091405-1793610845.11.wav', day],
    'q-600-5555550123-20261102-143112-1762086600.7.mp3': ['in-5555550123-4403-20261102-143112-1793629872.58.mp3', day],
    'out-5555550164-4520-20261103-154530-1762181130.131.flac': ['out-5555550164-4520-20261103-154530-1793720730.131.flac', persian],
  };
  const durations = {};
  for (const [name, [source, folder]] of Object.entries(calls)) {
    copyFileSync(join(DEMO, source), join(folder, name));
    durations[name] = mss(DEMO_DURATIONS[source]);
  }
  writeFileSync(join(root, 'broken.wav'), '');
  writeFileSync(join(root, 'notes.txt'), 'Calls to review this week\n');
  return { root, durations };
}

/** The summary's counts by key (`data-value` of each `summary-<key>`). */
async function summaryCounts(browser) {
  return browser.execute(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('[data-testid="import-summary"] [data-testid^="summary-"][data-value]')).map((el) => [
        el.getAttribute('data-testid').slice('summary-'.length),
        Number(el.getAttribute('data-value')),
      ]),
    ),
  );
}

async function setLanguage(browser, locale) {
  await (await waitDisplayed(browser, 'nav-settings')).click();
  await choose(browser, 'locale-select', locale);
  await waitFor(browser, async () => (await browser.execute(() => document.documentElement.lang)).startsWith(locale), `the UI did not switch to ${locale}`);
  await (await byId(browser, 'nav-library')).click();
}

scenario('import-folder', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Imp Tester', '--role', 'admin');
  const { root, durations } = importTree(dir);
  const browser = use(await openApp(db));

  await (await waitDisplayed(browser, 'import-open')).click();
  await waitDisplayed(browser, 'import-panel');
  // The pattern preview reads both sample names with the automatic pattern.
  await waitFor(
    browser,
    async () => (await browser.execute(() => document.querySelectorAll('[data-testid="preview-row"][data-match="true"]').length)) === 2,
    'the pattern preview did not read the two sample names',
  );
  const start = await byId(browser, 'import-start');
  check(!(await start.isEnabled()), 'import-start is enabled without a folder');
  await (await byId(browser, 'import-path')).setValue(root);
  await (await byId(browser, 'import-path-add')).click();
  await waitFor(browser, async () => (await textOf(browser, 'import-paths'))?.includes(root), `the typed folder ${root} is not listed`);
  await screenshot(browser, 'import-form.png');

  await start.click();
  await waitDisplayed(browser, 'import-summary', 60_000);
  const counts = await summaryCounts(browser);
  log(`summary: ${JSON.stringify(counts)}`);
  // 3 calls and broken.wav are new rows; whether `added` counts the unreadable one is the backend's call.
  check(counts.added === 3 || counts.added === 4, `the summary says ${counts.added} added, not 3 (+1 unreadable)`);
  check(counts.problems === 1, `the summary says ${counts.problems} problems, not 1`);
  check(counts.notAudio === 1, `the summary says ${counts.notAudio} non-audio files, not 1 (notes.txt)`);
  const problemsText = await textOf(browser, 'import-problems');
  check(problemsText?.includes('broken.wav'), `the summary's problems do not name broken.wav: "${problemsText}"`);
  await screenshot(browser, 'import-summary.png');

  await (await byId(browser, 'import-done')).click();
  await waitFor(browser, async () => !(await browser.execute(() => document.querySelector('[data-testid="import-panel"]') !== null)), 'the import panel did not close');
  const rows = await waitFor(
    browser,
    async () => {
      const rows = await libraryRows(browser);
      return rows.length === 4 ? rows : null;
    },
    'the library does not show the 3 calls and broken.wav',
  );
  for (const [name, duration] of Object.entries(durations)) {
    const row = rows.find((r) => r.fileName === name);
    check(row, `no library row for ${name}; rows: ${rows.map((r) => r.fileName).join(', ')}`);
    check(row.duration === duration, `${name}: duration "${row.duration}", expected ${duration}`);
  }
  const count = await textOf(browser, 'library-count');
  check(/\b4\b/.test(count), `library-count says "${count}", not 4 recordings (3 calls + broken.wav)`);
  const calls = await browser.execute(() => document.querySelectorAll('[data-testid="library-row"]:not(:has([data-testid="row-problem"]))').length);
  check(calls === 3, `${calls} rows without a problem, not the 3 calls`);

  await (await byId(browser, 'filter-problems')).click();
  const problemRows = await waitFor(
    browser,
    async () => {
      const rows = await libraryRows(browser);
      return rows.length === 1 ? rows : null;
    },
    'the Problems filter does not leave exactly one row',
  );
  check(problemRows[0].fileName === 'broken.wav', `the Problems filter shows ${problemRows[0].fileName}, not broken.wav`);
  const reason = await textOf(browser, 'row-problem');
  log(`problem row: "${reason}"`);
  check(/unreadable/i.test(reason) && /empty|0 bytes/i.test(reason), `the problem row does not say why broken.wav is unreadable: "${reason}"`);
  const toggle = await textOf(browser, 'filter-problems');
  check(/1/.test(toggle), `filter-problems does not show the count when active: "${toggle}"`);
  await screenshot(browser, 'library-problems.png');
  await (await byId(browser, 'filter-problems')).click();

  // A larger import (hard links to one demo call, and a WAV cut off in its header), with the
  // panel closed: the progress shows in the Library's header and the table fills in meanwhile.
  const bulk = join(dir, 'bulk');
  mkdirSync(bulk);
  const source = join(root, '2026', '11', '02', 'in-4401-5555550142-20261102-091405-1762086583.42.wav');
  for (let i = 0; i < BULK_FILES; i++) {
    linkSync(source, join(bulk, `in-4401-55555${String(i).padStart(5, '0')}-20261102-091405-17620865${String(i % 100).padStart(2, '0')}.${i}.wav`));
  }
  writeFileSync(join(bulk, 'truncated.wav'), Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'));
  await (await byId(browser, 'import-open')).click();
  await (await waitDisplayed(browser, 'import-path-remove')).click();
  await (await byId(browser, 'import-path')).setValue(bulk);
  await (await byId(browser, 'import-path-add')).click();
  await (await byId(browser, 'import-start')).click();
  await (await waitDisplayed(browser, 'import-close')).click();
  const running = await browser
    .waitUntil(
      async () =>
        browser.execute(() => {
          const bar = document.querySelector('[data-testid="import-progress"]');
          return bar !== null && Number(bar.getAttribute('aria-valuenow')) > 0 && !document.querySelector('[data-testid="import-panel"]');
        }),
      { timeout: 10_000, interval: 25 },
    )
    .then(() => true, () => false);
  if (running) {
    const during = await textOf(browser, 'library-count');
    const bar = await browser.execute(() => document.querySelector('[data-testid="import-progress"]')?.getAttribute('aria-valuetext'));
    log(`while importing: "${bar}", library-count "${during}"`);
    await screenshot(browser, 'import-progress.png');
  } else {
    log('(the import was over before its progress bar could be caught: no import-progress.png)');
  }
  await waitDisplayed(browser, 'import-status', 120_000);
  const total = 4 + BULK_FILES + 1;
  await waitFor(
    browser,
    async () => (await textOf(browser, 'library-count'))?.replace(/,/g, '').includes(String(total)),
    `library-count does not reach ${total} after the second import`,
  );

  // The same in Persian: the Problems view, the summary (from the header) and the form.
  await setLanguage(browser, 'fa');
  await (await waitDisplayed(browser, 'filter-problems')).click();
  await waitFor(browser, async () => (await libraryRows(browser)).length === 2, 'the Problems filter does not show broken.wav and truncated.wav in Persian');
  await screenshot(browser, 'library-problems-fa.png');
  await (await waitDisplayed(browser, 'import-status-view')).click();
  await waitDisplayed(browser, 'import-summary');
  await screenshot(browser, 'import-summary-fa.png');
  await (await byId(browser, 'import-new')).click();
  await waitDisplayed(browser, 'import-path');
  await choose(browser, 'import-pattern', 'custom');
  await waitDisplayed(browser, 'import-template');
  await waitFor(
    browser,
    async () => (await browser.execute(() => document.querySelectorAll('[data-testid="preview-row"]').length)) === 2,
    'the preview of the custom template did not show',
  );
  await (await byId(browser, 'import-preview')).scrollIntoView({ block: 'end' });
  await screenshot(browser, 'import-form-fa.png');
});

// ---------------------------------------------------------------------------------------------
// Runner

/** The player's position and status as the call page shows them (its data attributes). */
async function playerView(browser) {
  return browser.execute(() => {
    const attr = (id, name) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(name) ?? null;
    return {
      status: attr('call-page', 'data-status'),
      positionMs: Number(attr('position', 'data-position-ms')),
      durationMs: Number(attr('position', 'data-duration-ms')),
    };
  });
}

/** Span counts per timeline lane (agent, customer, overtalk, deadAir). */
async function timelineLanes(browser) {
  return browser.execute(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('[data-testid="timeline-lane"]')).map((lane) => [
        lane.getAttribute('data-lane'),
        Number(lane.getAttribute('data-spans')),
      ]),
    ),
  );
}

async function waitStatus(browser, status) {
  return waitFor(browser, async () => (await playerView(browser)).status === status, `the player did not become ${status}`);
}

/** Waits until the call page shows recording `id` whole: opened, analysed, waveform drawn. */
async function waitCallShown(browser, id) {
  await waitFor(
    browser,
    async () =>
      browser.execute((recordingId) => {
        const attr = (testId, name) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name);
        return (
          attr('call-page', 'data-recording-id') === String(recordingId) &&
          attr('call-page', 'data-status') === 'paused' &&
          Number(attr('position', 'data-duration-ms')) > 0 &&
          attr('metrics-panel', 'data-state') === 'ready' &&
          attr('timeline', 'data-analysed') === 'true' &&
          attr('waveform', 'data-loaded') === 'true'
        );
      }, id),
    `the call page did not show recording ${id} opened, analysed and drawn`,
  );
}

// The demo call with one overtalk and one dead air (assets/demo/truth.json).
const PLAYER_CALL = 'in-5555550188-4512-20261102-100247-1793613767.37.wav';

scenario('call-player', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Rae Reviewer', '--role', 'reviewer');
  hark(db, 'demo');
  const browser = use(await openApp(db));

  await waitDisplayed(browser, 'library-table');
  await waitFor(browser, async () => (await libraryRows(browser)).length === 8, 'the library did not show 8 rows');
  // The analysis the app starts in the background fills the metric columns of every row.
  await waitFor(
    browser,
    async () =>
      browser.execute(() => {
        const cells = Array.from(document.querySelectorAll('[data-testid="cell-silenceShare"]'));
        return cells.length === 8 && cells.every((cell) => cell.textContent.trim() !== '');
      }),
    'the background analysis did not fill the Silence column of all 8 rows',
    60_000,
  );
  await screenshot(browser, 'library-metrics.png');

  const row = (await libraryRows(browser)).find((r) => r.fileName === PLAYER_CALL);
  check(row, `no row for ${PLAYER_CALL}`);
  await (await browser.$(`[data-testid="library-row"][data-recording-id="${row.id}"] [data-testid="cell-fileName"]`)).click();
  await waitDisplayed(browser, 'call-page');
  await waitCallShown(browser, Number(row.id));
  const lanes = await timelineLanes(browser);
  log(`timeline lanes: ${JSON.stringify(lanes)}`);
  check(lanes.agent > 0 && lanes.customer > 0, `the timeline has no agent or customer talk: ${JSON.stringify(lanes)}`);
  check(lanes.overtalk >= 1 && lanes.deadAir >= 1, `the planted overtalk and dead air are not on the timeline: ${JSON.stringify(lanes)}`);
  // tests/e2e/alsa.conf gives the app a (silent, real-time) sound device.
  check(!(await (await byId(browser, 'device-notice')).isExisting()), 'the app says it has no audio device');

  // Play: the position moves at the pace of the sound device.
  const clicked = Date.now();
  await (await byId(browser, 'play-toggle')).click();
  await waitFor(browser, async () => (await playerView(browser)).positionMs > 0, 'the position did not move after Play');
  timings.playToFirstPositionMs = Date.now() - clicked;
  const playedFrom = await playerView(browser);
  const wallFrom = Date.now();
  await browser.pause(1500);
  const playedTo = await playerView(browser);
  const rate = (playedTo.positionMs - playedFrom.positionMs) / (Date.now() - wallFrom);
  log(`play to first position ${timings.playToFirstPositionMs} ms; playback ran at ${rate.toFixed(2)}x wall clock`);
  check(playedTo.status === 'playing' && playedTo.positionMs > playedFrom.positionMs, 'playback stopped or did not advance');

  // Space pauses (keyboard first).
  await browser.keys(' ');
  await waitStatus(browser, 'paused');

  // A click three quarters along the waveform seeks there (WebDriver offsets are from the centre).
  const waveform = await byId(browser, 'waveform');
  const { width } = await waveform.getSize();
  await waveform.click({ x: Math.round(width / 4) });
  const { durationMs } = await playerView(browser);
  const target = durationMs * 0.75;
  await waitFor(
    browser,
    async () => Math.abs((await playerView(browser)).positionMs - target) < durationMs * 0.01,
    `a click at 75% of the waveform did not seek near ${Math.round(target)} ms`,
  );
  log(`seeked to ${(await playerView(browser)).positionMs} ms of ${durationMs} (click at ${Math.round(target)} ms)`);

  // Faster, pitch kept: the backend takes 1.5x and the position runs faster than the clock.
  await choose(browser, 'speed', '1.5');
  await (await byId(browser, 'seek-input')).setValue('0:05');
  await browser.keys('Enter');
  await waitFor(browser, async () => Math.abs((await playerView(browser)).positionMs - 5000) < 10, 'typing 0:05 did not seek to 5 s');
  await (await byId(browser, 'play-toggle')).click();
  await waitStatus(browser, 'playing');
  await browser.pause(1200);
  await screenshot(browser, 'call-player.png');
  check((await (await byId(browser, 'speed')).getValue()) === '1.5', 'the speed did not stay at 1.5');

  await (await byId(browser, 'play-toggle')).click();
  await waitStatus(browser, 'paused');
  await browser.keys('?');
  await waitDisplayed(browser, 'shortcuts-help');
  await screenshot(browser, 'call-shortcuts.png');
  await browser.keys('Escape');
  await waitFor(browser, async () => !(await (await byId(browser, 'shortcuts-help')).isDisplayed()), 'Escape did not close the help');

  await (await byId(browser, 'call-back')).click();
  await waitDisplayed(browser, 'library-table');

  // The same page in Persian: the layout mirrors, the waveform still runs left to right.
  await setLanguage(browser, 'fa');
  await waitFor(browser, async () => (await libraryRows(browser)).length === 8, 'the library did not come back with 8 rows');
  await (await browser.$(`[data-testid="library-row"][data-recording-id="${row.id}"] [data-testid="cell-fileName"]`)).click();
  await waitDisplayed(browser, 'call-page');
  await waitCallShown(browser, Number(row.id));
  const direction = await browser.execute(() => getComputedStyle(document.querySelector('[data-testid="waveform"]')).direction);
  check(direction === 'ltr', `the waveform runs ${direction} in Persian`);
  await screenshot(browser, 'call-player-fa.png');
});

/** The `data-*` attributes of every element with a test id, as plain objects. */
async function rowsOf(browser, id, names) {
  return browser.execute(
    (testId, attributes) =>
      Array.from(document.querySelectorAll(`[data-testid="${testId}"]`)).map((el) =>
        Object.fromEntries(attributes.map((name) => [name, el.getAttribute(`data-${name}`)])),
      ),
    id,
    names,
  );
}

async function attributeOf(browser, id, name) {
  return browser.execute((testId, attr) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(attr) ?? null, id, name);
}

/** Picks a <select> option inside the criteria row `index`. */
async function chooseInRow(browser, index, id, value) {
  const select = await browser.$(`[data-testid="criteria-row"][data-index="${index}"] [data-testid="${id}"]`);
  await select.waitForDisplayed({ timeout: WAIT });
  await select.selectByAttribute('value', value);
}

scenario('sample-quota-queue', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Dana QA', '--role', 'reviewer');
  hark(db, 'user', 'add', 'Ravi Patel', '--role', 'reviewer');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'lead');
  hark(db, 'demo');
  const browser = use(await openApp(db));

  await (await waitDisplayed(browser, 'nav-samples')).click();
  await (await waitDisplayed(browser, 'sample-new')).click();
  await waitFor(
    browser,
    async () => (await attributeOf(browser, 'population-count', 'data-state')) === 'ready' && (await attributeOf(browser, 'population-count', 'data-count')) === '8',
    'the population count did not show the 8 demo calls',
  );

  // Criteria built in rows: the text is the criteria language, the count follows live.
  await chooseInRow(browser, 0, 'criteria-field', 'team');
  await chooseInRow(browser, 0, 'criteria-value', 'Billing');
  await (await byId(browser, 'criteria-add')).click();
  await chooseInRow(browser, 1, 'criteria-field', 'duration');
  await chooseInRow(browser, 1, 'criteria-op', 'ge');
  await (await browser.$('[data-testid="criteria-row"][data-index="1"] [data-testid="criteria-value"]')).setValue('20');
  await chooseInRow(browser, 1, 'criteria-unit', 's');
  await waitFor(
    browser,
    async () => (await (await byId(browser, 'criteria-text')).getValue()) === 'team = "Billing" and duration >= 20s',
    'the criteria text is not team = "Billing" and duration >= 20s',
  );
  await waitFor(
    browser,
    async () => (await attributeOf(browser, 'population-count', 'data-count')) === '4',
    'the live population count did not become 4 for Billing calls of 20 s or more',
  );
  // The sample an auditor needs from these 4 calls at 95 % / ±5 % (Krejcie & Morgan): all 4.
  await waitFor(
    browser,
    async () => (await attributeOf(browser, 'sample-size-hint', 'data-size')) === '4',
    'the sample size hint does not say 4 for a population of 4',
  );
  await screenshot(browser, 'sample-criteria.png');

  // One call per agent per day: four groups of one call each, nothing short.
  await (await byId(browser, 'method-quota')).click();
  await (await waitDisplayed(browser, 'quota-calls')).setValue('1');
  await choose(browser, 'quota-per', 'agent');
  await choose(browser, 'quota-period', 'day');
  await waitFor(
    browser,
    async () => (await attributeOf(browser, 'sample-plan', 'data-state')) === 'ready' && (await attributeOf(browser, 'sample-plan', 'data-calls')) === '4',
    'the plan did not show 4 calls for one per agent per day',
  );
  const plan = await rowsOf(browser, 'plan-row', ['group', 'population', 'wanted', 'shortfall']);
  log(`plan: ${plan.map((row) => `${row.group} ${row.population}/${row.wanted}`).join('; ')}`);
  check(plan.length === 4 && plan.every((row) => row.wanted === '1' && row.shortfall === '0'), `unexpected plan ${JSON.stringify(plan)}`);
  await screenshot(browser, 'sample-plan.png');

  for (const name of ['Dana QA', 'Ravi Patel']) {
    await (await browser.$(`[data-testid="assign-reviewer"][data-user-name="${name}"]`)).click();
  }
  await (await byId(browser, 'sample-name')).setValue('Billing daily quota');
  await (await byId(browser, 'sample-draw')).click();
  await waitDisplayed(browser, 'sample-detail');
  const items = await waitFor(
    browser,
    async () => {
      const rows = await rowsOf(browser, 'sample-item', ['recording-id', 'assignee']);
      return rows.length === 4 ? rows : null;
    },
    'the drawn sample does not list 4 calls',
  );
  const assignees = items.map((item) => item.assignee);
  check(
    assignees.filter((a) => a === 'Dana QA').length === 2 && assignees.filter((a) => a === 'Ravi Patel').length === 2,
    `the calls were not spread evenly: ${assignees.join(', ')}`,
  );
  const sampleId = await attributeOf(browser, 'sample-detail', 'data-sample-id');
  const seed = await textOf(browser, 'sample-seed-value');
  log(`sample ${sampleId} drawn with seed ${seed}`);
  // What the app drew, the command line verifies from the stored population and seed.
  check(hark(db, 'sample', 'verify', sampleId).includes('matches'), 'hark sample verify does not confirm the drawn sample');
  await screenshot(browser, 'sample-detail.png');

  // Dana finds her two calls in her queue and opens one.
  await (await byId(browser, 'nav-settings')).click();
  const profiles = await waitDisplayed(browser, 'profile-switch');
  const danaValue = await browser.execute(
    (el) => Array.from(el.options).find((o) => o.textContent.includes('Dana QA'))?.value ?? null,
    profiles,
  );
  check(danaValue, 'no Dana QA in the profile switch');
  await profiles.selectByAttribute('value', danaValue);
  await (await byId(browser, 'profile-switch-submit')).click();
  await waitFor(browser, async () => (await textOf(browser, 'current-user'))?.includes('Dana QA'), 'the profile did not switch to Dana QA');
  await (await byId(browser, 'nav-queue')).click();
  await waitDisplayed(browser, 'queue');
  const queue = await waitFor(
    browser,
    async () => {
      const rows = await rowsOf(browser, 'queue-item', ['recording-id', 'sample-id']);
      return rows.length === 2 ? rows : null;
    },
    "Dana's queue does not hold her 2 calls",
  );
  check(queue.every((row) => row['sample-id'] === sampleId), 'queue items of another sample');
  const mine = items.filter((item) => item.assignee === 'Dana QA').map((item) => item['recording-id']).sort();
  check(JSON.stringify(queue.map((row) => row['recording-id']).sort()) === JSON.stringify(mine), "the queue's calls are not the ones assigned to Dana");
  await screenshot(browser, 'review-queue.png');

  await (await browser.$(`[data-testid="queue-item"][data-recording-id="${queue[0]['recording-id']}"]`)).click();
  await waitDisplayed(browser, 'call-page');
  await waitFor(browser, async () => (await attributeOf(browser, 'call-page', 'data-recording-id')) === queue[0]['recording-id'], 'the queue item did not open its call');
  await (await byId(browser, 'call-back')).click();
  await waitDisplayed(browser, 'queue');
});

// ---------------------------------------------------------------------------------------------
// Scoring

/** Switches the current profile in Settings. */
async function switchProfile(browser, name) {
  await (await byId(browser, 'nav-settings')).click();
  const profiles = await waitDisplayed(browser, 'profile-switch');
  const value = await browser.execute((el, who) => Array.from(el.options).find((o) => o.textContent.includes(who))?.value ?? null, profiles, name);
  check(value, `no ${name} in the profile switch`);
  await profiles.selectByAttribute('value', value);
  await (await byId(browser, 'profile-switch-submit')).click();
  await waitFor(browser, async () => (await textOf(browser, 'current-user'))?.includes(name), `the profile did not switch to ${name}`);
}

/** Starts an evaluation of the open call with the form whose name begins with `form`. */
async function startEvaluation(browser, form) {
  const select = await waitDisplayed(browser, 'evaluation-form-select');
  const value = await browser.execute((el, name) => Array.from(el.options).find((o) => o.textContent.startsWith(name))?.value ?? null, select, form);
  check(value, `no ${form} among the scorecards to start`);
  await select.selectByAttribute('value', value);
  await (await byId(browser, 'evaluation-start')).click();
  await waitDisplayed(browser, 'evaluation-form');
}

async function liveScore(browser) {
  return browser.execute(() => {
    const el = document.querySelector('[data-testid="live-score"]');
    const save = document.querySelector('[data-testid="save-state"]');
    return {
      score: Number(el?.getAttribute('data-score')),
      critical: el?.getAttribute('data-critical-failed'),
      answered: document.querySelectorAll('[data-testid="question"][data-answered="true"]').length,
      save: save?.getAttribute('data-state') ?? null,
    };
  });
}

// The Customer service template answered from the keyboard, one key per scored question (Tab
// between them): Yes, N/A, 4 of 5, 5 of 5, Yes, "Resolved on this call", Yes, 5 of 5, Yes, N/A,
// Yes, No. By hand: opening 1/1 ×10; discovery (4+5)/10 ×20; resolution 6/6 ×40;
// communication 6/6 ×20; closing 1/2 ×10 → (10+180+240+120+10) / (10+200+240+120+20) = 560/590.
const CUSTOMER_SERVICE_KEYS = ['1', 'n', '4', '5', '1', '1', '1', '5', '1', 'n', '1', '2'];
const CUSTOMER_SERVICE_SCORE = (560 / 590) * 100;

scenario('evaluate-from-queue', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'lead');
  hark(db, 'user', 'add', 'Dana QA', '--role', 'reviewer'); // the current profile
  hark(db, 'demo'); // the demo calls and the three scorecard templates
  hark(db, '--user', 'Lee Lead', 'sample', '--random', '2', '--seed', '11', '--assign', 'Dana QA', '--name', 'Week 49');
  // The agent of the first call in Dana's queue gets a profile of their own.
  const agent = sqlite(
    db,
    `SELECT a.name FROM sample_items i JOIN recordings r ON r.id = i.recording_id
     JOIN agents a ON a.id = r.agent_id WHERE i.position = 0`,
  );
  const agentProfile = `${agent} (agent)`;
  hark(db, '--user', 'Lee Lead', 'user', 'add', agentProfile, '--role', 'agent', '--agent', agent);
  const browser = use(await openApp(db));

  // Dana opens the first call of her queue.
  await (await waitDisplayed(browser, 'nav-queue')).click();
  const queue = await waitFor(
    browser,
    async () => {
      const rows = await rowsOf(browser, 'queue-item', ['recording-id']);
      return rows.length === 2 ? rows : null;
    },
    "Dana's queue does not hold her 2 sampled calls",
  );
  const recordingId = queue[0]['recording-id'];
  await (await browser.$(`[data-testid="queue-item"][data-recording-id="${recordingId}"]`)).click();
  await waitDisplayed(browser, 'call-page');
  await waitCallShown(browser, Number(recordingId));
  check((await textOf(browser, 'call-agent')) === agent, `the first call of the queue is not ${agent}'s`);

  // She plays it for a moment.
  await (await byId(browser, 'play-toggle')).click();
  await waitFor(browser, async () => (await playerView(browser)).positionMs > 1500, 'the call did not play');

  // The scorecard beside the player, answered from the keyboard while the call plays.
  await startEvaluation(browser, 'Customer service');
  await (await browser.$('[data-testid="question"] .text')).click();
  for (const [index, key] of CUSTOMER_SERVICE_KEYS.entries()) {
    await browser.keys(key);
    if (index < CUSTOMER_SERVICE_KEYS.length - 1) await browser.keys('Tab');
  }
  await waitFor(browser, async () => (await liveScore(browser)).answered === 12, 'the 12 scored questions are not all answered');
  await browser.keys(' '); // the player's own shortcut still works beside the form: pause
  await waitStatus(browser, 'paused');
  const focused = await browser.execute(() => document.activeElement?.getAttribute('data-question-key'));
  check(focused === 'anything-else', `Tab did not end on the last scored question but on ${focused}`);

  // C pins a comment at the playback position, about the question she is on.
  const at = (await playerView(browser)).positionMs;
  await browser.keys('c');
  const pin = await waitFor(
    browser,
    async () => (await rowsOf(browser, 'pin', ['at-ms', 'question']))[0] ?? null,
    'C did not pin a comment',
  );
  check(Math.abs(Number(pin['at-ms']) - at) <= 250, `the comment was pinned at ${pin['at-ms']} ms, the playback was at ${at} ms`);
  check(pin.question === 'anything-else', `the comment is about ${pin.question}, not the focused question`);
  const note = 'Customer had a second question here; not offered further help';
  const pinText = await byId(browser, 'pin-text');
  check(await pinText.isFocused(), 'the new comment does not have the focus');
  await pinText.addValue(note);
  await waitFor(browser, async () => (await liveScore(browser)).save === 'saved', 'the draft was not saved');
  check(sqlite(db, 'SELECT content FROM evaluation_drafts').includes(note), 'the pinned comment is not in the saved draft');
  const flags = await rowsOf(browser, 'wave-pin', ['at-ms']);
  check(flags.length === 1 && flags[0]['at-ms'] === pin['at-ms'], `the waveform does not flag the comment: ${JSON.stringify(flags)}`);
  const live = await liveScore(browser);
  log(`live score ${live.score.toFixed(3)} % (by hand ${CUSTOMER_SERVICE_SCORE.toFixed(3)} %)`);
  check(Math.abs(live.score - CUSTOMER_SERVICE_SCORE) < 0.001, `the live score is ${live.score}, not ${CUSTOMER_SERVICE_SCORE}`);
  await screenshot(browser, 'evaluation-pin.png');
  await browser.execute(() => document.querySelector('[data-testid="call-side"]')?.scrollTo(0, 0));
  await screenshot(browser, 'evaluation-form.png');

  // Submit: checked, locked, and the sample call is done.
  await (await byId(browser, 'evaluation-submit')).click();
  await waitFor(browser, async () => (await attributeOf(browser, 'scoring-panel', 'data-mode')) === 'view', 'the submitted evaluation is not shown');
  const evaluationId = await attributeOf(browser, 'evaluation-detail', 'data-evaluation-id');
  check(evaluationId, 'no evaluation id on the submitted evaluation');
  check(sqlite(db, `SELECT status FROM evaluations WHERE id = ${Number(evaluationId)}`) === 'submitted', 'the evaluation is not submitted in the database');
  check(sqlite(db, `SELECT count(*) FROM sample_items WHERE recording_id = ${Number(recordingId)} AND completed_at IS NOT NULL`) === '1', 'the sample call is not completed');
  await screenshot(browser, 'evaluation-submitted.png');
  await (await byId(browser, 'call-back')).click();
  await waitDisplayed(browser, 'queue');

  // The team lead sees the score on the agent's page.
  await switchProfile(browser, 'Lee Lead');
  await (await byId(browser, 'nav-agents')).click();
  const agentRow = await waitFor(
    browser,
    async () => (await rowsOf(browser, 'agent-row', ['agent-id', 'name'])).find((row) => row.name === agent) ?? null,
    `no row for the agent ${agent}`,
  );
  const agentElement = await browser.$(`[data-testid="agent-row"][data-agent-id="${agentRow['agent-id']}"]`);
  const opener = await agentElement.$('[data-testid="agent-open"]');
  await ((await opener.isExisting()) ? opener : agentElement).click();
  await waitDisplayed(browser, 'agent-page');
  const rows = await waitFor(
    browser,
    async () => {
      const found = await rowsOf(browser, 'agent-evaluation', ['evaluation-id', 'score']);
      return found.length > 0 ? found : null;
    },
    "the agent's page lists no evaluation",
  );
  const shown = rows.find((row) => row['evaluation-id'] === evaluationId);
  check(shown && Math.abs(Number(shown.score) - CUSTOMER_SERVICE_SCORE) < 0.001, `the agent's page does not show the evaluation with its score: ${JSON.stringify(rows)}`);
  await screenshot(browser, 'agent-page.png');

  // The agent, on their own profile, acknowledges it and disputes one answer.
  await switchProfile(browser, agentProfile);
  await (await byId(browser, 'nav-agents')).click();
  await waitDisplayed(browser, 'agent-page');
  await (await waitDisplayed(browser, 'agent-evaluation')).click();
  await waitFor(browser, async () => (await attributeOf(browser, 'evaluation-detail', 'data-evaluation-id')) === evaluationId, 'the agent did not get the evaluation');
  await (await waitDisplayed(browser, 'evaluation-acknowledge-comment')).setValue('Thanks, I will offer more help next time');
  await (await byId(browser, 'evaluation-acknowledge')).click();
  await waitDisplayed(browser, 'evaluation-acknowledged');
  await (await byId(browser, 'dispute-open-form')).click();
  await choose(browser, 'dispute-question', 'anything-else');
  // The option's value is the answer as JSON, which a CSS selector cannot quote: pick by index.
  const proposed = await byId(browser, 'dispute-proposed');
  const yesIndex = await browser.execute((el, v) => Array.from(el.options).findIndex((o) => o.value === v), proposed, JSON.stringify({ kind: 'yes' }));
  check(yesIndex > 0, 'Yes is not offered as the proposed answer');
  await proposed.selectByIndex(yesIndex);
  await (await byId(browser, 'dispute-reason')).setValue('I asked at 0:31 whether there was anything else');
  await (await byId(browser, 'dispute-submit')).click();
  await waitFor(browser, async () => (await rowsOf(browser, 'evaluation-dispute', ['status']))[0]?.status === 'open', 'the dispute is not open');
  check(sqlite(db, 'SELECT revision, comment FROM acknowledgements') === '1|Thanks, I will offer more help next time', 'the acknowledgement is not recorded');
  await screenshot(browser, 'dispute-raised.png');
  await (await byId(browser, 'call-back')).click();

  // The lead finds it among the open disputes and accepts it: the evaluation is re-scored as
  // revision 2. Closing: (1 + 1) / 2 × 10 → (10+180+240+120+20) / 590.
  await switchProfile(browser, 'Lee Lead');
  await (await byId(browser, 'nav-agents')).click();
  // The Agents screen comes back on the agent page it was left on.
  await (await waitDisplayed(browser, 'agents-back')).click();
  await (await waitDisplayed(browser, 'agents-tab-disputes')).click();
  await (await waitDisplayed(browser, 'open-dispute')).click();
  await waitFor(browser, async () => (await attributeOf(browser, 'evaluation-detail', 'data-evaluation-id')) === evaluationId, 'the open dispute did not open its evaluation');
  await (await waitDisplayed(browser, 'dispute-reply')).setValue('Heard it at 0:31: agreed');
  await (await byId(browser, 'dispute-accept')).click();
  const accepted = (570 / 590) * 100;
  await waitFor(
    browser,
    async () =>
      (await attributeOf(browser, 'evaluation-detail', 'data-revision')) === '2' &&
      Math.abs(Number(await attributeOf(browser, 'evaluation-detail', 'data-score')) - accepted) < 0.001,
    'accepting the dispute did not re-score the evaluation as revision 2',
  );
  check(sqlite(db, 'SELECT status, new_revision FROM disputes') === 'accepted|2', 'the dispute is not accepted with revision 2');
  await screenshot(browser, 'dispute-accepted.png');

  // A correction by the lead is revision 3, with its reason: hold N/A → Yes.
  await (await byId(browser, 'evaluation-revise')).click();
  await waitDisplayed(browser, 'revising');
  await (await browser.$('[data-testid="question"][data-question-key="hold"] .text')).click();
  await browser.keys('1');
  await (await byId(browser, 'revision-reason')).setValue('Calibration: there was a hold at 0:12');
  await (await byId(browser, 'evaluation-submit')).click();
  const corrected = (590 / 610) * 100;
  await waitFor(
    browser,
    async () =>
      (await attributeOf(browser, 'evaluation-detail', 'data-revision')) === '3' &&
      Math.abs(Number(await attributeOf(browser, 'evaluation-detail', 'data-score')) - corrected) < 0.001,
    'the correction was not stored as revision 3',
  );
  check(sqlite(db, `SELECT group_concat(reason, ' / ') FROM evaluation_revisions WHERE evaluation_id = ${Number(evaluationId)}`).endsWith('Calibration: there was a hold at 0:12'), 'revision 3 does not keep its reason');
  check((await rowsOf(browser, 'revision-row', ['revision'])).length === 3, 'the history does not list 3 revisions');
  await screenshot(browser, 'evaluation-revised.png');
});

scenario('draft-survives-kill', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Rae Reviewer', '--role', 'reviewer');
  hark(db, 'demo');
  let browser = use(await openApp(db));
  await waitDisplayed(browser, 'library-table');
  const row = await waitFor(browser, async () => (await libraryRows(browser))[0] ?? null, 'the library shows no call');
  await (await browser.$(`[data-testid="library-row"][data-recording-id="${row.id}"] [data-testid="cell-fileName"]`)).click();
  await waitDisplayed(browser, 'call-page');
  await startEvaluation(browser, 'Sales compliance');
  await (await browser.$('[data-testid="question"] .text')).click();
  await browser.keys('2'); // "Told the customer the call is recorded": No (critical)
  await waitFor(browser, async () => (await liveScore(browser)).critical === 'true', 'a failed critical question did not fail the evaluation');
  await browser.keys('Enter'); // its comment
  const typed = 'No recording notice at all before the DOB was asked';
  const comment = await byId(browser, 'question-comment');
  check(await comment.isFocused(), 'Enter did not open the comment of the question');
  await comment.addValue(typed);
  await waitFor(browser, async () => (await liveScore(browser)).save === 'saved', 'the draft was not saved', 5_000);

  // The app is killed mid-review, without a chance to save anything more.
  execFileSync('pkill', ['-KILL', '-f', `hark-desktop --db ${db}`]);
  await closeApp(browser);
  check(sqlite(db, 'PRAGMA integrity_check') === 'ok', 'the database is damaged after the kill');

  browser = use(await openApp(db));
  await waitDisplayed(browser, 'library-table');
  await (await browser.$(`[data-testid="library-row"][data-recording-id="${row.id}"] [data-testid="cell-fileName"]`)).click();
  await waitDisplayed(browser, 'evaluation-form');
  const kept = await browser.execute(() => document.querySelector('[data-testid="question-comment"]')?.value ?? null);
  check(kept === typed, `after the kill the comment reads ${JSON.stringify(kept)}`);
  const first = await rowsOf(browser, 'question', ['question-key', 'answered']);
  check(first[0].answered === 'true', 'the answer given before the kill is gone');
  await screenshot(browser, 'draft-after-kill.png');

  // The same form in Persian: right to left, Persian digits, the waveform still left to right.
  await setLanguage(browser, 'fa');
  await (await browser.$(`[data-testid="library-row"][data-recording-id="${row.id}"] [data-testid="cell-fileName"]`)).click();
  await waitDisplayed(browser, 'evaluation-form');
  const digits = await textOf(browser, 'answered-count');
  check(PERSIAN_DIGIT.test(digits ?? '') && !ASCII_DIGIT.test(digits ?? ''), `the answered count is not in Persian digits: ${digits}`);
  await screenshot(browser, 'evaluation-form-fa.png');
});

scenario('scorecard-designer', async ({ dir, use }) => {
  const db = join(dir, 'hark.db');
  hark(db, 'user', 'add', 'Lee Lead', '--role', 'lead');
  hark(db, 'demo');
  const browser = use(await openApp(db));
  const copy = 'Customer service (copy)';

  // The three templates came with the demo; a new form starts from one of them.
  await (await waitDisplayed(browser, 'nav-scorecards')).click();
  const forms = await waitFor(
    browser,
    async () => {
      const rows = await rowsOf(browser, 'scorecard-row', ['name', 'version']);
      return rows.length === 3 ? rows : null;
    },
    'the Scorecards screen does not list the 3 templates',
  );
  check(forms.every((form) => form.version === '1'), `unexpected versions ${JSON.stringify(forms)}`);
  await (await byId(browser, 'scorecard-new-from-template')).click();
  await (await browser.$('[data-testid="template-card"][data-name="Customer service"] [data-testid="template-use"]')).click();
  await waitFor(browser, async () => (await textOf(browser, 'designer-title')) === copy, `the new form is not called ${copy}`);

  // A section of its own with one yes/no question, saved as version 1.
  await (await byId(browser, 'designer-add-section')).click();
  const sections = await rowsOf(browser, 'designer-section', ['index']);
  const last = `[data-testid="designer-section"][data-index="${sections.length - 1}"]`;
  await (await browser.$(`${last} [data-testid="section-title"]`)).setValue('Follow-up');
  await (await browser.$(`${last} [data-testid="question-text"]`)).setValue('Offered further help');
  await (await byId(browser, 'scorecard-save')).click();
  await waitDisplayed(browser, 'designer-saved');
  const shown = hark(db, 'scorecard', 'show', copy);
  check(shown.includes('Follow-up') && shown.includes('Offered further help'), `hark scorecard show does not have the new question:\n${shown}`);
  await screenshot(browser, 'scorecard-designer.png');

  // An evaluation started with version 1 freezes it.
  await (await byId(browser, 'nav-library')).click();
  const call = await waitFor(browser, async () => (await libraryRows(browser))[0] ?? null, 'the library shows no call');
  await (await browser.$(`[data-testid="library-row"][data-recording-id="${call.id}"] [data-testid="cell-fileName"]`)).click();
  await waitDisplayed(browser, 'call-page');
  await startEvaluation(browser, copy);

  // Editing it now makes version 2; version 1 stays as the evaluation used it.
  // Scorecards comes back on the form it was left on, which now knows it is in use.
  await (await byId(browser, 'nav-scorecards')).click();
  await waitFor(browser, async () => (await textOf(browser, 'designer-title')) === copy, `Scorecards did not come back on ${copy}`);
  await waitDisplayed(browser, 'designer-frozen');
  await (await byId(browser, 'designer-pass-mark')).setValue('85');
  await (await byId(browser, 'scorecard-save')).click();
  await waitFor(browser, async () => (await textOf(browser, 'designer-saved'))?.includes('2'), 'saving the used form did not say it made version 2');
  await waitFor(browser, async () => (await rowsOf(browser, 'version-row', ['version'])).length === 2, 'the history does not list 2 versions');
  const passMark = (version) => JSON.parse(hark(db, 'scorecard', 'export', copy, '--version', version)).scorecard.passMark;
  check(passMark('1') === 80 && passMark('2') === 85, `pass marks of versions 1 and 2: ${passMark('1')}, ${passMark('2')}`);
  await screenshot(browser, 'scorecard-new-version.png');

  await setLanguage(browser, 'fa');
  await (await byId(browser, 'nav-scorecards')).click();
  await waitDisplayed(browser, 'designer');
  await screenshot(browser, 'scorecard-designer-fa.png');
});

async function driverReady() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${DRIVER_HOST}:${DRIVER_PORT}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`tauri-driver is not answering on ${DRIVER_HOST}:${DRIVER_PORT}`);
}

async function main() {
  const words = process.argv.slice(2);
  const chosen = words.length === 0 ? scenarios : scenarios.filter((s) => words.some((w) => s.name.includes(w)));
  mkdirSync(OUT, { recursive: true });
  let passed = 0;
  let failed = 0;
  const results = [];

  try {
    await driverReady();
  } catch (error) {
    console.error(error.message);
    console.log(`E2E: 0 passed, ${chosen.length} failed`);
    process.exit(1);
  }

  for (const { name, body } of chosen) {
    const dir = mkdtempSync(join(tmpdir(), `hark-e2e-${name}-`));
    const sessions = [];
    const started = Date.now();
    console.log(`▶ ${name}`);
    let error = null;
    try {
      await body({ dir, use: (browser) => (sessions.push(browser), browser) });
    } catch (caught) {
      error = caught;
      const live = sessions.at(-1);
      if (live) {
        try {
          await live.saveScreenshot(join(OUT, `FAILED-${name}.png`));
          log(`screenshot target/e2e/FAILED-${name}.png`);
        } catch {
          // the session is gone
        }
      }
    } finally {
      for (const browser of sessions) await closeApp(browser);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (error) {
      failed++;
      console.log(`✗ ${name} (${seconds} s): ${error instanceof Check ? error.message : error.stack ?? error}`);
      console.log(`  database kept in ${dir}`);
    } else {
      passed++;
      console.log(`✓ ${name} (${seconds} s)`);
      if (!KEEP_TEMP) rmSync(dir, { recursive: true, force: true });
    }
    results.push({ name, ok: !error, seconds: Number(seconds), error: error ? String(error.message ?? error) : null });
  }

  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify({ passed, failed, results, timings }, null, 2)}\n`);
  console.log(`E2E: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

await main();
