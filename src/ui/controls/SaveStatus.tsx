// Whether the student's code is kept, in a few words next to Share, and what
// persistence last had to say (restored, could not read, could not save),
// announced politely to screen readers.

import { useStore } from 'zustand';
import { pagePersistence } from '../store/page-persistence.ts';
import type { PersistenceStatus } from '../store/persistence.ts';

const SAVE_LABEL: Record<PersistenceStatus['save'], string> = {
  idle: '',
  pending: 'Saving…',
  saved: 'Saved in this browser',
  failed: 'Not saved',
};

export function SaveStatus() {
  const status = useStore(pagePersistence().status);
  const label = status.viewingShared ? 'Shared code: not saved until you edit it' : SAVE_LABEL[status.save];
  return (
    <>
      <span className={`save-state save-${status.save}`} data-testid="save-state">{label}</span>
      <p className="persistence-message" role="status" data-testid="persistence-message">{status.message}</p>
    </>
  );
}
