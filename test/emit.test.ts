import { expect } from '@open-wc/testing';
import { emit } from '../src/emit.js';
import type { DateLineRangeChangeEvent } from '../src/events.js';

describe('emit', () => {
  it('fires a bubbling, composed CustomEvent with the detail, cancelable only when asked', () => {
    const host = document.createElement('div');
    const outer = document.createElement('section');
    outer.attachShadow({ mode: 'open' }).append(host);
    document.body.append(outer);
    const heard: DateLineRangeChangeEvent[] = [];
    document.body.addEventListener('date-line-range-change', (event) => heard.push(event));
    emit(host, 'date-line-range-change', { start: '2017-01-01T00:00Z', end: '2018-01-01T00:00Z' });
    expect(heard).to.have.length(1);
    expect(heard[0].detail).to.deep.equal({ start: '2017-01-01T00:00Z', end: '2018-01-01T00:00Z' });
    expect(heard[0].composed && heard[0].bubbles).to.equal(true);
    expect(heard[0].cancelable).to.equal(false);

    host.addEventListener('date-line-select', (event) => event.preventDefault());
    expect(emit(host, 'date-line-select', { id: null, event: null }, { cancelable: true })).to.equal(false);
    outer.remove();
  });

  it('does not compile with a wrong name or detail (checked by tsc in npm test)', () => {
    const target = new EventTarget();
    // Each line below is a type error; tsc fails on an @ts-expect-error that has none, so if emit stopped
    // checking names or details, `npm run typecheck` would fail here.
    // @ts-expect-error: a misspelled event name
    emit(target, 'date-line-selected', { id: null, event: null });
    // @ts-expect-error: the range change's detail has start and end
    emit(target, 'date-line-range-change', { id: 'x' });
    // @ts-expect-error: the load event's detail is { timeline }
    emit(target, 'date-line-load', { errors: [] });
  });
});
