// The field app's way to the console: its JSON API under /console/field/api, with the session's
// cookie and the page's CSRF token. A sign-in that expired answers a redirect, which is read as
// "sign in again", never followed (it leads to the sign-in page of another origin).
import * as store from './store.js';

const API = '/console/field/api';
const WAIT_MS = 20000;

export class SignedOut extends Error {}
export class Offline extends Error {}

let csrf = null;

async function call(path, { method = 'GET', body, key, etag } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-TOKEN'] = csrf || '';
  }
  if (key) {
    headers['Idempotency-Key'] = key;
  }
  if (etag) {
    headers['If-None-Match'] = etag;
  }
  let answer;
  try {
    answer = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(WAIT_MS),
    });
  } catch {
    throw new Offline();
  }
  if (answer.type === 'opaqueredirect' || answer.status === 401) {
    throw new SignedOut();
  }
  if (answer.status >= 500 || answer.status === 0) {
    throw new Offline(); // the platform is away: try again later, keep everything
  }
  const type = answer.headers.get('Content-Type') || '';
  const json = answer.status !== 304 && type.includes('json') ? await answer.json() : null;
  return { status: answer.status, json, etag: answer.headers.get('ETag') };
}

/** Who is signed in, and a fresh CSRF token for the sends that follow. */
export async function session() {
  const answer = await call('/session');
  if (answer.status !== 200) {
    throw new SignedOut();
  }
  csrf = answer.json.csrf;
  return answer.json;
}

export async function villages() {
  return (await call('/villages')).json || [];
}

/** The rules (household file, deed proposal) and the deed catalogue, refreshed when they changed. */
export async function refreshReference() {
  for (const [name, path] of [['rules', '/rules'], ['deedRules', '/deed-rules'], ['proposalRules', '/proposal-rules']]) {
    const kept = await store.get(name);
    const answer = await call(path, { etag: kept && kept.etag });
    if (answer.status === 200) {
      await store.put(name, { etag: answer.etag, doc: answer.json });
    }
  }
}

/** A village's households, page by page, kept sealed with the time they were taken. */
export async function takeVillage(village) {
  const kept = (await store.get(`village:${village.code}`)) || { pages: [] };
  const pages = [];
  let total = Infinity;
  for (let page = 0; page * 500 < total; page++) {
    const before = kept.pages[page];
    const answer = await call(`/villages/${encodeURIComponent(village.code)}/households?page=${page}&size=500`,
      { etag: before && before.etag });
    if (answer.status === 304) {
      pages.push(before);
      total = before.total;
    } else if (answer.status === 200) {
      total = answer.json.total;
      pages.push({ etag: answer.etag, total, households: answer.json.households || answer.json.items || [] });
    } else {
      throw Object.assign(new Error('refused'), { answer });
    }
    if (total === 0) {
      break;
    }
  }
  const households = pages.flatMap((p) => p.households);
  await store.put(`village:${village.code}`, { village, pages, count: households.length, takenAt: Date.now() });
  return households.length;
}

const PATHS = {
  create: () => '/households',
  correct: (item) => `/households/${encodeURIComponent(item.householdId)}/corrections`,
  deed: () => '/proposals',
};

/**
 * Sends the queue in the order it was captured, each item under its own idempotency key, so a
 * resend after a lost answer files nothing twice. Stops at the first item the network or the
 * sign-in did not let through (the rest keep their order); a refusal or a conflict waits for the
 * person and the next items go on. {@code onItem} hears each item's new state.
 */
export async function sendQueue(onItem = () => {}) {
  const tally = { synced: 0, refused: 0, conflict: 0 };
  for (const item of await store.queue()) {
    if (item.state !== 'pending') {
      continue;
    }
    const answer = await call(PATHS[item.kind](item), { method: 'POST', body: item.body, key: item.key });
    if (answer.status >= 200 && answer.status < 300) {
      item.state = 'synced';
      item.result = answer.json;
      item.sentAt = Date.now();
      item.problem = null;
      tally.synced++;
    } else if (answer.status === 409 && answer.json && answer.json.fields) {
      item.state = 'conflict';
      item.problem = answer.json;
      tally.conflict++;
    } else {
      item.state = 'refused';
      item.problem = answer.json || { status: answer.status };
      tally.refused++;
    }
    await store.update(item);
    onItem(item);
  }
  return tally;
}
