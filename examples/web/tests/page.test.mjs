// The calculator page (examples/web, built by build.sh with vite) in headless Chromium: the
// form filled for cases of the seed tables (figures from the seed-cell vectors and the seed
// texts, each naming its row), an error with its suggestion, the language switch, the renewal
// window, keyboard only, phone width, offline after load, an axe-core check, and the bundle's
// gzipped size. Screenshots of the main states go to examples/web/test-results/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { VOCABULARIES, quote } from 'ceseda';
import { NO_CHROMIUM, REPO, RESULTS, WEB, launch, screenshotPath, serve, watchedPage } from './browser.mjs';

const DIST = join(WEB, 'dist');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CELLS = JSON.parse(readFileSync(join(REPO, 'crates/ceseda/tests/vectors/seed_cells.json'), 'utf8')).cells;
const cell = (id) => CELLS.find((c) => c.id === id) ?? assert.fail(`no seed cell ${id}`);

const lbl = (vocabulary, code, lang = 'fr') => {
  const e = VOCABULARIES[vocabulary].find((x) => x.code === code) ?? assert.fail(`${vocabulary} ${code}`);
  return lang === 'fr' ? e.labelFr : e.labelEn;
};
const eur = (amount, lang = 'fr') => (lang === 'fr' ? `${amount.replace('.', ',')}\u00a0€` : `€${amount}`);

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is not built: run examples/web/build.sh first`);

/** Fills the form: the search box, the permit, procedure, date, then the sub-cases asked. */
async function fill(page, { search, permit, procedure, date, fields = {} }) {
  await page.fill('#permit-search', search);
  await page.selectOption('#permit', permit);
  await page.selectOption('#procedure', procedure);
  await page.fill('#date', date);
  for (const [name, value] of Object.entries(fields)) {
    const input = page.locator(`#f-${name}`);
    await input.waitFor();
    if (await input.evaluate((e) => e.tagName === 'SELECT')) await input.selectOption(String(value));
    else await input.fill(String(value));
  }
}

