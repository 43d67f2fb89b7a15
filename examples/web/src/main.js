// A fee calculator on the ceseda npm package: every figure, label, message and the list of
// questions to ask come from the package; this file only lays them out.
import { CesedaError, VOCABULARIES, explain, quote, relevantFields, renewalWindow } from 'ceseda';
import { STRINGS } from './strings.js';
import './style.css';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let lang = params.get('lang') === 'en' ? 'en' : 'fr';
const t = () => STRINGS[lang];

// ---------------------------------------------------------------------------------------------
// Labels, money and dates.

const VOCABULARY_KEY = { family_member: 'familyMember', card_kind: 'cardKind', card_validity: 'cardValidity', admission_card: 'admissionCard', eu_status: 'euStatus', window_rule: 'windowRule', window_status: 'windowStatus', error_code: 'errorCode' };
const entriesOf = (vocabulary) => VOCABULARIES[VOCABULARY_KEY[vocabulary] ?? vocabulary] ?? [];
function label(vocabulary, code) {
  const e = entriesOf(vocabulary).find((x) => x.code === code);
  return e ? (lang === 'fr' ? e.labelFr : e.labelEn) : code;
}
const fieldLabel = (f) => (lang === 'fr' ? f.labelFr : f.labelEn);
const fieldHelp = (f) => (lang === 'fr' ? f.helpFr : f.helpEn);

/** A two-decimal string as the page's language writes money (no float ever touches it). */
const money = (amount) => (lang === 'fr' ? `${amount.replace('.', ',')}\u00a0€` : `€${amount}`);

function longDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

const colon = () => (lang === 'fr' ? '\u00a0: ' : ': ');

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children);
  return e;
}

// ---------------------------------------------------------------------------------------------
// The form.

const documents = VOCABULARIES.document;
const extraValues = new Map(); // field name → the string value chosen ('' = not said)
let shownFields = [];

function renderStatic() {
  document.documentElement.lang = lang;
  document.title = t().title;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t()[node.dataset.t];
  $('lang-fr').setAttribute('aria-pressed', String(lang === 'fr'));
  $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
  const procedure = $('procedure');
  const chosen = procedure.value || 'first_issue';
  procedure.replaceChildren(...VOCABULARIES.procedure.map((p) => el('option', { value: p.code, text: label('procedure', p.code) })));
  procedure.value = chosen;
  filterPermits();
}

/** The permits whose French label, English label or code contains every word searched. */
function filterPermits() {
  const select = $('permit');
  const chosen = select.value;
  const words = fold($('permit-search').value).split(/\s+/).filter(Boolean);
  const matches = documents.filter((d) => {
    const hay = fold(`${d.labelFr} ${d.labelEn} ${d.code} ${d.code.replaceAll('_', ' ')}`);
    return words.every((w) => hay.includes(w));
  });
  select.replaceChildren(...matches.map((d) => el('option', { value: d.code, text: label('document', d.code) })));
  select.value = matches.some((d) => d.code === chosen) ? chosen : (matches[0]?.code ?? '');
  $('permit-count').textContent = t().matches(matches.length);
}

/** The permit code to quote: the one chosen, or what was typed when nothing matches it. */
function permitCode() {
  return $('permit').value || $('permit-search').value.trim();
}

function renderExtra(fields) {
  const box = $('extra-fields');
  // Only a control of this box is replaced (and so loses focus): give it back.
  const focused = box.contains(document.activeElement) ? document.activeElement.id : null;
  shownFields = fields;
  box.replaceChildren(...fields.map((f) => {
    const id = `f-${f.name}`;
    const value = extraValues.get(f.name) ?? '';
    let input;
    if (f.kind === 'date') {
      input = el('input', { type: 'date', id, name: f.name, value });
    } else {
      const options = f.kind === 'bool'
        ? [['true', t().yes], ['false', t().no]]
        : entriesOf(f.vocabulary).map((e) => [e.code, lang === 'fr' ? e.labelFr : e.labelEn]);
      input = el('select', { id, name: f.name }, el('option', { value: '', text: t().notSaid }), ...options.map(([v, text]) => el('option', { value: v, text })));
      input.value = value;
    }
    input.setAttribute('aria-describedby', `help-${f.name} err-${f.name}`);
    input.addEventListener('change', () => {
      extraValues.set(f.name, input.value);
      // The title to renew's expiry is also the renewal window's.
      if (f.name === 'previous_title_expiry' && !$('expiry').value) $('expiry').value = input.value;
      update();
    });
    return el('div', { class: 'field', 'data-field': f.name },
      el('label', { for: id, text: fieldLabel(f) }),
      input,
      el('p', { id: `help-${f.name}`, class: 'hint', text: fieldHelp(f) }),
      el('div', { id: `err-${f.name}`, class: 'error', role: 'alert' }));
  }));
  $('extra-none').hidden = fields.length > 0;
  if (focused && $(focused)) $(focused).focus();
}

