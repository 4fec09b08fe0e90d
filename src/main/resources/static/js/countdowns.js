// Keeps the clocks on a page true while it stays open: every 20 s (and when the tab becomes visible again) each
// <time data-countdown> re-renders its words from its datetime attribute, and a target that fell due turns
// "breached" (a promised update: "overdue") without waiting for a reload or a change to the ticket. The words are
// the server's (DisplayTimes.relative, TicketPage.chip/nextUpdate), so a refresh shows the same text.
//   data-countdown="relative"  "5 min ago" / "in 2 h"                         (last change, opened…)
//   data-countdown="due"       queue row: "due in 2 h" / "breached 5 min ago"; class sla-soon within 30 min
//   data-countdown="chip"      SLA chip: "due in 2 h" / "breached 5 min ago"; the chip (closest .sla-chip) turns sla-breached
//   data-countdown="update"    "next update due in 40 min" / "next update overdue by 5 min"; its closest [data-overdue-class] is flagged
(function () {
  'use strict';
  var SOON_MS = 30 * 60 * 1000;

  function span(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000), days = Math.floor(minutes / 1440),
        hours = Math.floor(minutes / 60) % 24, mins = minutes % 60;
    if (days >= 2) return days + ' days';
    if (days === 1) return hours === 0 ? '1 day' : '1 day ' + hours + ' h';
    if (hours > 0) return mins === 0 ? hours + ' h' : hours + ' h ' + mins + ' min';
    return mins > 0 ? mins + ' min' : '';
  }
  function relative(due, now) {
    var s = span(due - now);
    if (!s) return 'just now';
    return due < now ? s + ' ago' : 'in ' + s;
  }
  function ago(due, now) { var s = span(now - due); return s ? s + ' ago' : 'just now'; }
  function swap(el, from, to) {
    from.forEach(function (c) { el.classList.remove(c); });
    el.classList.add(to);
  }

  function render(t, now) {
    var due = Date.parse(t.getAttribute('datetime'));
    if (isNaN(due)) return;
    var late = due <= now;
    switch (t.dataset.countdown) {
      case 'relative':
        t.textContent = relative(due, now);
        break;
      case 'due':
        t.textContent = late ? 'breached ' + ago(due, now) : 'due ' + relative(due, now);
        swap(t, ['sla-running', 'sla-soon', 'sla-breached'], late ? 'sla-breached' : due - now <= SOON_MS ? 'sla-soon' : 'sla-running');
        break;
      case 'chip':
        var chip = t.closest('.sla-chip');
        if (late) {
          t.textContent = 'breached ' + ago(due, now);
          if (chip && !chip.classList.contains('sla-breached')) {
            swap(chip, ['sla-running', 'sla-warning'], 'sla-breached');
            var state = chip.querySelector('.visually-hidden');
            if (state) state.textContent = 'Breached:';
          }
        } else {
          t.textContent = 'due in ' + span(due - now);
        }
        break;
      case 'update':
        var s = span(due - now) || 'less than a minute';
        t.textContent = late ? 'next update overdue by ' + s : 'next update due in ' + s;
        var holder = t.closest('[data-overdue-class]');
        if (holder) holder.dataset.overdueClass.split(' ').forEach(function (c) { holder.classList.toggle(c, late); });
        break;
    }
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll('time[data-countdown]').forEach(function (t) { render(t, now); });
  }
  window.batonCountdowns = { tick: tick };
  setInterval(tick, 20000);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) tick(); });
  document.addEventListener('htmx:afterSettle', tick);
})();
