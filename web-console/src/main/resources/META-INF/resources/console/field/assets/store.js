// What the field app keeps on the device, in IndexedDB: every record sealed with AES-GCM under one
// key that Web Crypto made non-extractable (the page can use it, nobody can read it out), kept in
// the same database. Only the owner's login and the last use are stored plain. Wiped at sign-out,
// when another person signs in on the device, and after the configured days without use.
import { openDB, deleteDB } from '/webjars/idb/7.0.1/build/index.js';

const NAME = 'field-app';
const VERSION = 1;

let db = null;
let key = null;

async function open() {
  if (db) {
    return db;
  }
  db = await openDB(NAME, VERSION, {
    upgrade(base) {
      base.createObjectStore('meta');
      base.createObjectStore('sealed');
      base.createObjectStore('queue', { keyPath: 'id', autoIncrement: true });
    },
    blocking() {
      // another tab of the app wipes the store (sign-out): let go, so that its wipe is not held up
      db.close();
      db = null;
      key = null;
    },
  });
  key = await db.get('meta', 'key');
  if (!key) {
    key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await db.put('meta', key, 'key');
  }
  return db;
}

async function seal(value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, data };
}

async function unseal(box) {
  if (!box) {
    return undefined;
  }
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv }, key, box.data);
  return JSON.parse(new TextDecoder().decode(plain));
}

/** A sealed value by name ('rules', 'village:330281001001', ...), or undefined. */
export async function get(name) {
  await open();
  return unseal(await db.get('sealed', name));
}

export async function put(name, value) {
  await open();
  await db.put('sealed', await seal(value), name);
}

export async function remove(name) {
  await open();
  await db.delete('sealed', name);
}

/** The names of the sealed values that start with {@code prefix}. */
export async function names(prefix) {
  await open();
  return (await db.getAllKeys('sealed')).filter((k) => String(k).startsWith(prefix));
}

/** The queue in the order its items were captured: [{id, ...item}]. */
export async function queue() {
  await open();
  const out = [];
  for (const row of await db.getAll('queue')) {
    out.push({ ...(await unseal(row.box)), id: row.id });
  }
  return out;
}

/** Adds an item to the end of the queue; answers its id. */
export async function enqueue(item) {
  await open();
  const copy = { ...item };
  delete copy.id;
  return db.add('queue', { box: await seal(copy) });
}

/** Replaces a queued item (its state after a send, a correction by the user). */
export async function update(item) {
  await open();
  const copy = { ...item };
  delete copy.id;
  await db.put('queue', { id: item.id, box: await seal(copy) });
}

export async function dequeue(id) {
  await open();
  await db.delete('queue', id);
}

/** The plain facts: who owns the store and when it was last used. */
export async function meta() {
  await open();
  return {
    owner: await db.get('meta', 'owner'),
    lastUsed: await db.get('meta', 'lastUsed'),
    keepDays: await db.get('meta', 'keepDays'),
  };
}

export async function stamp(owner, keepDays) {
  await open();
  await db.put('meta', owner, 'owner');
  await db.put('meta', Date.now(), 'lastUsed');
  await db.put('meta', keepDays, 'keepDays');
}

/** Everything the app kept on the device: the database with its key, and the shell's cache. */
export async function wipe() {
  if (db) {
    db.close();
    db = null;
    key = null;
  }
  await deleteDB(NAME);
  if ('caches' in self) {
    for (const name of await caches.keys()) {
      if (name.startsWith('field-')) {
        await caches.delete(name);
      }
    }
  }
}

/** Wipes the store when it belongs to someone else or has lain unused longer than its days; answers whether it did. */
export async function wipeIfStale(owner, now = Date.now()) {
  const known = await meta();
  const days = known.keepDays || 14;
  const stale = known.lastUsed && now - known.lastUsed > days * 86400000;
  const foreign = owner && known.owner && known.owner !== owner;
  if (stale || foreign) {
    await wipe();
    return true;
  }
  return false;
}
