// The DateLine component of date-line/react, as a React 18 or 19 app uses it: correct use compiles, and each mistake
// marked @ts-expect-error must fail (the compile fails if one of them starts to compile).
import { useRef, useState } from 'react';
import type { DateLine as DateLineElement, TimelineData } from 'date-line';
import { DateLine } from 'date-line/react';

const timeline: TimelineData = {
  version: 1,
  title: 'ICE, Facebook and Palantir',
  events: [{ id: 'icm', date: '2014-09', title: 'ICE awards Palantir the ICM contract', 'x-desk': 'tech' }],
};

export function Timeline() {
  const ref = useRef<DateLineElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <DateLine
        ref={ref}
        data={timeline}
        layout="list"
        selected={selected}
        locale="en-GB"
        theme="dark"
        maxLanes={4}
        groupRows
        filters={{ groups: [], tags: ['contract'] }}
        className="timeline"
        style={{ minHeight: 480 }}
        onSelect={(event) => {
          if (event.detail.id === 'embargoed') event.preventDefault();
          setSelected(event.detail.id);
        }}
        onLoad={(event) => console.log(event.detail.timeline.events.length)}
        onError={(event) => console.warn(event.detail.errors.map((error) => `${error.path}: ${error.message}`))}
        onRangeChange={(event) => console.log(event.detail.start, event.detail.end)}
      />
      <DateLine src="/timelines/ice.json" data='{"version": 1, "events": []}' />
      <button onClick={() => ref.current?.select('icm')}>First event</button>
      <output>{ref.current?.effectiveLayout}</output>
    </>
  );
}

export function Mistakes() {
  return (
    <>
      <DateLine
        // @ts-expect-error a layout that does not exist
        layout="grid"
      />
      <DateLine
        // @ts-expect-error a field the format does not have (a typo of "events")
        data={{ version: 1, event: [] }}
      />
      <DateLine
        // @ts-expect-error an event field the format does not have
        data={{ version: 1, events: [{ id: 'a', date: '2014', title: 'A', colour: 'red' }] }}
      />
      <DateLine
        // @ts-expect-error a misspelt detail key
        onSelect={(event) => event.detail.idd}
      />
      <DateLine
        // @ts-expect-error the range change's detail has no id
        onRangeChange={(event) => event.detail.id}
      />
      {/* @ts-expect-error a handler that is not a function */}
      <DateLine onLoad={42} />
      {/* @ts-expect-error a handler for another event's type */}
      <DateLine onError={(event: CustomEvent<{ id: string }>) => event.detail.id} />
      {/* @ts-expect-error a read-only field is not a prop */}
      <DateLine timeline={null} />
      {/* @ts-expect-error maxLanes is a number */}
      <DateLine maxLanes="4" />
    </>
  );
}
