// 入户采集: the field app's screens. Villages are taken along while there is signal; households are
// filed, corrected and deeds proposed with or without it; the queue goes out when the network and
// the sign-in allow, each item with its state (待同步 / 已同步 / 被拒绝 / 冲突).
import * as store from './store.js';
import * as api from './sync.js';
import { check, todayIn, unknownKinds } from './rules.js';
import { CORRECTABLE, deedForm, el, householdForm, label, readDeed, readHousehold, showErrors } from './forms.js';

const ZONE = 'Asia/Shanghai';
const body = document.body;
const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
const words = JSON.parse(document.getElementById('field-words').textContent);
words.names = JSON.parse(document.getElementById('field-names').textContent);
const official = body.dataset.official === 'true';
const view = document.getElementById('view');
const banner = document.getElementById('banner');

let online = false;
let signedIn = false;
let syncing = false;
let keepDays = 14;

const w = (key, values = {}) => (words[key] || key).replace(/\{(\w+)\}/g, (all, n) => (values[n] !== undefined ? values[n] : all));
const today = () => todayIn(ZONE);
const when = (ms) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: ZONE, month: lang === 'en' ? 'short' : 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' })
  .format(new Date(ms));

function show(name, ...children) {
  view.replaceChildren(...children.filter(Boolean));
  view.dataset.view = name;
  window.scrollTo(0, 0);
}

function say(text, kind = 'info') {
  banner.textContent = '';
  if (text) {
    banner.append(typeof text === 'string' ? document.createTextNode(text) : text);
  }
  banner.dataset.kind = kind;
  banner.hidden = !text;
}

function setNet() {
  const state = !online ? 'offline' : signedIn ? 'online' : 'signed-out';
  const net = document.getElementById('net');
  net.dataset.state = state;
  net.textContent = w(`fieldapp.net.${state}`);
  if (state === 'signed-out') {
    say(el('span', {}, w('fieldapp.signedOut'), ' ', el('a', { href: '/console/field/app', id: 'sign-in', text: w('fieldapp.signIn') })), 'warn');
  }
}

async function counts() {
  const items = await store.queue();
  const pending = items.filter((i) => i.state !== 'synced').length;
  document.getElementById('queue-count').textContent = pending ? String(pending) : '';
  return items;
}

// ---- reaching the console ----------------------------------------------------------------------

async function connect() {
  try {
    const me = await api.session();
    online = true;
    signedIn = true;
    if (await store.wipeIfStale(me.login)) {
      say(w('fieldapp.wipedOther'));
    }
    keepDays = me.keepDays;
    await store.stamp(me.login, me.keepDays);
  } catch (e) {
    online = !(e instanceof api.Offline);
    signedIn = false;
    keepDays = (await store.meta()).keepDays || keepDays;
    if (await store.wipeIfStale(null)) {
      say(w('fieldapp.wipedOld'));
    }
  }
  setNet();
  return signedIn;
}

async function sync() {
  if (syncing) {
    return;
  }
  syncing = true;
  body.dataset.sync = 'running';
  try {
    if (!(await connect())) {
      return;
    }
    await api.refreshReference();
    const tally = await api.sendQueue(() => counts());
    if (tally.synced + tally.refused + tally.conflict > 0) {
      say(w('fieldapp.syncDone', tally), tally.refused + tally.conflict ? 'warn' : 'info');
    }
  } catch (e) {
    if (e instanceof api.SignedOut) {
      signedIn = false;
      setNet();
    } else if (e instanceof api.Offline) {
      online = false;
      setNet();
      say(w('fieldapp.syncStopped'), 'warn');
    } else {
      throw e;
    }
  } finally {
    await counts();
    if (view.dataset.view === 'queue') {
      await showQueue();
    }
    syncing = false;
    body.dataset.sync = 'idle'; // after the queue's screen shows the outcome
  }
}

// ---- villages ----------------------------------------------------------------------------------

