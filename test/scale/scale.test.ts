import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { daysFromCivil } from '../../src/model/calendar.js';
import { parseTimeline } from '../../src/model/parse.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { evenMap, lowerBound, timeMap } from '../../src/scale/coords.js';
import {
  itemAt,
  LanePacker,
  layoutAxis,
  quantiseScale,
  visibleIn,
  type AxisLayout,
  type LayoutInput,
} from '../../src/scale/layout.js';
import { renderWindowFor, sceneCovers } from '../../src/scale/scene.js';
import { estimateLabel } from '../../src/scale/text-width.js';
import { ticksFor } from '../../src/scale/ticks.js';
import { clampView, fitView, limitsFor, panView, revealInView, zoomView } from '../../src/scale/window.js';

const day = (text: string) => {
  const [y, m = '1', d = '1'] = text.split('-');
  return daysFromCivil(Number(y), Number(m), Number(d));
};

/** Parsed events on these dates, in order, with these importances (default 3). */
function events(dates: string[], importances: readonly number[] = []): readonly TimelineEvent[] {
  const { timeline, errors } = parseTimeline({
    version: 1,
    events: dates.map((date, i) => ({
      id: `e${i}`,
      date,
      title: `Event number ${i}`,
      ...(importances[i] ? { importance: importances[i] } : {}),
    })),
  });
  if (!timeline) throw new Error(JSON.stringify(errors));
  return timeline.events;
}

describe('view window', () => {
  const limits = limitsFor(0, 1000, 10);

  it('zooms around an anchor that stays put', () => {
    const view = zoomView({ start: 0, end: 1000 }, 4, 250, limits);
    expect(view.end - view.start).to.equal(250);
    expect((250 - view.start) / (view.end - view.start)).to.be.closeTo(0.25, 1e-12);
  });

  it('stops at the zoom limits', () => {
    expect(
      zoomView({ start: 0, end: 1000 }, 1000, 500, limits).end -
        zoomView({ start: 0, end: 1000 }, 1000, 500, limits).start,
    ).to.equal(10);
    const out = zoomView({ start: 0, end: 1000 }, 1 / 100, 500, limits);
    expect(out.end - out.start).to.equal(2000);
  });

  it('pans, and cannot pan past the limits', () => {
    expect(panView({ start: 0, end: 100 }, 50, limits)).to.deep.equal({ start: 50, end: 150 });
    expect(panView({ start: 0, end: 100 }, -10000, limits).start).to.equal(limits.min);
    expect(clampView({ start: 5000, end: 5100 }, limits).end).to.equal(limits.max);
  });

  it('fits a range with a margin', () => {
    const view = fitView(100, 200, limits, 0.1);
    expect(view.start).to.be.closeTo(87.5, 1e-9);
    expect(view.end).to.be.closeTo(212.5, 1e-9);
  });

  it('reveals a point outside the view and leaves a visible one alone', () => {
    expect(revealInView({ start: 0, end: 100 }, 50, 50, limits)).to.deep.equal({ start: 0, end: 100 });
    const moved = revealInView({ start: 0, end: 100 }, 500, 500, limits);
    expect(moved.start).to.be.below(500);
    expect(moved.end).to.be.above(500);
  });
});

describe('coordinates', () => {
  it('finds the first index at or above a value', () => {
    expect([
      lowerBound([1, 3, 3, 5], 3),
      lowerBound([1, 3, 3, 5], 4),
      lowerBound([1, 3], 9),
      lowerBound([], 1),
    ]).to.deep.equal([1, 3, 2, 0]);
  });

  it('spaces events evenly and interpolates dates between them', () => {
    const map = evenMap([day('1986'), day('2012'), day('2014'), day('2014')]);
    expect(map.toCoord(day('1986'))).to.equal(0);
    expect(map.toCoord(day('2012'))).to.equal(1);
    expect(map.toCoord(day('2014'))).to.equal(2);
    expect(map.toCoord(day('2013'))).to.be.closeTo(1.5, 0.01);
    expect(map.toDay(1.5)).to.be.closeTo(day('2013'), 1);
    for (const coord of [-1, 0.25, 1, 2.5, 7]) expect(map.toCoord(map.toDay(coord))).to.be.closeTo(coord, 1e-9);
  });
});

