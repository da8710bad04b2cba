// A teacher's link to a lesson: `?lesson=N` in the page's address opens the
// Lessons panel on lesson N. It is a query, not the hash, so it lives beside a
// share link (`#…`) without either one disturbing the other.

/** The lesson number a page address asks for, or null. */
export function lessonFromQuery(search: string): number | null {
  const value = new URLSearchParams(search).get('lesson');
  if (value === null || !/^\d{1,4}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 ? n : null;
}

/** The address of this page with lesson `n` to open (any share link in the hash is left out: the lesson is the point). */
export function lessonLink(href: string, n: number): string {
  const page = href.split('#')[0]!;
  const q = page.indexOf('?');
  const query = new URLSearchParams(q < 0 ? '' : page.slice(q + 1));
  query.set('lesson', String(n));
  return `${q < 0 ? page : page.slice(0, q)}?${query.toString()}`;
}