/** The lines the page shows: [label, amount, article, due]. */
const shownLines = (page) => page.$$eval('#lines tbody tr', (rows) => rows.map((r) => [r.querySelector('.item').textContent, ...[...r.querySelectorAll('td')].map((td) => td.textContent)]));
const shownFields = (page) => page.$$eval('#extra-fields [data-field]', (fs) => fs.map((f) => f.dataset.field));

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the calculator page', { skip: NO_CHROMIUM }, () => {
  let http;
  let browser;
  before(async () => {
    http = await serve(DIST);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    http?.server.close();
  });

  async function open(query = '') {
    const { page, problems } = await watchedPage(browser.context);
    await page.goto(`${http.url}${query}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return { page, problems };
  }

  test('seed 004, CST Visiteur, first issue: 225 (200+25), each line with its article and when it is due', async () => {
    const c = cell('004/visiteur/first_issue');
    const { page, problems } = await open();
    await fill(page, { search: 'visiteur', ...c.request });
    assert.equal(await page.textContent('#total'), eur(c.expected.total));
    assert.deepEqual(await shownLines(page), [
      [lbl('component', 'tax'), eur(c.expected.components.tax), 'CESEDA L. 436-1', lbl('due', 'at_issue')],
      [lbl('component', 'droit_de_timbre'), eur(c.expected.components.droit_de_timbre), 'CESEDA L. 436-7', lbl('due', 'at_issue')],
    ]);
    assert.match(await page.textContent('#lines tbody'), new RegExp(c.row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await page.textContent('#at-filing'), eur('0.00'));
    assert.match(await page.textContent('#explain'), /L\. 436-1/);
    assert.deepEqual(await shownFields(page), ['irregular_entry', 'application_date', 'defence_cooperation_agreement']);
    await page.screenshot({ path: screenshotPath('01-visiteur-fr'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  test('seed 004, VPF regroupement familial on site, spouse: 225 (200+25); the form asks who is reunited', async () => {
    const c = cell('004/vpf_regroupement_familial/first_issue/on_site_spouse');
    const { page, problems } = await open();
    const { permit, procedure, date, family_member: familyMember, reunification_on_site: onSite } = c.request;
    await fill(page, { search: 'regroupement familial', permit, procedure, date });
    assert.ok((await shownFields(page)).includes('family_member'));
    assert.ok((await shownFields(page)).includes('reunification_on_site'));
    assert.equal(await page.textContent('#total'), eur(cell('004/vpf_regroupement_familial/first_issue/spouse').expected.total)); // 75 (50+25) off site
    await fill(page, { search: 'regroupement familial', permit, procedure, date, fields: { family_member: familyMember, reunification_on_site: onSite } });
    assert.equal(await page.textContent('#total'), eur(c.expected.total));
    assert.deepEqual((await shownLines(page)).map(([, amount]) => amount), [eur(c.expected.components.tax), eur(c.expected.components.droit_de_timbre)]);
    assert.deepEqual(problems, []);
  });

  test('visa de régularisation (seed 004: "200€ dont 50€ à acquitter lors de la demande"), salarié, irregular entry: 425, 50 at filing', async () => {
    const c = cell('004/salarie/first_issue'); // 225 (200+25) CST, plus the visa de régularisation
    const { page, problems } = await open();
    await fill(page, { search: 'salarié', ...c.request, fields: { irregular_entry: 'true', application_date: '2022-03-01' } });
    assert.equal(await page.textContent('#total'), eur('425.00'));
    assert.equal(await page.textContent('#at-filing'), eur('50.00'));
    const lines = await shownLines(page);
    assert.deepEqual(lines.map(([label, amount, , due]) => [label, amount, due]), [
      [lbl('component', 'tax'), eur(c.expected.components.tax), lbl('due', 'at_issue')],
      [lbl('component', 'droit_de_timbre'), eur(c.expected.components.droit_de_timbre), lbl('due', 'at_issue')],
      [lbl('component', 'visa_de_regularisation_filing'), eur('50.00'), lbl('due', 'at_filing')],
      [lbl('component', 'visa_de_regularisation_balance'), eur('150.00'), lbl('due', 'at_issue')],
    ]);
    await page.screenshot({ path: screenshotPath('02-visa-de-regularisation-fr'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  test('late renewal (seed 004 measure 6: 180 € after the filing window), salarié, with its filing window', async () => {
    const c = cell('004/salarie/renewal'); // 225 (200+25) CST/CSP, plus the late-renewal charge
    const { page, problems } = await open();
    await fill(page, { search: 'salarie', ...c.request, fields: { previous_title_expiry: '2022-05-31', application_date: '2022-06-10' } });
    assert.equal(await page.textContent('#total'), eur('405.00'));
    const lines = await shownLines(page);
    assert.deepEqual(lines.at(-1).slice(0, 2), [lbl('component', 'late_renewal_charge'), eur('180.00')]);
    // The renewal window of a title expiring on 31 May 2022, filed on 10 June: late.
    await page.fill('#expiry', '2022-05-31');
    await page.dispatchEvent('#expiry', 'change');
    assert.match(await page.textContent('#window-answer'), new RegExp(lbl('windowStatus', 'late')));
    assert.match(await page.textContent('#window-answer'), /31 mai 2022/);
    // Force majeure excuses it (seed 004: "Exemptions : en cas de force majeure").
    await page.selectOption('#f-force_majeure', 'true');
    assert.equal(await page.textContent('#total'), eur(c.expected.total));
    await page.selectOption('#f-force_majeure', '');
    await page.screenshot({ path: screenshotPath('03-late-renewal-fr'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  test('seed 003, CST Visiteur, first issue in 2018: 269 (250+19), in English', async () => {
    const c = cell('003/visiteur/first_issue');
    const { page, problems } = await open('?lang=en');
    await fill(page, { search: 'visitor', ...c.request });
    assert.equal(await page.textContent('#total'), eur(c.expected.total, 'en'));
    assert.deepEqual((await shownLines(page)).map(([label, amount]) => [label, amount]), [
      [lbl('component', 'tax', 'en'), eur(c.expected.components.tax, 'en')],
      [lbl('component', 'droit_de_timbre', 'en'), eur(c.expected.components.droit_de_timbre, 'en')],
    ]);
    assert.deepEqual(problems, []);
  });

  test('seed 003, CR enfant ou ascendant de Français: printed "69 (250+19)", the erratum shown with its reading, 269', async () => {
    const c = cell('003/cr_enfant_ascendant_de_francais/first_issue');
    const { page, problems } = await open();
    await fill(page, { search: 'ascendant', ...c.request });
    assert.equal(await page.textContent('#total'), eur(c.expected.total));
    assert.equal(await page.isVisible('#errata-block'), true);
    const errata = await page.textContent('#errata');
    assert.match(errata, /69 \(250\+19\)/);
    assert.match(errata, /269 \(250\+19\)/);
    assert.deepEqual(problems, []);
  });

  test('seed 004, VLS-TS: "même montant que le titre de séjour" is said in words, never 0', async () => {
    const c = cell('004/vls_ts/first_issue');
    assert.equal(c.expected.total, null);
    const { page, problems } = await open();
    await fill(page, { search: 'visa long séjour', ...c.request });
    const total = await page.textContent('#total');
    assert.equal(total, lbl('outcome', 'same_as_replaced_title'));
    assert.doesNotMatch(total, /0[,.]00/);
    assert.equal(await page.getAttribute('#total', 'data-total'), 'null');
    assert.ok((await page.$$eval('#reasons li', (li) => li.length)) > 0, 'the reason is given');
    assert.ok((await shownFields(page)).includes('underlying_permit'));
    await page.screenshot({ path: screenshotPath('04-vls-ts-words-fr'), fullPage: true });
    // Given the title it replaces (a visiteur card), it is that card's quote.
    await page.selectOption('#f-underlying_permit', 'visiteur');
    assert.equal(await page.textContent('#total'), eur(cell('004/visiteur/first_issue').expected.total));
    assert.deepEqual(problems, []);
  });

  test('a near-miss code: the error is next to the permit, in French, with the suggestion, which one click applies', async () => {
    const { page, problems } = await open();
    await page.fill('#permit-search', 'visiteurr');
    const error = await page.textContent('#err-permit');
    assert.match(error, new RegExp(lbl('errorCode', 'unknown_code')));
    assert.match(error, /Vouliez-vous dire « visiteur »/);
    assert.equal(await page.getAttribute('#permit-search', 'aria-invalid'), 'true');
    assert.equal(await page.isHidden('#result'), true);
    await page.screenshot({ path: screenshotPath('05-error-suggestion-fr'), fullPage: true });
    await page.click('button.suggestion');
    assert.equal(await page.inputValue('#permit'), 'visiteur');
    assert.equal(await page.textContent('#err-permit'), '');
    assert.equal(await page.isVisible('#result'), true);
    // A date no source covers: refused next to the date, naming the periods.
    await page.fill('#date', '2008-06-01');
    assert.match(await page.textContent('#err-date'), new RegExp(lbl('errorCode', 'date_out_of_range')));
    assert.deepEqual(problems, []);
  });

  test('the language switch: labels, outcome and messages in English, then back in French', async () => {
    const { page, problems } = await open('?permit=salarie&procedure=first_issue&date=2022-06-15&irregular_entry=true');
    assert.equal(await page.textContent('#total'), eur('425.00'));
    await page.click('#lang-en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Residence permit fee calculator');
    assert.equal(await page.textContent('#total'), eur('425.00', 'en'));
    assert.deepEqual((await shownLines(page)).map(([label]) => label), ['tax', 'droit_de_timbre', 'visa_de_regularisation_filing', 'visa_de_regularisation_balance'].map((c) => lbl('component', c, 'en')));
    assert.match(await page.textContent('#explain'), /Tax on the issue/);
    assert.equal(await page.textContent('label[for="f-irregular_entry"]'), 'Irregular entry or stay');
    await page.screenshot({ path: screenshotPath('06-visa-en'), fullPage: true });
    await page.fill('#permit-search', 'visiteurr');
    assert.match(await page.textContent('#err-permit'), /Did you mean/);
    await page.click('#lang-fr');
    assert.match(await page.textContent('#err-permit'), /Vouliez-vous dire/);
    assert.equal(await page.textContent('h1'), 'Calculateur des taxes du titre de séjour');
    assert.deepEqual(problems, []);
  });

  test('the same quote in the page, the package, the CLI and Python: same labels, lines and total', async (t) => {
    const request = { permit: 'salarie', procedure: 'first_issue', date: '2022-06-15', irregular_entry: true };
    const { page } = await open('?permit=salarie&procedure=first_issue&date=2022-06-15&irregular_entry=true');
    const q = quote(request);
    const shown = await shownLines(page);
    assert.deepEqual(shown.map(([label, amount, basis]) => [label, amount, basis]), q.lines.map((l) => [lbl('component', l.component), eur(l.amount), l.basis]));
    assert.equal(await page.textContent('#total'), eur(q.total));
    const canonical = (answer) => ({ total: answer.total, lines: answer.lines.map((l) => [l.component, l.amount, l.basis, l.due]) });
    const cli = join(REPO, 'target', 'debug', 'ceseda');
    if (existsSync(cli)) {
      const out = JSON.parse(execFileSync(cli, ['quote', '--permit', 'salarie', '--procedure', 'first_issue', '--date', '2022-06-15', '--irregular_entry', '--json'], { encoding: 'utf8' }));
      assert.deepEqual(canonical(out.quote ?? out), canonical(q));
    } else t.diagnostic(`${cli} not built: CLI comparison skipped`);
    const python = join(REPO, '.venv', 'bin', 'python');
    if (existsSync(python)) {
      const script = 'import ceseda, json; q = ceseda.quote(permit="salarie", procedure="first_issue", date="2022-06-15", irregular_entry=True); print(json.dumps({"total": str(q.total), "lines": [[l.component, str(l.amount), l.basis, l.due] for l in q.lines], "labels": [ceseda.Component(l.component).label_fr for l in q.lines]}))';
      let out = null;
      try { out = JSON.parse(execFileSync(python, ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })); } catch (e) { t.diagnostic(`Python package not importable: ${e.message.split('\n')[0]}`); }
      if (out) {
        assert.deepEqual({ total: out.total, lines: out.lines }, canonical(q));
        assert.deepEqual(out.labels, shown.map(([label]) => label));
      }
    } else t.diagnostic(`${python} missing: Python comparison skipped`);
  });

  test('keyboard only: search, choose, fill and read the total without a mouse', async () => {
    const { page, problems } = await open();
    await page.focus('#permit-search');
    await page.keyboard.type('etudiant');
    await page.keyboard.press('ArrowDown'); // into the list of matches
    assert.equal(await page.evaluate(() => document.activeElement.id), 'permit');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'procedure');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'date');
    await page.keyboard.type('06152022'); // the browser's locale (en-US) orders month, day, year
    const c = cell('004/etudiant/first_issue');
    assert.equal(await page.inputValue('#permit'), 'etudiant');
    assert.equal(await page.textContent('#total'), eur(c.expected.total));
    // The language switch is reachable and works from the keyboard too.
    await page.focus('#lang-en');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(problems, []);
  });

  test('phone width: nothing wider than the screen; offline after load it still answers', async () => {
    const { page, problems } = await open('?permit=salarie&procedure=renewal&date=2022-06-15&previous_title_expiry=2022-05-31&application_date=2022-06-10&expiry=2022-05-31');
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await page.textContent('#total'), eur('405.00'));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways at 360 px');
    await page.screenshot({ path: screenshotPath('07-phone-late-renewal-fr'), fullPage: true });
    await page.context().setOffline(true);
    try {
      await page.selectOption('#f-holds_valid_visa', 'true'); // seed 004: "si présentation d'un visa valide"
      assert.equal(await page.textContent('#total'), eur('225.00'));
    } finally {
      await page.context().setOffline(false);
    }
    assert.deepEqual(problems, []);
  });

  test('axe-core finds no accessibility violation (labels, contrast, landmarks), in both languages and with an error shown', async () => {
    const { page } = await open('?permit=salarie&procedure=renewal&date=2022-06-15&previous_title_expiry=2022-05-31&application_date=2022-06-10&expiry=2022-05-31');
    await page.click('#explain-block summary');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('#lang-en');
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('#permit-search', 'visiteurr');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('the bundle, gzipped, is reported', () => {
    const assets = join(DIST, 'assets');
    const files = readdirSync(assets).map((f) => ({ f, raw: statSync(join(assets, f)).size, gz: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length }));
    const html = gzipSync(readFileSync(join(DIST, 'index.html')), { level: 9 }).length;
    const total = files.reduce((s, x) => s + x.gz, html);
    const report = [...files.map((x) => `${x.f}\t${x.raw}\t${x.gz}`), `index.html\t${statSync(join(DIST, 'index.html')).size}\t${html}`, `total gzipped\t\t${total}`].join('\n');
    writeFileSync(join(RESULTS, 'bundle-size.txt'), `${report}\n`);
    console.log(`bundle (file, bytes, gzipped bytes):\n${report}`);
    assert.ok(files.some((x) => x.f.endsWith('.wasm')), 'vite emitted the .wasm');
    assert.ok(total < 400_000, `the page is ${total} bytes gzipped`);
  });
});
