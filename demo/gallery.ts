/**
 * The gallery's long timeline: 500 events over five years, generated the same way every time (a seeded
 * generator, no Math.random) so that screenshots and readers see the same thing.
 */
import type { DateLine } from '../src/element.js';

const GROUPS = [
  { id: 'courts', label: 'Courts', color: '#6b4fa0' },
  { id: 'city-hall', label: 'City hall', color: '#b42318' },
  { id: 'schools', label: 'Schools', color: '#0f6e6e' },
  { id: 'transport', label: 'Transport', color: '#1f4fbf' },
];
const SUBJECTS = ['Hearing', 'Vote', 'Report', 'Budget', 'Inquiry', 'Ruling', 'Meeting', 'Audit', 'Strike', 'Plan'];

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function longTimeline(count = 500) {
  const random = seeded(2018);
  const events = [];
  // Step through real calendar days (month lengths, leap years), one to six days apart.
  let year = 2019;
  let month = 1;
  let day = 1;
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  for (let i = 1; i <= count; i++) {
    day += 1 + Math.floor(random() * 6);
    while (day > daysIn(year, month)) {
      day -= daysIn(year, month);
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    const group = GROUPS[Math.floor(random() * GROUPS.length)];
    const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)];
    events.push({
      id: `item-${i}`,
      date: `${year}-${pad(month)}-${pad(day)}`,
      title: `${subject} no. ${i}`,
      summary: `Generated event ${i} of ${count}, in the ${group.label.toLowerCase()} group.`,
      group: group.id,
    });
  }
  return { version: 1, title: `${count} events`, groups: GROUPS, events };
}

const element = document.querySelector<DateLine>('#long-timeline');
if (element) element.data = longTimeline();

/** A style rule as a reader would write it: one declaration a line. */
export function ruleText(rule: CSSStyleRule): string {
  const lines = [...rule.style].map((name) => `  ${name}: ${rule.style.getPropertyValue(name).trim()};`);
  return `${rule.selectorText} {\n${lines.join('\n')}\n}`;
}

/** The rule for `selector` among the page's style sheets, if there is one. */
export function ruleFor(selector: string, sheets: Iterable<CSSStyleSheet>): CSSStyleRule | undefined {
  for (const sheet of sheets)
    for (const rule of sheet.cssRules) if (rule instanceof CSSStyleRule && rule.selectorText === selector) return rule;
  return undefined;
}

// The brand example shows the very rule site.css applies to it, so the two cannot drift apart.
const brandCode = document.querySelector('#brand-css');
const brandRule = ruleFor('date-line.brand', document.styleSheets);
if (brandCode && brandRule) brandCode.textContent = ruleText(brandRule);
