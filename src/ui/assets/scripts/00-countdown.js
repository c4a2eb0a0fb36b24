// Keeps deadline countdowns current while a page stays open. The server wrote the first text; without
// this script the page is still right as of when it was loaded.
(function () {
  'use strict';
  function duration(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    if (days > 0) return days + ' d ' + hours + ' h';
    if (hours > 0) return hours + ' h ' + mins + ' min';
    return mins + ' min';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-due')) - now;
      el.textContent = left < 0 ? 'overdue by ' + duration(left) : 'in ' + duration(left);
      el.classList.toggle('overdue', left < 0);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 30000);
  });
})();
