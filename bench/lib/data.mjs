/**
 * The benchmark's data: one deterministic list of events, and the same events in each library's own format.
 *
 * Every library gets exactly the same events (same dates, same text, same order) so that differences in the
 * results come from the libraries, not from the data. A seeded PRNG keeps runs, machines and N comparable:
 * the first 100 events of N = 1,000 are not the 100 events of N = 100, but every run of N = 1,000 is identical.
 */

/** First and last day events may fall on: five years, so that N = 100,000 still has ~55 events a day. */
export const RANGE_START = Date.UTC(2015, 0, 1);
export const RANGE_END = Date.UTC(2019, 11, 31);
const DAY = 24 * 60 * 60 * 1000;

/** Share of events that are ranges (the rest are single days), and how long a range may be. */
const RANGE_SHARE = 0.15;
const RANGE_MAX_DAYS = 120;

// A fixed vocabulary keeps the text realistic in length and word shape without shipping a corpus.
const WORDS = (
  'agency budget committee court report hearing contract vendor data record request policy office memo ' +
  'system review program official statement audit filing county state federal city council vote ruling ' +
  'lawsuit appeal evidence witness interview press release document email letter meeting deadline plan ' +
  'funding grant investigation inquiry subpoena warrant database software license platform network access ' +
  'privacy security breach disclosure complaint response analysis estimate figure survey public private ' +
  'contractor employee director minister spokesperson reporter editor article source archive timeline ' +
  'announces approves rejects delays publishes reveals confirms denies questions signs extends cancels ' +
  'new former second final early late annual internal external national regional local major minor'
).split(' ');

/** mulberry32: tiny, fast, good enough for test data, and the same in every JavaScript engine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function sentence(random, count) {
  const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(' ');
}

/**
 * N events, sorted by start (as an article's data usually is), each with an id, a start day, for some an end
 * day, a headline of 4–8 words and a summary of 26–34 words (about 30).
 */
export function generateEvents(n, seed = 20180329) {
  const random = prng(seed ^ n);
  const days = Math.round((RANGE_END - RANGE_START) / DAY);
  const events = [];
  for (let i = 0; i < n; i++) {
    const start = RANGE_START + Math.floor(random() * (days + 1)) * DAY;
    const isRange = random() < RANGE_SHARE;
    const end = isRange ? Math.min(RANGE_END, start + (1 + Math.floor(random() * RANGE_MAX_DAYS)) * DAY) : null;
    events.push({
      headline: sentence(random, 4 + Math.floor(random() * 5)),
      summary: sentence(random, 26 + Math.floor(random() * 9)) + '.',
      start: isoDay(start),
      end: end === null || end === start ? null : isoDay(end),
    });
  }
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  events.forEach((event, index) => (event.id = `e${index}`));
  return events;
}

const dateParts = (iso) => {
  const [year, month, day] = iso.split('-');
  return { year, month: String(Number(month)), day: String(Number(day)) };
};

/** The same events in the format each page hands to its library (see bench/pages/). */
export const formats = {
  // The plain <ol> floor reads the neutral form as is.
  floor: (events) => events,

  // data/timeline.schema.json: an interval is "start/end".
  'date-line': (events) => ({
    version: 1,
    events: events.map((e) => ({
      id: e.id,
      date: e.end ? `${e.start}/${e.end}` : e.start,
      title: e.headline,
      summary: e.summary,
    })),
  }),

  // vis-timeline items: the headline is the item's content, the summary its tooltip (vis shows no body text).
  'vis-timeline': (events) =>
    events.map((e) => ({
      id: e.id,
      content: e.headline,
      title: e.summary,
      start: e.start,
      ...(e.end && { end: e.end }),
    })),

  // TimelineJS 3 JSON: date parts as strings, text.headline and text.text.
  timelinejs: (events) => ({
    events: events.map((e) => ({
      unique_id: e.id,
      start_date: dateParts(e.start),
      ...(e.end && { end_date: dateParts(e.end) }),
      text: { headline: e.headline, text: e.summary },
    })),
  }),
};
