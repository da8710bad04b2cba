// A list that grows at the bottom stays scrolled to its newest entry, unless
// the student scrolled up to read an older one.

import { useLayoutEffect, useRef } from 'react';

export function useFollowBottom<T extends HTMLElement>(items: unknown) {
  const ref = useRef<T>(null);
  const atBottom = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => { atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24; };
    el.addEventListener('scroll', onScroll);
    return () => el.removeEventListener('scroll', onScroll);
  });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [items]);
  return ref;
}