async function showVillages() {
  const known = new Map();
  for (const name of await store.names('village:')) {
    const kept = await store.get(name);
    known.set(kept.village.code, kept);
  }
  let mine = [...known.values()].map((k) => k.village);
  if (online && signedIn) {
    try {
      mine = await api.villages();
    } catch {
      // keep the villages taken before
    }
  }
  const list = el('ul', { class: 'villages' });
  for (const village of mine) {
    const kept = known.get(village.code);
    list.append(el('li', { 'data-village': village.code },
      el('label', {}, el('input', { type: 'checkbox', class: 'take', value: village.code, checked: !!kept, disabled: !signedIn }), ' ',
        el('strong', { text: village.name })),
      el('span', { class: 'state', text: kept ? w('fieldapp.taken', { count: kept.count, time: when(kept.takenAt) }) : w('fieldapp.notTaken') }),
      kept ? el('button', { type: 'button', class: 'open', 'data-village': village.code, text: w('fieldapp.open') }) : null));
  }
  const take = el('button', { type: 'button', id: 'take-villages', class: 'primary', disabled: !signedIn, text: w('fieldapp.takeSelected') });
  take.addEventListener('click', async () => {
    take.disabled = true;
    try {
      await api.refreshReference();
      for (const box of list.querySelectorAll('input.take:checked')) {
        const village = mine.find((v) => v.code === box.value);
        say(w('fieldapp.downloading', { village: village.name }));
        await api.takeVillage(village);
      }
      for (const box of list.querySelectorAll('input.take:not(:checked)')) {
        await store.remove(`village:${box.value}`);
      }
      say(w('fieldapp.takenAll'));
    } catch (e) {
      say(e instanceof api.SignedOut ? w('fieldapp.signedOut') : w('fieldapp.syncStopped'), 'warn');
    }
    await showVillages();
  });
  list.addEventListener('click', (e) => {
    if (e.target.classList.contains('open')) {
      showVillage(e.target.dataset.village);
    }
  });
  show('villages', el('h1', { text: w('fieldapp.villages') }),
    mine.length ? list : el('p', { class: 'empty', text: w('fieldapp.noVillages') }),
    mine.length ? el('p', { class: 'hint', text: w('fieldapp.takeHint', { days: keepDays }) }) : null,
    mine.length ? el('div', { class: 'actions' }, take) : null);
}

async function showVillage(code, filter = '') {
  const kept = await store.get(`village:${code}`);
  if (!kept) {
    return showVillages();
  }
  const rules = await store.get('rules');
  const business = new Map(((rules && rules.doc.fields.find((f) => f.path === 'file.production.mainBusiness')) || { rules: [] })
    .rules.filter((r) => r.type === 'Enum').flatMap((r) => r.values.map((v) => [v.value, v.label || v.value])));
  const queued = (await store.queue()).filter((i) => i.kind === 'create' && i.villageCode === code && i.state !== 'synced');
  // what a masked entry still shows: the family name and the ID's last four characters
  const rows = kept.pages.flatMap((p) => p.households)
    .filter((h) => !filter || (h.headName || '').includes(filter) || (h.headResidentId || '').endsWith(filter.toUpperCase()));
  const table = el('table', { class: 'households' },
    el('thead', {}, el('tr', {}, ['fieldapp.head', 'fieldapp.headId', 'fieldapp.members', 'fieldapp.mainBusiness', 'fieldapp.factsAsOf', 'fieldapp.actions']
      .map((k) => el('th', { text: w(k) })))));
  const tbody = el('tbody');
  for (const item of queued) {
    tbody.append(el('tr', { class: 'queued' }, el('td', { text: item.title }), el('td', { text: '—' }),
      el('td', { text: String((item.body.file.members || []).length) }), el('td', { text: '—' }), el('td', { text: '—' }),
      el('td', {}, el('span', { class: `badge ${item.state}`, text: w(`fieldapp.state.${item.state}`) }))));
  }
  for (const h of rows.slice(0, 300)) {
    tbody.append(el('tr', { 'data-household': h.id },
      el('td', { text: h.headName }), el('td', { class: 'id', text: h.headResidentId }), el('td', { text: String(h.members) }),
      el('td', { text: business.get(h.mainBusiness) || '—' }), el('td', { text: h.factsAsOf || '—' }),
      el('td', {},
        official ? el('button', { type: 'button', class: 'correct link', 'data-household': h.id, text: w('fieldapp.correct') }) : null,
        el('button', { type: 'button', class: 'deed link', 'data-household': h.id, text: w('fieldapp.deed') }))));
  }
  table.append(tbody);
  table.addEventListener('click', (e) => {
    const id = e.target.dataset.household;
    const household = rows.find((h) => h.id === id);
    if (e.target.classList.contains('correct')) {
      showCorrection(kept.village, household);
    } else if (e.target.classList.contains('deed')) {
      showDeed(kept.village, household);
    }
  });
  const search = el('input', { type: 'search', id: 'filter', value: filter, placeholder: w('fieldapp.filter') });
  search.addEventListener('change', () => showVillage(code, search.value.trim()));
  const add = official ? el('button', { type: 'button', id: 'new-household', class: 'primary', text: w('fieldapp.newHousehold') }) : null;
  add?.addEventListener('click', () => showHousehold(kept.village));
  show('village', el('h1', { text: kept.village.name }),
    el('p', { class: 'hint', text: w('fieldapp.taken', { count: kept.count, time: when(kept.takenAt) }) }),
    el('div', { class: 'row-tools' }, search, add),
    el('div', { class: 'scroll' }, table),
    rows.length > 300 ? el('p', { class: 'hint', text: w('fieldapp.narrow') }) : null);
}

