// The <date-line> tag itself in React 19 (which sets properties and listens to events on custom elements), typed
// by importing date-line/react: correct use compiles, and each mistake marked @ts-expect-error must fail.
import { useRef, useState } from 'react';
import 'date-line';
import type { DateLine, TimelineData } from 'date-line';
import type {} from 'date-line/react';

const timeline: TimelineData = { version: 1, events: [{ id: 'icm', date: '2014-09', title: 'The ICM contract' }] };

export function Timeline() {
  const ref = useRef<DateLine>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <date-line
        ref={ref}
        data={timeline}
        layout="axis"
        selected={selected}
        max-lanes={4}
        group-rows
        className="timeline"
        ondate-line-select={(event) => setSelected(event.detail.id)}
        ondate-line-load={(event) => console.log(event.detail.timeline.title)}
        ondate-line-error={(event) => console.warn(event.detail.errors)}
        ondate-line-range-change={(event) => console.log(event.detail.start)}
      />
      <date-line src="/timelines/ice.json" layout="list" />
      <button onClick={() => ref.current?.select('icm')}>First event</button>
    </>
  );
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error a layout that does not exist */}
      <date-line layout="grid" />
      {/* @ts-expect-error a field the format does not have */}
      <date-line data={{ version: 1, events: [], colour: 'red' }} />
      {/* @ts-expect-error a misspelt detail key */}
      <date-line ondate-line-select={(event) => event.detail.idd} />
      {/* @ts-expect-error a handler that is not a function */}
      <date-line ondate-line-load={42} />
      {/* @ts-expect-error a read-only field is not a prop */}
      <date-line errors={[]} />
    </>
  );
}
