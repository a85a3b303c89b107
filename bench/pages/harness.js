// In-page half of the benchmark, loaded first by every page as a classic script so that it starts the data
// request and the long-task observer before any library code runs. Kept tiny and dependency-free: whatever it
// costs is paid equally by every page, and its bytes are not counted as the library's.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var library = document.documentElement.dataset.library;
  var longTasks = [];
  var settle;
  var done = new Promise(function (resolve, reject) {
    settle = { resolve: resolve, reject: reject };
  });
  var frames = null;

  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        longTasks.push({ start: entry.startTime, duration: entry.duration });
      });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the harness reports long tasks as unknown rather than as zero.
    longTasks = null;
  }

  window.bench = {
    n: Number(params.get('n')),
    // The span the generated events cover (bench/lib/data.mjs), for the programmatic zoom.
    span: { start: Date.UTC(2015, 0, 1), end: Date.UTC(2020, 0, 1) },
    // Set by a page whose library has a programmatic zoom: zoomTo(startMs, endMs).
    zoomTo: null,
    // Every page asks for its data the same way, at the same moment, in its library's own format.
    data: fetch('/bench-data/' + library + '.json?n=' + params.get('n')).then(function (response) {
      if (!response.ok) throw new Error('data: HTTP ' + response.status);
      return response.json();
    }),
    done: done,

    /**
     * The library's ready signal. "Rendered" is the end of the first frame after it: rAF runs at the start of
     * that frame, before its style, layout and paint; a message posted from rAF runs after them. Measuring at
     * rAF alone would leave out the layout of everything the library has just put in the DOM.
     */
    ready: function (info) {
      var signal = performance.now();
      requestAnimationFrame(function () {
        var raf = performance.now();
        var channel = new MessageChannel();
        channel.port1.onmessage = function () {
          settle.resolve({ signal: signal, raf: raf, rendered: performance.now(), info: info || {} });
        };
        channel.port2.postMessage(0);
      });
    },

    /** For errors the page can see (a thrown constructor, an error event); uncaught ones reach the harness. */
    fail: function (error) {
      settle.reject(error instanceof Error ? error : new Error(String(error)));
    },

    /** Elements in the document and in every open shadow root (date-line renders into one). */
    countElements: function () {
      var count = 0;
      (function walk(root) {
        var all = root.querySelectorAll('*');
        count += all.length;
        for (var i = 0; i < all.length; i++) if (all[i].shadowRoot) walk(all[i].shadowRoot);
      })(document);
      return count;
    },

    /** Records the time between consecutive frames until stopFrames(). */
    startFrames: function () {
      frames = { stamps: [], from: performance.now(), running: true };
      var record = function (time) {
        if (!frames.running) return;
        frames.stamps.push(time);
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    },

    stopFrames: function () {
      frames.running = false;
      var to = performance.now();
      var deltas = [];
      for (var i = 1; i < frames.stamps.length; i++) deltas.push(frames.stamps[i] - frames.stamps[i - 1]);
      var from = frames.from;
      return {
        deltas: deltas,
        duration: to - from,
        longTasks:
          longTasks &&
          longTasks.filter(function (task) {
            return task.start + task.duration > from && task.start < to;
          }),
      };
    },

    /** Long tasks from navigation start up to now (the load). */
    loadLongTasks: function () {
      return longTasks && longTasks.slice();
    },

    /**
     * What the reader sees, for checking that the scripted input reached the library: the page's scroll
     * position, plus whatever a page adds (vis-timeline's window, TimelineJS's time navigator).
     */
    view: function () {
      var view = { scrollY: Math.round(scrollY) };
      if (window.bench.viewExtra) Object.assign(view, window.bench.viewExtra());
      return view;
    },
    viewExtra: null,
  };
})();