function request() {
  const r = { permit: permitCode(), procedure: $('procedure').value };
  if ($('date').value) r.date = $('date').value;
  for (const f of shownFields) {
    const v = extraValues.get(f.name);
    if (!v) continue;
    r[f.name] = f.kind === 'bool' ? v === 'true' : v;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Errors, next to the field they name.

function clearErrors() {
  for (const node of document.querySelectorAll('.error')) node.replaceChildren();
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

function showError(error) {
  if (!(error instanceof CesedaError)) throw error;
  const field = error.field ?? 'permit';
  const slot = $(`err-${field}`) ?? $('err-permit');
  const input = field === 'permit' ? $('permit-search') : $(field === 'procedure' || field === 'date' ? field : `f-${field}`);
  input?.setAttribute('aria-invalid', 'true');
  // A long list of accepted codes goes under a disclosure: the suggestion is what helps.
  const long = error.expected.length > 12;
  const parts = [el('strong', { text: `${label('error_code', error.code)}${colon()}` }),
    long ? el('span', { text: error.value === null ? '' : lang === 'fr' ? `« ${error.value} »` : `“${error.value}”` }) : document.createTextNode(error.message)];
  if (long) parts.push(el('details', {}, el('summary', { text: t().accepted }), el('p', { text: error.message })));
  if (error.suggestion && field === 'permit') {
    const suggestion = error.suggestion;
    parts.push(el('button', {
      type: 'button', class: 'suggestion', text: t().didYouMean(label('document', suggestion)),
      onclick: () => { $('permit-search').value = ''; filterPermits(); $('permit').value = suggestion; update(); $('permit').focus(); },
    }));
  }
  slot.replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------
// The answer.

const relevantCache = new Map();
function relevant(permit, procedure, date) {
  const key = `${permit}|${procedure}|${date}|${lang}`;
  if (!relevantCache.has(key)) {
    try {
      relevantCache.set(key, { fields: relevantFields({ permit, procedure, date }, lang).fields });
    } catch (e) {
      relevantCache.set(key, { error: e });
    }
  }
  return relevantCache.get(key);
}

function renderQuote(q, r) {
  const result = $('result');
  result.hidden = false;
  const outcome = label('outcome', q.outcome);
  // A null total is not an amount: said in words, never shown as 0.
  $('total').textContent = q.total === null ? outcome : money(q.total);
  $('total').dataset.total = q.total ?? 'null';
  $('outcome').textContent = q.total === null ? '' : outcome;
  $('reasons').replaceChildren(...(q.outcome === 'amount_due' ? [] : q.notes.map((n) => el('li', { text: n[lang] }))));
  $('lines').querySelector('tbody').replaceChildren(...q.lines.map((l) => el('tr', { 'data-component': l.component },
    el('th', { scope: 'row' }, el('span', { class: 'item', text: label('component', l.component) }), el('span', { class: 'why', text: l.explanation[lang] }), el('span', { class: 'seed', text: `${t().seed}${colon()}${l.seed} — ${l.seedRow}` })),
    el('td', { class: 'num', 'data-label': `${t().colAmount}${colon()}`, text: money(l.amount) }),
    el('td', { 'data-label': `${t().colBasis}${colon()}`, text: l.basis }),
    el('td', { 'data-label': `${t().colDue}${colon()}`, text: label('due', l.due) }))));
  $('lines').hidden = q.lines.length === 0;
  $('at-filing').textContent = q.dueAtFiling === null ? '' : money(q.dueAtFiling);
  $('errata-block').hidden = q.errata.length === 0;
  $('errata').replaceChildren(...q.errata.map((e) => el('li', { text: `${t().errataReading(e.printed, e.reading)} — ${e.reason}` })));
  const notes = q.outcome === 'amount_due' ? q.notes : [];
  $('notes-block').hidden = notes.length === 0;
  $('notes').replaceChildren(...notes.map((n) => el('li', { text: n[lang] })));
  $('explain').textContent = explain(r, lang);
  $('regime').textContent = t().regime(label('regime', q.regime), label('confidence', q.confidence));
}

function renderWindow() {
  const permit = permitCode();
  const expiry = $('expiry').value;
  const answer = $('window-answer');
  $('window').hidden = !permit;
  if (!expiry) {
    answer.replaceChildren();
    return;
  }
  const filingDate = extraValues.get('application_date') || undefined;
  const online = extraValues.get('online_application');
  try {
    const w = renewalWindow({ permit, expiry, filingDate, onlineApplication: online ? online === 'true' : undefined }, lang);
    const row = (term, value) => [el('dt', { text: term }), el('dd', { text: value })];
    answer.replaceChildren(
      ...row(t().windowOpens, w.opens ? longDate(w.opens) : t().windowNone),
      ...row(t().windowCloses, longDate(w.closes)),
      ...(w.recommendedFrom ? row(t().windowRecommended, `${longDate(w.recommendedFrom)} – ${longDate(w.recommendedUntil)} (${w.recommendedFromBasis})`) : []),
      ...row(t().windowRule, `${label('window_rule', w.rule)} — ${w.basis}`),
      ...(w.status ? row(t().windowStatus, label('window_status', w.status)) : []),
      ...(w.lateAfter ? row(t().windowLateAfter, longDate(w.lateAfter)) : []),
    );
  } catch (e) {
    answer.replaceChildren();
    if (!(e instanceof CesedaError)) throw e;
    $('expiry').setAttribute('aria-invalid', 'true');
    $('err-expiry').replaceChildren(el('strong', { text: `${label('error_code', e.code)}${colon()}` }), document.createTextNode(e.message));
  }
}

function update() {
  clearErrors();
  const permit = permitCode();
  const procedure = $('procedure').value;
  const date = $('date').value;
  const rel = relevant(permit, procedure, date);
  if (rel.error) {
    renderExtra([]);
    $('extra-none').hidden = true;
    $('result').hidden = true;
    showError(rel.error);
  } else {
    renderExtra(rel.fields);
    const r = request();
    try {
      renderQuote(quote(r, lang), r);
    } catch (e) {
      $('result').hidden = true;
      showError(e);
    }
  }
  renderWindow();
}

// ---------------------------------------------------------------------------------------------
// Start: the form's state from the address (a shared link), then listeners.

function start() {
  renderStatic();
  const todayLocal = new Date();
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  $('date').value = params.get('date') ?? iso(todayLocal);
  if (params.get('procedure')) $('procedure').value = params.get('procedure');
  const permit = params.get('permit');
  if (permit) {
    if (documents.some((d) => d.code === permit)) $('permit').value = permit;
    else { $('permit-search').value = permit; filterPermits(); }
  } else {
    $('permit').value = 'visiteur';
  }
  for (const [k, v] of params) if (!['permit', 'procedure', 'date', 'lang', 'expiry'].includes(k)) extraValues.set(k, v);
  if (params.get('expiry')) $('expiry').value = params.get('expiry');

  $('permit-search').addEventListener('input', () => { filterPermits(); update(); });
  $('permit-search').addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && $('permit').options.length > 0) { e.preventDefault(); $('permit').focus(); }
  });
  for (const id of ['permit', 'procedure', 'date']) $(id).addEventListener('change', update);
  $('date').addEventListener('input', update);
  $('expiry').addEventListener('change', () => { $('err-expiry').replaceChildren(); renderWindow(); });
  for (const code of ['fr', 'en']) {
    $(`lang-${code}`).addEventListener('click', () => { lang = code; renderStatic(); update(); });
  }
  $('form').addEventListener('submit', (e) => { e.preventDefault(); update(); });
  $('loading').hidden = true;
  $('form').hidden = false;
  update();
  document.body.dataset.ready = 'true';
}

start();
