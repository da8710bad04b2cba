// Share: copies a link that opens this code, with the board's options, in
// anyone's playground. When the browser refuses the clipboard (no permission,
// an http page), the link is shown in a field, selected, to copy by hand.

import { useState } from 'react';
import { encodeShare, shareUrl } from '../store/share-link.ts';
import { usePlayground } from '../store/store.ts';

type ShareState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string } | { kind: 'error'; message: string };

export function ShareButton() {
  const [state, setState] = useState<ShareState>({ kind: 'idle' });
  const hasProject = usePlayground((s) => s.project !== null);

  const share = async () => {
    const s = usePlayground.getState();
    if (!s.project) return;
    const encoded = encodeShare({ project: s.project, board: { speed: s.speed, jit: s.jit, stopwatchOnError: s.stopwatchOnError } });
    if (!encoded.ok) return setState({ kind: 'error', message: encoded.message });
    const url = shareUrl(location.href, encoded.hash);
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  };

  return (
    <span className="share">
      <button type="button" className="btn" disabled={!hasProject} onClick={() => void share()}
        title="Copy a link that opens your code and these board settings in another browser. Opening it runs nothing by itself.">
        Share
      </button>
      <span role="status" className="share-status">
        {state.kind === 'copied' && 'Link copied. Paste it anywhere: it opens your code and board settings.'}
        {state.kind === 'error' && state.message}
      </span>
      {state.kind === 'manual' && (
        <label className="share-manual">
          <span>The browser did not allow copying. Copy this link (Ctrl+C):</span>
          <input readOnly value={state.url} aria-label="Share link" autoFocus onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </span>
  );
}
