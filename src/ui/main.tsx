// The playground's entry: mounts the React app on #root, puts the student's
// saved work back (or opens a share link), and sets up the offline copy.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundLayout } from './layout/PlaygroundLayout.tsx';
import { registerServiceWorker } from './offline/service-worker.ts';
import { startPagePersistence } from './store/page-persistence.ts';
import './theme.css';

void startPagePersistence();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundLayout />
  </StrictMode>,
);
