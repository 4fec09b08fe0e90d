// Keyboard shortcuts for the agent console. "?" lists them. They never fire while typing in a field
// or with Ctrl, Alt or Meta held. Elements opt in with data-shortcut="x" (focus a field, click a button)
// and data-shortcut-row (rows that j / k move between; Enter opens the row's link).
(function () {
  'use strict';
  var KEYS = [
    ['?', 'Show these shortcuts'],
    ['g then q', 'Go to the queues'],
    ['c', 'New ticket'],
    ['/', 'Search on this page'],
    ['j / k', 'Next / previous row'],
    ['Enter', 'Open the current row']
  ];
  var pendingG = false;
  var current = -1;

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function help() {
    var dialog = document.getElementById('shortcuts-help');
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.id = 'shortcuts-help';
      dialog.className = 'shortcuts-help';
      dialog.setAttribute('aria-labelledby', 'shortcuts-help-title');
      var html = '<h2 class="h6" id="shortcuts-help-title">Keyboard shortcuts</h2><dl class="row small mb-2">';
      KEYS.forEach(function (k) {
        html += '<dt class="col-4"><kbd>' + k[0] + '</kbd></dt><dd class="col-8 mb-1">' + k[1] + '</dd>';
      });
      html += '</dl><form method="dialog"><button class="btn btn-sm btn-outline-secondary">Close</button></form>';
      dialog.innerHTML = html;
      document.body.appendChild(dialog);
    }
    if (!dialog.open) { dialog.showModal(); }
  }

  function move(step) {
    var rows = document.querySelectorAll('[data-shortcut-row]');
    if (rows.length === 0) { return; }
    if (rows[current]) { rows[current].classList.remove('shortcut-current'); }
    current = Math.max(0, Math.min(rows.length - 1, current + step));
    var row = rows[current];
    row.classList.add('shortcut-current');
    var link = row.querySelector('a[href]');
    (link || row).focus();
    row.scrollIntoView({block: 'nearest'});
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey || typing(e.target) || e.defaultPrevented) { return; }
    var key = e.key;
    if (pendingG) {
      pendingG = false;
      if (key === 'q') { e.preventDefault(); window.location.assign('/queues'); }
      return;
    }
    if (key === 'g') { pendingG = true; setTimeout(function () { pendingG = false; }, 1500); return; }
    if (key === '?') { e.preventDefault(); help(); return; }
    if (key === 'c') { e.preventDefault(); window.location.assign('/tickets/new'); return; }
    if (key === 'j' || key === 'k') { e.preventDefault(); move(key === 'j' ? 1 : -1); return; }
    if (key === 'Enter') {
      var row = document.querySelectorAll('[data-shortcut-row]')[current];
      var link = row && row.querySelector('a[href]');
      if (link && (document.activeElement === document.body || document.activeElement === row)) { e.preventDefault(); link.click(); }
      return;
    }
    if (key === '/') {
      var search = document.querySelector('main input[type="search"]');
      if (search) { e.preventDefault(); search.focus(); }
      return;
    }
    var target = key.length === 1 && document.querySelector('[data-shortcut="' + CSS.escape(key) + '"]');
    if (target) {
      e.preventDefault();
      if (typing(target)) { target.focus(); } else { target.click(); }
    }
  });
})();