// ---- capture -----------------------------------------------------------------------------------

async function rulesDoc(name) {
  const kept = await store.get(name);
  return kept ? kept.doc : null;
}

function headName(file) {
  const head = (file.members || []).find((m) => m.relation === 'HEAD') || (file.members || [])[0] || {};
  return head.name || '';
}

/** A new household's file (or one sent back to be mended: {@code item}). */
async function showHousehold(village, item = null) {
  const doc = await rulesDoc('rules');
  if (!doc) {
    return say(w('fieldapp.noRules'), 'warn');
  }
  const file = item ? { ...item.body.file, __reason: item.body.reason } : defaults(doc, village.code);
  const form = householdForm(doc, file, words);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { file: filled, reason } = readHousehold(form);
    filled.villageCode = village.code;
    const errors = check(doc, { file: filled }, { lang });
    if (showErrors(form, errors)) {
      say(w('fieldapp.refusedOnDevice', { count: errors.length }), 'warn');
      return;
    }
    await save(item, { kind: 'create', villageCode: village.code, title: headName(filled), body: { file: filled, reason: reason || w('fieldapp.reasonNew') } });
    showVillage(village.code);
  });
  show('household', el('h1', { text: item ? w('fieldapp.mendTitle') : `${w('fieldapp.newHousehold')} · ${village.name}` }),
    unknownNote(doc), item ? serverReasons(form, item) : null, form);
  if (item) {
    showErrors(form, (item.problem && item.problem.errors) || []);
  }
}

function defaults(doc, villageCode) {
  const file = { villageCode, members: [{ relation: 'HEAD' }] };
  for (const section of ['production', 'land', 'assets', 'income', 'liabilities', 'social']) {
    if (doc.fields.some((f) => f.path === `file.${section}.asOf`)) {
      file[section] = { asOf: today(), source: w('fieldapp.defaultSource') };
    }
  }
  return file;
}

/** A correction made without the whole file: the parts ticked, each replacing that part whole. */
async function showCorrection(village, household, item = null) {
  const doc = await rulesDoc('rules');
  if (!doc) {
    return say(w('fieldapp.noRules'), 'warn');
  }
  const changes = item ? item.body.changes : {};
  const included = item ? [...new Set(Object.keys(changes).map((k) => (['address', 'phone', 'yearsResident'].includes(k) ? 'basic' : k)))] : [];
  const start = { ...changes, __reason: item ? item.body.reason : '' };
  for (const section of ['production', 'land', 'assets', 'income', 'liabilities', 'social']) {
    if (!start[section] && doc.fields.some((f) => f.path === `file.${section}.asOf`)) {
      start[section] = { asOf: today(), source: w('fieldapp.defaultSource') };
    }
  }
  const form = householdForm(doc, start, words, { correcting: true, included });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { file: filled, included: ticked, reason } = readHousehold(form);
    const next = {};
    for (const key of CORRECTABLE) {
      const section = ['address', 'phone', 'yearsResident'].includes(key) ? 'basic' : key;
      if (ticked.includes(section) && filled[key] !== undefined) {
        next[key] = filled[key];
      }
    }
    if (Object.keys(next).length === 0) {
      showErrors(form, [{ field: '', message: w('fieldapp.nothingToCorrect') }]);
      return;
    }
    const errors = check(doc, { file: next }, { lang, only: Object.keys(next) });
    if (showErrors(form, errors)) {
      say(w('fieldapp.refusedOnDevice', { count: errors.length }), 'warn');
      return;
    }
    const baseVersion = item ? item.body.baseVersion : household.version;
    await save(item, { kind: 'correct', villageCode: village.code, householdId: household.id, title: household.headName,
      body: { baseVersion, changes: next, reason: reason || w('fieldapp.reasonCorrect') } });
    showVillage(village.code);
  });
  show('correction', el('h1', { text: `${w('fieldapp.correct')} · ${household.headName}` }),
    el('p', { class: 'hint', text: `${w('fieldapp.correctionHint')} ${w('fieldapp.baseVersion', { version: item ? item.body.baseVersion : household.version })}` }),
    item ? serverReasons(form, item) : null, form);
  if (item) {
    showErrors(form, (item.problem && item.problem.errors) || []);
  }
}

