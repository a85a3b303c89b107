// In-page half of the story mode (bench/lib/story.mjs). The harness adds it to every document (the page and
// TimelineJS's iframe) before any of the page's own scripts, with Page.addScriptToEvaluateOnNewDocument, so
// the pages carry no measuring code. Each document records its own figures in window.__story; the harness reads
// them from the document the story lives in and puts them on the top page's clock (timeOrigin).
//
//   lcp           the `largest-contentful-paint` entries (buffered): time, size, element
//   fcp           the document's first-contentful-paint
//   firstHeadline the rAF check for the first scene's headline: the first frame in which date-line's title scene
//                 (`.scene-title` in its shadow root) or TimelineJS's title slide headline is drawn, visible and
//                 starting inside the timeline's box across; `painted` is the end of that frame (a message posted from the
//                 rAF runs after its style, layout and paint), as the cls mode's "events painted"
//   events        Event Timing entries (`event`, durationThreshold 16, and `first-input`): name, interactionId,
//                 startTime, duration, processingStart, processingEnd
//   presses       the timeStamp of every trusted pointerdown, to tie a press to its interaction
//   watch()       around a press: a frame log until the new scene's headline has stayed put, with no animation
//                 running in the document (CSS animations, date-line's fade in its shadow root among them), for
//                 three frames; `settled` is the start of the first of those frames
(function () {
  'use strict';
  if (window.__story) return;

  var state = (window.__story = {
    timeOrigin: performance.timeOrigin,
    lcp: [],
    fcp: null,
    firstHeadline: null,
    events: [],
    presses: [],
    errors: [],
  });

  function describe(node) {
    if (!node || node.nodeType !== 1) return null;
    var text = node.localName;
    if (node.id) text += '#' + node.id;
    if (typeof node.className === 'string' && node.className.trim())
      text += '.' + node.className.trim().split(/\s+/).slice(0, 2).join('.');
    return text;
  }

  function observe(type, options, each) {
    try {
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(each);
      }).observe(Object.assign({ type: type, buffered: true }, options));
    } catch (error) {
      state.errors.push(type + ': ' + error);
    }
  }

  observe('largest-contentful-paint', {}, function (entry) {
    state.lcp.push({
      time: entry.startTime,
      renderTime: entry.renderTime,
      size: entry.size,
      // An element in a shadow root is not exposed (null): the entry is still the element's paint.
      element: describe(entry.element),
      url: entry.url || null,
    });
  });
  observe('paint', {}, function (entry) {
    if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
  });
  function timing(entry) {
    state.events.push({
      type: entry.entryType,
      name: entry.name,
      interactionId: entry.interactionId || 0,
      startTime: entry.startTime,
      duration: entry.duration,
      processingStart: entry.processingStart,
      processingEnd: entry.processingEnd,
      target: describe(entry.target),
    });
  }
  observe('event', { durationThreshold: 16 }, timing);
  observe('first-input', {}, timing);

  addEventListener(
    'pointerdown',
    function (event) {
      if (event.isTrusted) state.presses.push(event.timeStamp);
    },
    true,
  );

  var TITLE = '.tl-slide-titleslide .tl-headline';
  var SHADOW_TITLE = '.scene .scene-title';
  var HEADLINES = '.tl-slide .tl-headline';

  /**
   * Drawn, visible and starting inside the timeline's box across (TimelineJS keeps its other slides beside the
   * one on show, clipped): the box of the rendered text, not of the heading's block.
   */
  function drawn(element) {
    if (element.checkVisibility && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return null;
    var container = document.querySelector('date-line, .tl-timeline');
    var bounds = container ? container.getBoundingClientRect() : { left: 0, right: innerWidth };
    var range = document.createRange();
    range.selectNodeContents(element);
    var r = range.getBoundingClientRect();
    // Where the text starts, not where it ends: a long word in TimelineJS's capitals runs past its slide.
    if (r.width < 1 || r.height < 1 || r.left < bounds.left - 1 || r.left >= bounds.right) return null;
    return r;
  }

  /** The headline of the scene on show: date-line's one scene, or TimelineJS's slide that is in view. */
  function currentHeadline() {
    var hosts = document.querySelectorAll('date-line');
    for (var i = 0; i < hosts.length; i++) {
      var root = hosts[i].shadowRoot;
      var inShadow = root && root.querySelector(SHADOW_TITLE);
      var box = inShadow && drawn(inShadow);
      if (box) return { element: inShadow, text: inShadow.textContent.trim(), box: box };
    }
    var all = document.querySelectorAll(HEADLINES);
    for (var j = 0; j < all.length; j++) {
      var rect = drawn(all[j]);
      if (rect) return { element: all[j], text: all[j].textContent.trim(), box: rect };
    }
    return null;
  }

  function titleDrawn() {
    var hosts = document.querySelectorAll('date-line');
    for (var i = 0; i < hosts.length; i++) {
      var title = hosts[i].shadowRoot && hosts[i].shadowRoot.querySelector(SHADOW_TITLE);
      if (title && drawn(title)) return title.textContent.trim();
    }
    var tl = document.querySelector(TITLE);
    return tl && drawn(tl) ? tl.textContent.trim() : null;
  }

  function frameEnd(callback) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      callback(performance.now());
    };
    channel.port2.postMessage(0);
  }

  function firstHeadline(now) {
    if (state.firstHeadline) return;
    var text = null;
    try {
      text = titleDrawn();
    } catch (error) {
      state.errors.push('title: ' + error);
    }
    if (text) {
      state.firstHeadline = { seen: now, painted: null, text: text.slice(0, 80) };
      frameEnd(function (end) {
        state.firstHeadline.painted = end;
      });
      return;
    }
    requestAnimationFrame(firstHeadline);
  }
  requestAnimationFrame(firstHeadline);

  /**
   * Animations that will end (a spinner that turns forever, as TimelineJS's while a medium loads, is left out), in
   * the document and in date-line's shadow roots: `document.getAnimations()` leaves out what runs in a shadow root.
   */
  function running() {
    var animations = document.getAnimations();
    var hosts = document.querySelectorAll('date-line');
    for (var i = 0; i < hosts.length; i++)
      if (hosts[i].shadowRoot) animations = animations.concat(hosts[i].shadowRoot.getAnimations());
    return animations.filter(function (animation) {
      return (
        animation.playState === 'running' && animation.effect && animation.effect.getTiming().iterations !== Infinity
      );
    }).length;
  }

  /**
   * Logs frames from now until another scene's headline is on show (another element: two scenes may share a
   * headline) and has been still, with nothing animating, for three frames (or `limit` ms). Resolves with
   * { changed, settled, text, frames, longest }: `settled` the rAF time of the first still frame.
   */
  state.watch = function (limit) {
    var start = currentHeadline();
    var before = start && start.element;
    return new Promise(function (resolve) {
      var started = performance.now();
      var still = 0;
      var first = null;
      var last = null;
      var frames = 0;
      var previous = started;
      var longest = 0;
      function frame(now) {
        frames++;
        longest = Math.max(longest, now - previous);
        previous = now;
        var current = currentHeadline();
        var fresh = !!current && current.element !== before;
        var moving = running();
        var box = current && current.box;
        var same =
          fresh && !moving && last && Math.abs(last.left - box.left) < 0.5 && Math.abs(last.top - box.top) < 0.5;
        if (same) {
          still++;
          if (first === null) first = now;
        } else {
          still = 0;
          first = fresh && !moving ? now : null;
        }
        last = box ? { left: box.left, top: box.top } : null;
        if (still >= 3 || now - started > limit) {
          resolve({
            changed: fresh,
            settled: still >= 3 ? first : null,
            text: current ? current.text.slice(0, 80) : null,
            frames: frames,
            longest: longest,
          });
          return;
        }
        requestAnimationFrame(frame);
      }
      requestAnimationFrame(frame);
    });
  };
  state.currentHeadline = function () {
    var current = currentHeadline();
    return current ? current.text : null;
  };
})();
