// Brings the selected row into view when the selection moves to it (not on
// every redraw, so a student scrolling the pane is not pulled back).

import { useEffect, useRef } from 'react';

export function useScrollIntoView<T extends HTMLElement>(selected: boolean, key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, key]);
  return ref;
}
