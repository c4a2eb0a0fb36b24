// Keeps each unfinished send on the incident page current: polls its progress about once a second
// while it runs (less often while paused) and writes the figures the server words for it. Only a
// change of state is announced to screen readers; the counts change silently. Without this script
// the page refreshes itself while a send is unfinished.
(function () {
  'use strict';
  var WAIT_MS = { running: 1000, paused: 5000 };
  var RETRY_MS = 5000;

  function field(card, name) {
    return card.querySelector('[data-send-field="' + name + '"]');
  }
  function setText(card, name, value) {
    var el = field(card, name);
    if (el) el.textContent = value;
  }

  function apply(card, progress) {
    var bar = field(card, 'bar');
    if (bar) {
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.sent + progress.failed;
    }
    setText(card, 'counts', progress.text.counts);
    setText(card, 'rate', progress.text.rate);
    setText(card, 'eta', progress.text.eta);
    setText(card, 'statusReason', progress.statusReason || '');
    if (progress.status === card.getAttribute('data-send-status')) return;
    card.setAttribute('data-send-status', progress.status);
    var badge = field(card, 'status');
    if (badge) {
      badge.textContent = progress.text.status;
      badge.className = 'badge status-' + progress.status;
    }
    setText(card, 'announce', 'Send ' + progress.text.status.toLowerCase() + ': ' + progress.text.counts + '.');
    // Offer only the actions the new state allows (the server checks again on the post).
    card.querySelectorAll('[data-send-when]').forEach(function (el) {
      el.hidden = el.getAttribute('data-send-when').split(' ').indexOf(progress.status) < 0;
    });
  }

  function schedule(card, wait) {
    // A finished send (complete, cancelled) does not move any more.
    if (wait !== undefined) setTimeout(function () { poll(card); }, wait);
  }

  function poll(card) {
    fetch(card.getAttribute('data-send-progress'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('progress answered ' + response.status);
        return response.json();
      })
      .then(function (progress) {
        apply(card, progress);
        schedule(card, WAIT_MS[progress.status]);
      })
      .catch(function () {
        // A network blip or an ended session: try again later rather than hammering.
        schedule(card, RETRY_MS);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-send-progress]').forEach(function (card) {
      schedule(card, WAIT_MS[card.getAttribute('data-send-status')]);
    });
  });
})();
