// In-page half of the cls mode (bench/lib/cls.mjs). The harness adds it to every document (the page and
// TimelineJS's iframe) before any of the page's own scripts, with Page.addScriptToEvaluateOnNewDocument, so the
// pages themselves carry no measuring code: the floor stays a page without a script.
//
// It records, in window.__cls:
//   shifts        every `layout-shift` entry without hadRecentInput (buffered), with what moved
//   fcp           the page's first-contentful-paint (Paint Timing)
//   elementTimes  Element Timing entries of event headlines: a MutationObserver gives every headline that
//                 enters the light DOM an `elementtiming` attribute before it is painted. Element Timing does
//                 not see into shadow roots, so date-line's own rendering is timed by the rAF check below.
//   firstHeadline the rAF check: each frame, is an event headline drawn (a text box that is not empty, visible,
//                 not off to the side; in the page, in date-line's shadow root or in a same-origin iframe)? `seen` is
//                 the frame's rAF time, `painted` the end of that frame (a message posted from the rAF runs
//                 after its style, layout and paint), as bench/pages/harness.js measures "rendered".
//   ready         when the timeline said it was ready: date-line-load, or a `bench-ready` event, or the load
//                 event for a page with no script
(function () {
  'use strict';
  if (window.__cls) return;
  var HEADLINES = [
    'article li h3', // the floor and the date-line html embed before it is upgraded
    '.vis-item-content',
    '.tl-timemarker .tl-headline',
    '.tl-slide:not(.tl-slide-titleslide) .tl-headline',
  ].join(', ');
  var SHADOW_HEADLINES = '.item .headline, .event .headline';

  var state = (window.__cls = {
    timeOrigin: performance.timeOrigin,
    shifts: [],
    fcp: null,
    elementTimes: [],
    firstHeadline: null,
    ready: null,
    load: null,
  });

  function describe(node) {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : null;
    var text = node.localName;
    if (node.id) text += '#' + node.id;
    if (typeof node.className === 'string' && node.className.trim())
      text += '.' + node.className.trim().split(/\s+/).slice(0, 2).join('.');
    return text;
  }

  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (entry.hadRecentInput) return;
        state.shifts.push({
          value: entry.value,
          startTime: entry.startTime,
          sources: (entry.sources || []).map(function (source) {
            return {
              node: describe(source.node),
              from: [source.previousRect.y, source.previousRect.height],
              to: [source.currentRect.y, source.currentRect.height],
            };
          }),
        });
      });
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
      });
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        state.elementTimes.push({
          identifier: entry.identifier,
          renderTime: entry.renderTime || entry.loadTime,
          text: entry.element ? entry.element.textContent.trim().slice(0, 60) : null,
        });
      });
    }).observe({ type: 'element', buffered: true });
  } catch (error) {
    state.observerError = String(error);
  }

  function mark(element) {
    if (element.matches && element.matches(HEADLINES) && !element.hasAttribute('elementtiming'))
      element.setAttribute('elementtiming', 'event-headline');
    if (element.querySelectorAll) {
      var inner = element.querySelectorAll(HEADLINES);
      for (var i = 0; i < inner.length; i++)
        if (!inner[i].hasAttribute('elementtiming')) inner[i].setAttribute('elementtiming', 'event-headline');
    }
  }
  // Classes too: TimelineJS gives a marker's headline its class after inserting it.
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === 'attributes') mark(record.target);
      record.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) mark(node);
      });
    });
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });

  function markReady() {
    if (state.ready === null) state.ready = performance.now();
  }
  document.addEventListener('date-line-load', markReady, true);
  window.addEventListener('bench-ready', markReady);
  window.addEventListener('load', function () {
    state.load = performance.now();
  });

  /**
   * Is this headline's text drawn and visible, across the viewport of its document (not off to one side, as
   * TimelineJS's other slides are)? Below the fold counts: the page scrolls to it. In an iframe (`whole`), it
   * must be inside the frame's viewport both ways, as the frame does not scroll with the page.
   */
  function drawn(element, view, whole) {
    if (element.checkVisibility && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return false;
    var range = element.ownerDocument.createRange();
    range.selectNodeContents(element);
    var rects = range.getClientRects();
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (r.width < 1 || r.height < 1) continue;
      if (r.right > 0 && r.left < view.innerWidth && (!whole || (r.bottom > 0 && r.top < view.innerHeight)))
        return true;
    }
    return false;
  }

  function findHeadline() {
    var found = Array.prototype.find.call(document.querySelectorAll(HEADLINES), function (element) {
      return drawn(element, window);
    });
    if (found) return { where: 'page', text: found.textContent };
    var hosts = document.querySelectorAll('date-line');
    for (var i = 0; i < hosts.length; i++) {
      var root = hosts[i].shadowRoot;
      if (!root) continue;
      var inShadow = Array.prototype.find.call(root.querySelectorAll(SHADOW_HEADLINES), function (element) {
        return drawn(element, window);
      });
      if (inShadow) return { where: 'shadow', text: inShadow.textContent };
    }
    var frames = document.querySelectorAll('iframe');
    for (var j = 0; j < frames.length; j++) {
      var frameWindow;
      try {
        frameWindow = frames[j].contentWindow;
        if (!frameWindow || !frameWindow.document) continue;
      } catch (error) {
        continue; // another origin
      }
      var box = frames[j].getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= innerHeight) continue;
      var inFrame = Array.prototype.find.call(frameWindow.document.querySelectorAll(HEADLINES), function (element) {
        return drawn(element, frameWindow, true);
      });
      if (inFrame) return { where: 'iframe', text: inFrame.textContent };
    }
    return null;
  }

  // Only the top document polls (it sees into date-line's shadow root and the same-origin iframe).
  if (window !== window.top) return;
  function frame(now) {
    if (state.firstHeadline) return;
    var found = null;
    try {
      found = findHeadline();
    } catch (error) {
      state.findError = String(error);
    }
    if (found) {
      state.firstHeadline = { seen: now, painted: null, where: found.where, text: found.text.trim().slice(0, 60) };
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        state.firstHeadline.painted = performance.now();
      };
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
