// The README's React components (Frameworks, React 19 and 18), as they are there: they must compile.
import { useRef, useState } from 'react';
import type { DateLine as DateLineElement, TimelineData } from 'date-line';
import { DateLine } from 'date-line/react';

export function Timeline({ timeline }: { timeline: TimelineData }) {
  const ref = useRef<DateLineElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <DateLine
        ref={ref}
        data={timeline}
        selected={selected}
        onSelect={(event) => setSelected(event.detail.id)} // event.detail: { id, event }, typed
        onError={(event) => console.warn(event.detail.errors)}
        onRangeChange={(event) => console.log(event.detail.start, event.detail.end)}
      />
      <button onClick={() => ref.current?.next()}>Next event</button>
    </>
  );
}

// React 19's bare tag.
export function Tag({ timeline }: { timeline: TimelineData }) {
  const ref = useRef<DateLineElement>(null);
  const [, setSelected] = useState<string | null>(null);
  return (
    <date-line ref={ref} data={timeline} layout="list" ondate-line-select={(event) => setSelected(event.detail.id)} />
  );
}
