/* global self, caches */
/**
 * The app shell kept on the phone (H5 only): the console and the field pages open with no signal. index.html is
 * fetched from the network first (so a new build is seen at once) and kept; content-hashed assets are kept the
 * first time they are fetched and then read from the phone (their names change when they do). API calls and
 * photos are never kept here: the outbox and the pages keep what they need.
 */
var SHELL = 'linli-shell-v1'
var ASSETS = 'linli-assets-v1'

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(SHELL)
      .then(function (cache) {
        return fetch('/', { cache: 'no-cache' }).then(function (res) {
          if (!res.ok) return undefined
          var copy = res.clone()
          return res.text().then(function (html) {
            // the scripts and styles the page names: kept now, so a reload with no signal finds them
            var urls = []
            html.replace(/(?:src|href)="(\/(?:js|css|static)\/[^"]+)"/g, function (_m, u) {
              urls.push(u)
              return _m
            })
            return Promise.all([
              cache.put('/', copy),
              caches.open(ASSETS).then(function (assets) {
                return assets.addAll(urls)
              }),
            ])
          })
        })
      })
      .then(function () {
        return self.skipWaiting()
      }),
  )
})

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (k) {
              return k !== SHELL && k !== ASSETS
            })
            .map(function (k) {
              return caches.delete(k)
            }),
        )
      })
      .then(function () {
        return self.clients.claim()
      }),
  )
})

/** The page tells what it loaded before this worker took over (the first visit's lazily loaded pages). */
self.addEventListener('message', function (event) {
  var data = event.data || {}
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return
  event.waitUntil(
    caches.open(ASSETS).then(function (cache) {
      return Promise.all(
        data.urls.map(function (u) {
          return cache.match(u).then(function (hit) {
            return hit ? undefined : cache.add(u).catch(function () {})
          })
        }),
      )
    }),
  )
})

function isAsset(url) {
  return /^\/(js|css|static)\//.test(url.pathname)
}

self.addEventListener('fetch', function (event) {
  var req = event.request
  if (req.method !== 'GET') return
  var url = new URL(req.url)
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) return
  if (req.mode === 'navigate' || url.pathname === '/' || url.pathname === '/index.html') {
    event.respondWith(
      fetch(req)
        .then(function (res) {
          if (res.ok) {
            var copy = res.clone()
            caches.open(SHELL).then(function (c) {
              return c.put('/', copy)
            })
          }
          return res
        })
        .catch(function () {
          return caches.match('/').then(function (hit) {
            return (
              hit ||
              new Response(
                '<meta charset="utf-8"><p style="font-size:22px;padding:24px">没有信号，请有信号后再打开。</p>',
                {
                  headers: { 'content-type': 'text/html; charset=utf-8' },
                },
              )
            )
          })
        }),
    )
    return
  }
  if (isAsset(url)) {
    event.respondWith(
      caches.open(ASSETS).then(function (cache) {
        return cache.match(req).then(function (hit) {
          if (hit) return hit
          return fetch(req).then(function (res) {
            if (res.ok) cache.put(req, res.clone())
            return res
          })
        })
      }),
    )
  }
})
