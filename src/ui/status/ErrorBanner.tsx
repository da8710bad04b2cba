// The last error, in words for the student, until dismissed or replaced.

import { usePlayground } from '../store/store.ts';
import './status.css';

export function ErrorBanner() {
  const error = usePlayground((s) => s.error);
  const clearError = usePlayground((s) => s.clearError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span className="error-icon" aria-hidden="true">!</span>
      <span className="error-text">{error}</span>
      <button type="button" className="btn btn-small" onClick={clearError}>Dismiss</button>
    </div>
  );
}
