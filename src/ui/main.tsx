// The playground's entry: mounts the React app on #root.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundLayout } from './layout/PlaygroundLayout.tsx';
import './theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundLayout />
  </StrictMode>,
);
