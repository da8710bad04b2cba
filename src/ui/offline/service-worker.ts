// Registers the service worker the production build generates (sw.js, next to
// index.html), so a page loaded once works offline. The development server
// has no service worker: a cached page there would hide the code just edited.

import { Workbox } from 'workbox-window';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Relative to the page, so the playground works under any sub-path of a static host.
  const wb = new Workbox('./sw.js');
  wb.register().catch((error: unknown) => {
    // The page works without it, only not offline; nothing for the student to do.
    console.warn('The offline copy of the playground could not be set up:', error);
  });
}