describe('ticks', () => {
  const cases: [string, string, number, string][] = [
    ['1900', '2100', 800, 'year'],
    ['2014', '2018', 800, 'month'],
    ['2017-03', '2017-04', 800, 'day'],
    ['2017-03-09', '2017-03-10', 800, 'hour'],
    ['2010', '2020', 300, 'year'],
  ];
  for (const [start, end, width, unit] of cases) {
    it(`from ${start} to ${end} at ${width}px uses ${unit}s, and labels never overlap`, () => {
      const ticks = ticksFor({ start: day(start), end: day(end) }, timeMap, width, 'en-GB');
      expect(ticks.unit).to.contain(unit);
      expect(ticks.minor.length).to.be.within(2, width / 28);
      const pxPerDay = width / (day(end) - day(start));
      for (let i = 1; i < ticks.minor.length; i++)
        expect((ticks.minor[i].coord - ticks.minor[i - 1].coord) * pxPerDay).to.be.at.least(28);
    });
  }

  it('labels months with their year above', () => {
    const ticks = ticksFor({ start: day('2016-11'), end: day('2017-06') }, timeMap, 400, 'en-GB');
    expect(ticks.minor.map((tick) => tick.label)).to.include.members(['Jan', 'Feb', 'Mar']);
    expect(ticks.major.map((tick) => tick.label)).to.deep.equal(['2016', '2017']);
  });

  it('counts BCE years without a year zero', () => {
    const ticks = ticksFor({ start: daysFromCivil(-60, 1, 1), end: daysFromCivil(40, 1, 1) }, timeMap, 800, 'en-GB');
    const labels = ticks.minor.map((tick) => tick.label);
    expect(labels).to.deep.equal(['60 BCE', '50 BCE', '40 BCE', '30 BCE', '20 BCE', '10 BCE', '10', '20', '30', '40']);
    expect(labels.join(' ')).not.to.match(/(^| )0( |$)/);
  });

  it('reaches deep time with plain numbers', () => {
    const ticks = ticksFor(
      { start: daysFromCivil(-13_800_000_000, 1, 1), end: daysFromCivil(2000, 1, 1) },
      timeMap,
      800,
      'en-GB',
    );
    expect(ticks.minor.length).to.be.within(2, 30);
    expect(ticks.minor[0].label).to.match(/BCE$/);
  });

  it('keeps day ticks on the same days of every month', () => {
    const ticks = ticksFor({ start: day('2017-01'), end: day('2017-05') }, timeMap, 1600, 'en-GB');
    const labels = ticks.minor.map((tick) => tick.label);
    expect(ticks.unit).to.equal('7 day');
    expect(new Set(labels)).to.deep.equal(new Set(['1', '8', '15', '22']));
  });
});