async function showDeed(village, household, item = null) {
  const catalogue = await store.get('deedRules');
  const doc = await rulesDoc('proposalRules');
  const values = item ? item.body : {};
  const form = deedForm(catalogue ? catalogue.doc.rules : [], values, words, today());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const proposal = { ...readDeed(form), householdId: household.id };
    const errors = doc ? check(doc, { ...proposal, kind: 'DEED' }, { lang, root: null }) : [];
    if (!proposal.ruleCode && !errors.some((x) => x.field === 'ruleCode')) {
      errors.push({ field: 'ruleCode', message: w('fieldapp.chooseRule') });
    }
    if (showErrors(form, errors)) {
      say(w('fieldapp.refusedOnDevice', { count: errors.length }), 'warn');
      return;
    }
    await save(item, { kind: 'deed', villageCode: village.code, householdId: household.id, title: household.headName, body: proposal });
    showVillage(village.code);
  });
  show('deed', el('h1', { text: `${w('fieldapp.deed')} · ${household.headName}` }), item ? serverReasons(form, item) : null, form);
  if (item) {
    showErrors(form, (item.problem && item.problem.errors) || []);
  }
}

/** Queues a new item, or puts a mended one back in the queue under its own key (only success is stored with a key). */
async function save(item, fresh) {
  if (item) {
    await store.update({ ...item, ...fresh, state: 'pending', problem: null });
  } else {
    await store.enqueue({ ...fresh, key: crypto.randomUUID(), state: 'pending', createdAt: Date.now() });
  }
  say(w('fieldapp.saved'));
  await counts();
  if (online && signedIn) {
    sync();
  }
}

function unknownNote(doc) {
  const kinds = unknownKinds(doc);
  return kinds.length ? el('p', { class: 'hint', text: w('fieldapp.unknownRules', { kinds: kinds.join('、') }) }) : null;
}

function serverReasons(form, item) {
  const problem = item.problem || {};
  return el('div', { class: 'refusal', role: 'alert' }, el('strong', { text: w('fieldapp.serverReasons') }),
    el('p', { text: [problem.title, problem.detail].filter(Boolean).join('：') }));
}

// ---- the queue ---------------------------------------------------------------------------------

async function showQueue() {
  const items = await counts();
  const list = el('ul', { class: 'queue' });
  for (const item of items) {
    const actions = [];
    if (item.state === 'refused') {
      actions.push(el('button', { type: 'button', class: 'mend link', 'data-item': String(item.id), text: w('fieldapp.edit') }));
    }
    if (item.state === 'conflict') {
      actions.push(el('button', { type: 'button', class: 'resolve link', 'data-item': String(item.id), text: w('fieldapp.resolve') }));
    }
    if (item.state !== 'synced') {
      actions.push(el('button', { type: 'button', class: 'discard link', 'data-item': String(item.id), text: w('fieldapp.discard') }));
    }
    list.append(el('li', { class: 'item', 'data-state': item.state, 'data-kind': item.kind, 'data-item': String(item.id) },
      el('span', { class: `badge ${item.state}`, text: w(`fieldapp.state.${item.state}`) }),
      el('strong', { text: `${w(`fieldapp.kind.${item.kind}`)} · ${item.title}` }),
      el('span', { class: 'when', text: item.sentAt ? w('fieldapp.sent', { time: when(item.sentAt) }) : when(item.createdAt) }),
      item.state === 'refused' && item.problem ? el('span', { class: 'why', text: item.problem.title || '' }) : null,
      el('span', { class: 'actions' }, actions)));
  }
  list.addEventListener('click', async (e) => {
    const id = Number(e.target.dataset.item);
    const item = (await store.queue()).find((i) => i.id === id);
    if (!item) {
      return;
    }
    const village = ((await store.get(`village:${item.villageCode}`)) || {}).village || { code: item.villageCode, name: '' };
    if (e.target.classList.contains('mend')) {
      if (item.kind === 'create') {
        showHousehold(village, item);
      } else if (item.kind === 'correct') {
        showCorrection(village, { id: item.householdId, headName: item.title, version: item.body.baseVersion }, item);
      } else {
        showDeed(village, { id: item.householdId, headName: item.title }, item);
      }
    } else if (e.target.classList.contains('resolve')) {
      showConflict(item);
    } else if (e.target.classList.contains('discard') && window.confirm(w('fieldapp.discardConfirm'))) {
      await store.dequeue(id);
      showQueue();
    }
  });
  const clear = el('button', { type: 'button', id: 'clear-synced', class: 'link', text: w('fieldapp.clearSynced') });
  clear.addEventListener('click', async () => {
    for (const item of await store.queue()) {
      if (item.state === 'synced') {
        await store.dequeue(item.id);
      }
    }
    showQueue();
  });
  show('queue', el('h1', { text: w('fieldapp.queue') }),
    items.length ? list : el('p', { class: 'empty', text: w('fieldapp.emptyQueue') }),
    items.some((i) => i.state === 'synced') ? el('div', { class: 'actions' }, clear) : null);
}

