/*
 * Live refresh for Baton pages (no build step). Safe to include on any page, more than once.
 *
 * Every element with data-live-refresh="<url>" is re-fetched with htmx (outerHTML swap) when the server says a ticket
 * changed (server-sent events from /live/tickets, event "ticket-changed", data = ticket number). With
 * data-live-ticket="INC-1001" an element reacts to that ticket only. Refreshes are debounced (~500 ms), postponed while
 * the user is typing inside the element, and the page opens one EventSource at most, only if it has such elements.
 * The stream starts from the page's render instant (<meta name="baton-rendered-at">), and a reconnecting browser
 * sends the last event's id: the server first sends what changed in between, or "resync" (refresh everything) when
 * that is too much or too long ago, so no change is missed while the stream was not listening.
 */
(function () {
  'use strict';
  if (window.batonLive || typeof window.EventSource === 'undefined') {
    return;
  }
  var DEBOUNCE_MS = 500;
  var timers = new WeakMap();
  var inflight = {};
  var source = null;

  function busy(el) {
    var active = document.activeElement;
    return active && el.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && active.type !== 'hidden';
  }

  function refresh(el) {
    if (!document.body.contains(el) || !window.htmx) {
      return;
    }
    if (busy(el)) {
      schedule(el, 3000);
      return;
    }
    var url = el.getAttribute('data-live-refresh');
    if (!url) {
      return;
    }
    // one refresh of a region at a time: two in flight could land out of order and show the older answer last
    var key = el.id || url;
    if (inflight[key]) {
      inflight[key] = 'again';
      return;
    }
    inflight[key] = true;
    var done = function () {
      var again = inflight[key] === 'again';
      delete inflight[key];
      var current = el.id ? document.getElementById(el.id) : null;
      if (again && current) {
        schedule(current, DEBOUNCE_MS);
      }
    };
    var request = window.htmx.ajax('GET', url, {target: el, swap: 'outerHTML'});
    if (request && typeof request.then === 'function') {
      request.then(done, done);
    } else {
      delete inflight[key];
    }
  }

  function schedule(el, delay) {
    var pending = timers.get(el);
    if (pending) {
      clearTimeout(pending);
    }
    timers.set(el, setTimeout(function () {
      timers.delete(el);
      refresh(el);
    }, delay));
  }

  function changed(number) {
    var els = document.querySelectorAll('[data-live-refresh]');
    for (var i = 0; i < els.length; i++) {
      var only = els[i].getAttribute('data-live-ticket');
      if (!only || only === number) {
        schedule(els[i], DEBOUNCE_MS);
      }
    }
  }

  function everything() {
    var els = document.querySelectorAll('[data-live-refresh]');
    for (var i = 0; i < els.length; i++) {
      schedule(els[i], DEBOUNCE_MS);
    }
  }

  function connect() {
    if (source || !document.querySelector('[data-live-refresh]')) {
      return;
    }
    var rendered = document.querySelector('meta[name="baton-rendered-at"]');
    var since = rendered && rendered.content ? '?since=' + encodeURIComponent(rendered.content) : '';
    source = new EventSource('/live/tickets' + since);
    source.addEventListener('ticket-changed', function (event) {
      changed(String(event.data || '').trim());
    });
    source.addEventListener('resync', everything);
  }

  window.batonLive = {changed: changed};
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', connect);
  } else {
    connect();
  }
  // elements that arrive later (an htmx swap) may need the stream too
  document.addEventListener('htmx:afterSettle', connect);
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      connect();
    }
  });
})();
