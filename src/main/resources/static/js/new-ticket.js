// New ticket form: choosing a found customer fills the hidden requester field, and the resolution
// codes follow the ticket type. Without this script the form still works (the pick is posted).
(function () {
  'use strict';
  function form() { return document.getElementById('new-ticket-form'); }

  document.addEventListener('change', function (e) {
    var f = form();
    if (!f || !f.contains(e.target)) { return; }
    if (e.target.name === 'requesterPick') {
      document.getElementById('requesterId').value = e.target.value;
      var chosen = document.getElementById('requester-chosen');
      chosen.textContent = 'Requester: ' + e.target.getAttribute('data-requester-label');
    }
    if (e.target.name === 'type') { followType(); }
  });

  function followType() {
    var checked = document.querySelector('#new-ticket-form input[name="type"]:checked');
    var select = document.getElementById('resolution-code');
    if (!checked || !select) { return; }
    select.querySelectorAll('optgroup').forEach(function (group) {
      var other = group.getAttribute('data-type') !== checked.value;
      group.hidden = other;
      group.disabled = other;
      if (other && group.contains(select.selectedOptions[0])) { select.value = ''; }
    });
  }

  document.addEventListener('DOMContentLoaded', followType);
})();
