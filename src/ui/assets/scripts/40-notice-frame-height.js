// Shows each framed notice whole: sets the frame's height to its document's, so a reviewer reads
// the letter at its full length with no scroll bar inside the page. The frame is sandboxed without
// scripts but keeps its origin, which lets this page read its height. Without this script the frame
// keeps its tall height from the stylesheet.
(function () {
  'use strict';
  function fit(frame) {
    var doc = frame.contentDocument;
    if (!doc || !doc.documentElement || doc.URL === 'about:blank') return;
    // Shrink first: a document is never shorter than its frame, so measuring a tall frame measures the frame.
    frame.style.height = '0px';
    frame.style.height = doc.documentElement.scrollHeight + 'px';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var frames = document.querySelectorAll('iframe.rendered-html');
    frames.forEach(function (frame) {
      frame.addEventListener('load', function () { fit(frame); });
      // The frame may have loaded before this script ran.
      if (frame.contentDocument && frame.contentDocument.readyState === 'complete') fit(frame);
    });
    // A narrower window wraps the letter onto more lines.
    var pending;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(function () { frames.forEach(fit); }, 100);
    });
  });
})();