describe('lane layout', () => {
  const sampleDates = [
    '2017-03-01',
    '2017-03-02',
    '2017-03-03',
    '2017-03-04',
    '2017-03-05',
    '2017-03-06',
    '2018-01-01',
  ];
  const sample = events(sampleDates);
  const rows = [{ key: '', label: '' }];
  /** The layout's input for events on the time scale, with every label `labelPx` wide, in one row. */
  const input = (list: readonly TimelineEvent[], labelPx: number): LayoutInput => ({
    events: list,
    starts: Float64Array.from(list, (event) => event.from),
    ends: Float64Array.from(list, (event) => event.to),
    labelPx: new Float32Array(list.length).fill(labelPx),
    rowOf: new Int16Array(list.length),
    importance: Uint8Array.from(list, (event) => event.importance),
    rows,
  });
  const drawnItems = (layout: AxisLayout, from: LayoutInput) => [...layout.drawn].map((i) => itemAt(layout, from, i)!);

  it('stacks events so no two labels in a lane overlap', () => {
    const layout = layoutAxis(input(sample, 100), 20, { maxLanes: 10 });
    expect(layout.clusters).to.have.length(0);
    const items = drawnItems(layout, input(sample, 100));
    for (const a of items)
      for (const b of items)
        if (a !== b && a.lane === b.lane)
          expect(a.reach <= b.start || b.reach <= a.start, `${a.event.id} and ${b.event.id}`).to.equal(true);
    // 100 px labels plus a 12 px gap at 20 px a day: each lane is busy for 5.6 days, so six lanes.
    expect(layout.rows[0].lanes).to.equal(6);
  });

  it('gathers what does not fit into clusters', () => {
    const layout = layoutAxis(input(sample, 100), 20, { maxLanes: 2 });
    expect(layout.drawn).to.have.length(3);
    expect([...layout.lanes]).to.deep.equal([0, 1, -1, -1, -1, -1, 0]);
    expect(layout.clusters).to.deep.include({
      row: 0,
      start: day('2017-03-03'),
      end: day('2017-03-07'),
      first: 2,
      last: 5,
      count: 4,
      lead: 2,
    });
  });

  describe('importance', () => {
    it('labels an importance-5 event where its importance-1 neighbour is clustered, whichever comes first', () => {
      for (const importances of [
        [1, 5],
        [5, 1],
      ]) {
        const pair = events(['2017-03-01', '2017-03-02'], importances);
        // 100 px labels at 20 px a day, one lane: the two labels cannot both be drawn.
        const layout = layoutAxis(input(pair, 100), 20, { maxLanes: 1 });
        const five = importances.indexOf(5);
        expect(layout.lanes[five], `importances ${importances.join(', ')}`).to.equal(0);
        expect(layout.lanes[1 - five]).to.equal(-1);
        expect(layout.clusters).to.have.length(1);
        expect(layout.clusters[0]).to.include({ count: 1, lead: 1 - five });
      }
    });

    it('gives the lanes to the most important events of a crowd, and names its cluster after the most important left', () => {
      // Six events a day apart, each label 5.6 days long with its gap: two lanes hold two of them.
      const crowd = events(
        ['2017-03-01', '2017-03-02', '2017-03-03', '2017-03-04', '2017-03-05', '2017-03-06'],
        [2, 3, 5, 1, 4, 4],
      );
      const layout = layoutAxis(input(crowd, 100), 20, { maxLanes: 2 });
      expect([...layout.lanes]).to.deep.equal([-1, -1, 0, -1, 1, -1]);
      // A cluster is at most 96 px (4.8 days) wide: the first is named after its importance-3 event; the second
      // holds the later of the two importance-4 events, the earlier of which has a lane.
      expect(layout.clusters.map(({ first, last, count, lead }) => ({ first, last, count, lead }))).to.deep.equal([
        { first: 0, last: 3, count: 3, lead: 1 },
        { first: 5, last: 5, count: 1, lead: 5 },
      ]);
    });

    it('takes no lane from a crowd that fits: importance counts only where labels compete', () => {
      // Four intervals that two lanes hold in chronological order; taken in order of importance, the importance-4
      // and importance-3 events would split the two lanes between them and leave one importance-1 event out.
      const fits = events(
        ['2017-01-01/2017-01-03', '2017-01-01/2017-01-04', '2017-01-04/2017-01-07', '2017-01-06/2017-01-09'],
        [1, 1, 3, 4],
      );
      const layout = layoutAxis(input(fits, 1), 20, { maxLanes: 2, gapPx: 0 });
      expect(layout.clusters).to.deep.equal([]);
      expect([...layout.lanes]).to.deep.equal([0, 1, 0, 1]);
    });

    it('packs as before when every event has the same importance', () => {
      const same = events(['2017-03-01', '2017-03-02', '2017-03-03'], [4, 4, 4]);
      expect([...layoutAxis(input(same, 100), 20, { maxLanes: 2 }).lanes]).to.deep.equal([0, 1, -1]);
    });

    // At any scale, for any crowd: no two labels in a lane meet; an event left in a cluster found every lane of
    // its row taken, where its label would go, by an event at least as important; a cluster's lead is its most
    // important event, the earliest of equals; and every event is drawn or in exactly one cluster.
    it('never lets a less important event take a more important one’s place, at any zoom', () => {
      const crowds = fc.record({
        days: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }),
        importances: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 }),
        widths: fc.array(fc.integer({ min: 20, max: 260 }), { minLength: 40, maxLength: 40 }),
        rows: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 40, maxLength: 40 }),
        scale: fc.constantFrom(0.5, 2, 8, 32),
        maxLanes: fc.integer({ min: 1, max: 3 }),
      });
      fc.assert(
        fc.property(crowds, ({ days, importances, widths, rows: rowOf, scale, maxLanes }) => {
          const dates = days.map((d) => new Date(Date.UTC(2017, 0, 1 + d)).toISOString().slice(0, 10)).sort();
          const list = events(dates, importances);
          const crowd: LayoutInput = {
            ...input(list, 0),
            labelPx: Float32Array.from(list, (_, i) => widths[i]),
            rowOf: Int16Array.from(list, (_, i) => rowOf[i]),
            rows: [...rows, { key: 'g', label: 'G' }],
          };
          const layout = layoutAxis(crowd, scale, { maxLanes });
          const gap = 12 / scale;
          const busy = (i: number) => {
            const item = itemAt(layout, crowd, i);
            const from = item ? (item.flipped ? item.start - item.labelPx / scale : item.start) : crowd.starts[i];
            return { from, until: (item?.reach ?? crowd.starts[i] + crowd.labelPx[i] / scale) + gap };
          };
          const drawn = [...layout.drawn];
          for (const a of drawn)
            for (const b of drawn) {
              if (a >= b || rowOf[a] !== rowOf[b] || layout.lanes[a] !== layout.lanes[b]) continue;
              const [x, y] = [busy(a), busy(b)];
              expect(
                x.until <= y.from || y.until <= x.from,
                `e${a} and e${b} meet in lane ${layout.lanes[a]}`,
              ).to.equal(true);
            }
          const clustered = list.map((_, i) => i).filter((i) => layout.lanes[i] < 0);
          for (const c of clustered) {
            // Where its label would go, were it drawn: on from its marker, or back from it near the end of the data.
            const start = crowd.starts[c];
            const back = crowd.labelPx[c] / scale;
            const flips =
              Math.max(crowd.ends[c], start + back) > layout.endLimit && start - back >= crowd.starts[0] - 16 / scale;
            const from = flips ? start - back : start;
            const until = Math.max(crowd.ends[c], flips ? start : start + back) + gap;
            for (let lane = 0; lane < maxLanes; lane++) {
              const holders = drawn.filter((d) => {
                if (rowOf[d] !== rowOf[c] || layout.lanes[d] !== lane) return false;
                const other = busy(d);
                return other.from < until && from < other.until;
              });
              const names = holders.map((d) => `e${d} (${importances[d]})`).join(', ');
              expect(
                holders.some((d) => importances[d] >= importances[c]),
                `e${c} (importance ${importances[c]}) is kept out of lane ${lane} by none as important: ${names}`,
              ).to.equal(true);
            }
          }
          let inClusters = 0;
          for (const cluster of layout.clusters) {
            const members = clustered.filter(
              (i) => rowOf[i] === cluster.row && i >= cluster.first && i <= cluster.last,
            );
            expect(members).to.have.length(cluster.count);
            inClusters += members.length;
            const top = Math.max(...members.map((i) => importances[i]));
            expect(cluster.lead).to.equal(members.find((i) => importances[i] === top));
          }
          expect(inClusters).to.equal(clustered.length);
        }),
      );
    });
  });

  // Dense data overflows all the time: each cluster ends after clusterMaxPx, so markers stay spread along it.
  const densities: [perDay: number, days: number][] = [
    [1, 200],
    [5, 60],
    [40, 30],
  ];
  for (const [perDay, days] of densities) {
    it(`marks ${perDay} event(s) a day over ${days} days with a cluster at least every 96 px`, () => {
      const dates = Array.from({ length: perDay * days }, (_, i) => {
        const date = new Date(Date.UTC(2017, 0, 1 + Math.floor(i / perDay)));
        return date.toISOString().slice(0, 10);
      });
      const dense = input(events(dates), 100);
      const scale = 10; // px a day
      const layout = layoutAxis(dense, scale, { maxLanes: 2 });
      const { clusters } = layout;
      expect(clusters.length).to.be.above(1);
      expect(layout.drawn.length + clusters.reduce((sum, cluster) => sum + cluster.count, 0)).to.equal(dates.length);
      for (const [index, cluster] of clusters.entries()) {
        expect((cluster.end - cluster.start) * scale, `cluster ${index} is wider than 96 px`).to.be.at.most(96 + scale);
        if (index) expect((cluster.start - clusters[index - 1].start) * scale).to.be.above(96);
      }
      // No gap of more than a cluster's width plus a label's room goes without a marker or a drawn label.
      const marks = [...clusters.map((cluster) => cluster.start), ...[...layout.drawn].map((i) => dense.starts[i])];
      marks.sort((a, b) => a - b);
      for (let i = 1; i < marks.length; i++) expect((marks[i] - marks[i - 1]) * scale).to.be.at.most(96 + 112 + scale);
    });
  }

  // A zoom level packed in idle moments is packed a slice at a time, chronologically until a label finds no lane,
  // then again across the passes of importance; the slices must not show in the result.
  const mixed = events(sampleDates, [1, 5, 3, 5, 2, 4, 1]);
  for (const slice of [1, 2, 3, 5, 1000]) {
    it(`packs the same layout in slices of ${slice} event(s) as in one go`, () => {
      const twoRows: LayoutInput = {
        ...input(
          [...sample, ...mixed].sort((a, b) => a.from - b.from),
          100,
        ),
        rowOf: Int16Array.from({ length: sample.length * 2 }, (_, i) => i % 2),
        rows: [...rows, { key: 'g', label: 'G' }],
      };
      const whole = layoutAxis(twoRows, 20, { maxLanes: 2 });
      const packer = new LanePacker(twoRows, 20, { maxLanes: 2 });
      let rounds = 0;
      while (!packer.advance(slice)) rounds++;
      // Each slice packs `slice` events: the chronological ones up to the first without a lane, then all of them.
      const chronological = layoutAxis({ ...twoRows, importance: twoRows.importance.map(() => 3) }, 20, {
        maxLanes: 2,
      });
      const firstOverflow = chronological.lanes.findIndex((lane) => lane < 0);
      expect(firstOverflow, 'the sample overflows').to.be.at.least(0);
      expect(rounds).to.equal(Math.ceil((firstOverflow + 1 + twoRows.events.length) / slice) - 1);
      expect(packer.result()).to.deep.equal(whole);
      expect(whole.clusters.length, 'the sample overflows into clusters').to.be.above(0);
    });
  }

  it('finds what is visible by binary search', () => {
    const layout = layoutAxis(input(sample, 100), 20, { maxLanes: 10 });
    const visible = visibleIn(layout, input(sample, 100), { start: day('2017-12-01'), end: day('2018-02-01') });
    expect(visible.items.map((item) => item.event.id)).to.deep.equal(['e6']);
  });

  it('quantises zoom to quarter octaves, packing at the lower bound', () => {
    expect(quantiseScale(16)).to.deep.equal({ level: 16, packedAt: 16 });
    expect(quantiseScale(17).packedAt).to.equal(16);
    expect(quantiseScale(19.1).packedAt).to.be.closeTo(2 ** 4.25, 1e-9);
  });

  // [headline, date label, the label's width range in px, the lines its headline wraps to]: a short headline on
  // one line, a longer one on as few lines as fit the preferred 220 px (up to four), and only a headline too long
  // for that takes more width, up to 260 px.
  const labelRooms: [string, string, [number, number], number][] = [
    ['Ada Lovelace', '10 December 1815', [140, 150], 1],
    ['A', '2014', [72, 74], 1],
    [
      'The Intercept corrects its story: the documents do not show the target was an immigrant',
      '26–27 March 2018',
      [200, 230],
      4,
    ],
    ['Launch from Kennedy Space Center', '16 July 1969 at 13:32 UTC', [190, 215], 2],
    ['Incomprehensibilities', '1 May 2017', [185, 200], 1],
    [
      'Acting ICE Director Homan tells Senator Wyden that ERO does not use cell-site simulators for civil immigration enforcement',
      '16 August 2017',
      [240, 260],
      4,
    ],
  ];
  for (const [title, date, [min, max], lines] of labelRooms) {
    it(`gives "${title}" (${date}) room for its words and its date, on ${lines} line(s)`, () => {
      const label = estimateLabel(title, date.length);
      expect(label.px).to.be.within(min, max);
      expect(label.lines).to.equal(lines);
    });
  }

  it('wraps word by word: a headline of long words needs a line more than its letters alone would say', () => {
    const even = estimateLabel('Aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt', 4);
    const long = estimateLabel('Incomprehensibilities notwithstanding institutionalisation', 4);
    expect(long.lines).to.be.at.least(2);
    expect(long.px, 'at least its longest word').to.be.at.least('institutionalisation'.length * 7.4);
    expect(even.px).to.be.below(long.px);
  });

  it('breaks lines where a browser does: at spaces, tabs and line breaks, never at a no-break space', () => {
    expect(estimateLabel('  The Detroit\tNews reveals\na cell-site   simulator ', 12)).to.deep.equal(
      estimateLabel('The Detroit News reveals a cell-site simulator', 12),
    );
    const apart = estimateLabel('Incomprehensibilities notwithstanding', 4);
    const together = estimateLabel('Incomprehensibilities\u00a0notwithstanding', 4);
    expect(apart.lines).to.equal(2);
    expect(together.px, 'one unbreakable run: the widest label').to.be.above(apart.px);
  });

  it('makes room for the reader’s font: a wider font gets wider labels, or more lines', () => {
    const narrow = estimateLabel('The Detroit News reveals a cell-site simulator', 12, 1);
    const wide = estimateLabel('The Detroit News reveals a cell-site simulator', 12, 1.25);
    expect(wide.px * wide.lines).to.be.above(narrow.px * narrow.lines);
  });

  it('lays out 100,000 events quickly enough for a zoom frame', () => {
    const many = events(Array.from({ length: 2000 }, (_, i) => `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`));
    const big = Array.from({ length: 50 }, () => many).flat();
    const bigInput = input(big, 120);
    const started = performance.now();
    const layout = layoutAxis(bigInput, 0.5, { maxLanes: 5 });
    expect(layout.drawn.length + layout.clusters.reduce((sum, cluster) => sum + cluster.count, 0)).to.equal(100000);
    // Not a benchmark (bench/ measures speed): a guard against an accidental quadratic.
    expect(performance.now() - started).to.be.below(1000);
  });
});

describe('render window', () => {
  // view, flank → the window a scene covers, and whether a view panned by `pan` is still inside it.
  const cases: { view: [number, number]; flank?: number; window: [number, number]; pan: number; covered: boolean }[] = [
    { view: [100, 200], window: [0, 300], pan: 100, covered: true },
    { view: [100, 200], window: [0, 300], pan: -101, covered: false },
    { view: [100, 200], flank: 0.1, window: [90, 210], pan: 10, covered: true },
    { view: [100, 200], flank: 0.1, window: [90, 210], pan: 11, covered: false },
    { view: [-50, 50], flank: 0, window: [-50, 50], pan: 0, covered: true },
  ];
  for (const { view, flank, window, pan, covered } of cases) {
    it(`[${view.join(', ')}] with flank ${flank ?? 'default'} covers [${window.join(', ')}]`, () => {
      const covers = renderWindowFor({ start: view[0], end: view[1] }, flank);
      expect([covers.start, covers.end]).to.deep.equal(window);
      expect(sceneCovers(covers, { start: view[0] + pan, end: view[1] + pan })).to.equal(covered);
    });
  }
});
