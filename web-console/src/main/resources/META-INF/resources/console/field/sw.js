// The field app's service worker: keeps the app's shell (its page, scripts, styles, icons) so the
// app opens without signal. It never keeps an answer of the console's API: what a visit needs
// (villages, households, rules) and what is captured live only in the app's encrypted store.
const SHELL = 'field-shell-v1';
const PAGE = '/console/field/app';
const FILES = [
  PAGE,
  '/console/field/manifest.webmanifest',
  '/console/field/assets/field.css',
  '/console/field/assets/app.js',
  '/console/field/assets/store.js',
  '/console/field/assets/rules.js',
  '/console/field/assets/forms.js',
  '/console/field/assets/sync.js',
  '/console/field/assets/icon.svg',
  '/console/field/assets/icon-192.png',
  '/webjars/idb/7.0.1/build/index.js',
  '/webjars/idb/7.0.1/build/wrap-idb-value.js',
];
// How long a page load waits for the network before it opens the kept shell (a weak link).
const PAGE_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    for (const file of FILES) {
      // a redirect (to sign-in) or a refusal is never kept as the shell
      const answer = await fetch(file, { redirect: 'manual', cache: 'no-cache' });
      if (answer.ok && answer.type === 'basic') {
        await cache.put(file, answer);
      }
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('field-shell-') && name !== SHELL) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === PAGE) {
    event.respondWith(page(event.request));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(file(event));
  }
  // anything else, the API above all, goes to the network as it is
});

/** Keeps an answer in the shell's cache, unless the cache is gone (wiped at sign-out): a late answer never brings it back. */
async function keep(path, answer) {
  if (answer.ok && answer.type === 'basic' && (await caches.has(SHELL))) {
    await (await caches.open(SHELL)).put(path, answer);
  }
}

/** The page from the network when it answers in time (fresh words, a fresh sign-in), else the kept one. */
async function page(request) {
  const network = fetch(request).then(async (answer) => {
    await keep(PAGE, answer.clone());
    return answer;
  });
  network.catch(() => undefined); // offline: the kept page answers
  const kept = await caches.match(PAGE, { cacheName: SHELL });
  if (!kept) {
    return network;
  }
  const late = new Promise((resolve) => setTimeout(() => resolve(null), PAGE_WAIT_MS));
  try {
    return (await Promise.race([network, late])) || kept;
  } catch {
    return kept;
  }
}

/** A file from the cache at once, refreshed from the network behind it for the next start. */
async function file(event) {
  const path = new URL(event.request.url).pathname;
  const kept = await caches.match(path, { cacheName: SHELL });
  const refresh = fetch(event.request, { cache: 'no-cache' }).then(async (answer) => {
    await keep(path, answer.clone());
    return answer;
  });
  if (kept) {
    event.waitUntil(refresh.catch(() => undefined));
    return kept;
  }
  return refresh;
}