function shown(value, path, doc) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  const field = doc && doc.fields.find((f) => f.path === `file.${path}`);
  const values = field && (field.rules.find((r) => r.type === 'Enum') || {}).values;
  if (values) {
    return (values.find((v) => v.value === value) || {}).label || String(value);
  }
  if (typeof value === 'boolean') {
    return w(value ? 'fieldapp.yes' : 'fieldapp.no');
  }
  return Array.isArray(value) ? value.join('、') : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A stale correction: both values of every field that differs, the person chooses which to keep. */
async function showConflict(item) {
  const doc = await rulesDoc('rules');
  const problem = item.problem;
  const table = el('table', { class: 'conflict' },
    el('thead', {}, el('tr', {}, el('th', { text: w('fieldapp.field') }), el('th', { text: w('fieldapp.mine') }), el('th', { text: w('fieldapp.theirs') }))));
  const tbody = el('tbody');
  problem.fields.forEach((f, i) => {
    const name = `choice-${i}`;
    tbody.append(el('tr', { 'data-path': f.path },
      el('th', { text: label(`file.${f.path}`, words) }),
      el('td', {}, el('label', {}, el('input', { type: 'radio', name, value: 'mine', checked: true }), ` ${shown(f.mine, f.path, doc)}`)),
      el('td', {}, el('label', {}, el('input', { type: 'radio', name, value: 'theirs' }), ` ${shown(f.theirs, f.path, doc)}`))));
  });
  table.append(tbody);
  const resend = el('button', { type: 'button', id: 'resend', class: 'primary', text: w('fieldapp.resend') });
  resend.addEventListener('click', async () => {
    const changes = structuredClone(item.body.changes);
    problem.fields.forEach((f, i) => {
      if (table.querySelector(`input[name="choice-${i}"]:checked`).value === 'theirs') {
        if (f.path.includes('.')) {
          place(changes, f.path, f.theirs);
        } else {
          delete changes[f.path]; // a whole part (the phone, shown masked): keep the platform's by not sending it
        }
      }
    });
    await store.update({ ...item, key: crypto.randomUUID(), state: 'pending', problem: null,
      body: { ...item.body, baseVersion: problem.currentVersion, changes } });
    await showQueue();
    await sync();
  });
  show('conflict', el('h1', { text: w('fieldapp.conflictTitle', { base: problem.baseVersion, current: problem.currentVersion }) }),
    el('p', { class: 'hint', text: w('fieldapp.conflictHint') }), el('div', { class: 'scroll' }, table), el('div', { class: 'actions' }, resend));
}

function place(target, path, value) {
  const parts = path.split('.');
  let at = target;
  parts.slice(0, -1).forEach((p) => { at[p] = at[p] || {}; at = at[p]; });
  at[parts[parts.length - 1]] = value;
}

// ---- start -------------------------------------------------------------------------------------

document.getElementById('go-villages').addEventListener('click', () => showVillages());
document.getElementById('go-queue').addEventListener('click', () => showQueue());
document.getElementById('sync-now').addEventListener('click', () => sync());
document.getElementById('logout').addEventListener('click', async () => {
  // the worker first, so that nothing it still fetches refills what is wiped next
  const registration = await navigator.serviceWorker?.getRegistration('/console/field/');
  await registration?.unregister();
  await store.wipe();
  window.location.assign('/console/logout');
});
window.addEventListener('online', () => sync());
window.addEventListener('offline', () => { online = false; setNet(); });

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/console/field/sw.js', { scope: '/console/field/' }).catch(() => undefined);
}

(async () => {
  await connect();
  await counts();
  await showVillages();
  body.dataset.state = 'ready';
  performance.mark('field-ready'); // what the benchmark reads as "usable"
  if (signedIn) {
    sync();
  }
})();
