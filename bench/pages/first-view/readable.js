// In-page half of the first-view mode (bench/lib/first-view.mjs): which headlines a reader can read in the
// first view, by one rule for every library. Injected by the harness after the library's ready signal and the
// settle time, into the page (or, for TimelineJS's iframe embed, into the iframe), then called as
// window.readableHeadlines(spec). It scrolls the page to hit-test headlines below the fold and scrolls it back.
//
// A headline is readable when all of these hold:
//   drawn      its box is not empty, and it is not hidden (checkVisibility with opacity and visibility)
//   inside     its box is wholly inside the component's box (the element, vis's container, the iframe)
//   unclipped  its box is wholly inside the padding box of every ancestor (across shadow roots) that clips
//              its overflow: a label partly off the axis, or a range item's label cut by the range's end
//   whole      it and its descendants fit their own boxes where they clip: scrollWidth <= clientWidth and
//              scrollHeight <= clientHeight (within a pixel): an ellipsis or a line clamp cuts it
//   on top     at three points along every line of its text (start, middle, end), the topmost element is the
//              headline itself (or inside it, or an ancestor of it that takes the hit because the headline has
//              pointer-events: none): no other element's own box (a cluster, another marker, a panel) is over
//              it. Hits on another element's pseudo-element or overflow (a 1-px grid line drawn by ::before) are
//              looked through: they are decoration, not a box over the text
(function () {
  'use strict';
  var TOLERANCE = 1;

  function composedParent(node) {
    if (node.parentElement) return node.parentElement;
    var root = node.getRootNode();
    return root && root.host ? root.host : null;
  }

  function inside(inner, outer) {
    return (
      inner.left >= outer.left - TOLERANCE &&
      inner.right <= outer.right + TOLERANCE &&
      inner.top >= outer.top - TOLERANCE &&
      inner.bottom <= outer.bottom + TOLERANCE
    );
  }

  function clipsOverflow(style) {
    return (
      style.overflowX !== 'visible' ||
      style.overflowY !== 'visible' ||
      /paint|strict|content/.test(style.contain) ||
      style.clipPath !== 'none'
    );
  }

  function paddingBox(element) {
    var rect = element.getBoundingClientRect();
    var left = rect.left + element.clientLeft;
    var top = rect.top + element.clientTop;
    // An inline element has no client box; use its border box.
    if (!element.clientWidth && !element.clientHeight) return rect;
    return { left: left, top: top, right: left + element.clientWidth, bottom: top + element.clientHeight };
  }

  function describe(element) {
    if (!element) return 'nothing';
    var text = element.localName;
    if (element.id) text += '#' + element.id;
    if (typeof element.className === 'string' && element.className.trim())
      text += '.' + element.className.trim().split(/\s+/).slice(0, 2).join('.');
    return text;
  }

  /** Is any part of `element` cut by its own overflow (an ellipsis, a line clamp)? */
  function cut(element) {
    var all = [element].concat(Array.prototype.slice.call(element.querySelectorAll('*')));
    for (var i = 0; i < all.length; i++) {
      var node = all[i];
      var style = getComputedStyle(node);
      if (style.display === 'inline' || style.display === 'contents') continue;
      var clipsX = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      var clipsY = style.overflowY !== 'visible' || style.webkitLineClamp !== 'none';
      if (clipsX && node.scrollWidth > node.clientWidth + TOLERANCE) return describe(node) + ' cuts it across';
      if (clipsY && node.scrollHeight > node.clientHeight + TOLERANCE) return describe(node) + ' cuts it below';
    }
    return null;
  }

  /** Points along each line of the headline's text, to hit-test. */
  function textPoints(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var points = [];
    var rects = range.getClientRects();
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (r.width < 2 || r.height < 2) continue;
      var y = r.top + r.height / 2;
      points.push([r.left + 1.5, y], [r.left + r.width / 2, y], [r.right - 1.5, y]);
    }
    return points;
  }

  /** What covers the headline, if anything: hit-tests its text with the page scrolled to it. */
  function coveredBy(element) {
    var rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) {
      window.scrollTo(scrollX, Math.max(0, scrollY + rect.top - 50));
    }
    var root = element.getRootNode();
    var points = textPoints(element);
    if (!points.length) return 'no text';
    for (var i = 0; i < points.length; i++) {
      var x = points[i][0];
      var y = points[i][1];
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return 'off screen even when scrolled to';
      var stack = root.elementsFromPoint(x, y);
      var covering = null;
      for (var j = 0; j < stack.length; j++) {
        var hit = stack[j];
        if (hit === element || element.contains(hit) || hit.contains(element)) break;
        // Hit through a pseudo-element (a grid line drawn by ::before) or overflow: a thin decoration, not a
        // box drawn over the text. Look at what is under it.
        var own = hit.getBoundingClientRect();
        if (x < own.left || x > own.right || y < own.top || y > own.bottom) continue;
        covering = hit;
        break;
      }
      if (covering) return describe(covering);
    }
    return null;
  }

  function check(element, box) {
    var rect = element.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return 'not drawn';
    if (element.checkVisibility && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return 'hidden';
    if (!inside(rect, box)) return 'outside the component';
    for (var node = composedParent(element); node && node !== document.documentElement; node = composedParent(node)) {
      if (clipsOverflow(getComputedStyle(node)) && !inside(rect, paddingBox(node)))
        return 'clipped by ' + describe(node);
    }
    var cutBy = cut(element);
    if (cutBy) return cutBy;
    var cover = coveredBy(element);
    if (cover) return 'covered by ' + cover;
    return null;
  }

  /**
   * spec: { component: selector, shadow: bool, headlines: selector, item: selector, keyAttribute?, keyStrip? }
   * Returns { box, items: [{ key, text, readable, why }] }: one entry per item (event), readable when any of
   * its headlines is (TimelineJS shows an event's headline both on its slide and on its marker).
   */
  window.readableHeadlines = function (spec) {
    var component = document.querySelector(spec.component);
    if (!component) throw new Error('component ' + spec.component + ' not found');
    var scope = spec.shadow ? component.shadowRoot : document;
    var startX = scrollX;
    var startY = scrollY;
    window.scrollTo(0, 0);
    var rect = component.getBoundingClientRect();
    var box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    var firstScreen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    var headlines = Array.prototype.slice.call(scope.querySelectorAll(spec.headlines));
    // Every check first with the page unscrolled, so that boxes are compared in one frame of reference.
    var found = headlines.map(function (headline, index) {
      var item = headline.closest(spec.item);
      var key = item ? (spec.keyAttribute ? item.getAttribute(spec.keyAttribute) : item.id) : null;
      if (key && spec.keyStrip) key = key.replace(new RegExp(spec.keyStrip), '');
      return {
        element: headline,
        key: key || 'headline-' + index,
        text: headline.textContent.replace(/\s+/g, ' ').trim().slice(0, 90),
        inFirstScreen: inside(headline.getBoundingClientRect(), firstScreen),
      };
    });
    found.forEach(function (entry) {
      window.scrollTo(0, 0);
      var b = component.getBoundingClientRect();
      entry.why = check(entry.element, { left: b.left, top: b.top, right: b.right, bottom: b.bottom });
    });
    window.scrollTo(startX, startY);
    var items = new Map();
    found.forEach(function (entry) {
      var item = items.get(entry.key);
      if (!item) {
        item = { key: entry.key, text: entry.text, readable: false, inFirstScreen: false, why: [] };
        items.set(entry.key, item);
      }
      if (entry.why === null) {
        item.readable = true;
        item.inFirstScreen = item.inFirstScreen || entry.inFirstScreen;
      } else {
        item.why.push(entry.why);
      }
    });
    return {
      box: { width: Math.round(box.right - box.left), height: Math.round(box.bottom - box.top) },
      headlines: headlines.length,
      items: Array.from(items.values()),
    };
  };
})();
