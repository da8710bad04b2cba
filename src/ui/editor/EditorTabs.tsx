// The editor's tab strip: the project's files, then the guest headers opened
// by go-to-definition, each marked read-only and with a close button.

import { sameTab, tabKey, type EditorTab } from './editor-tabs.ts';

interface EditorTabsProps {
  files: readonly string[];
  headers: readonly string[];
  active: EditorTab | null;
  onSelect(tab: EditorTab): void;
  onClose(header: string): void;
}

export function EditorTabs({ files, headers, active, onSelect, onClose }: EditorTabsProps) {
  const tabs: EditorTab[] = [...files.map((file) => ({ file, header: false })), ...headers.map((file) => ({ file, header: true }))];
  return (
    <div className="editor-tabs" role="tablist" aria-label="Open files">
      {tabs.map((tab) => {
        const selected = sameTab(tab, active);
        return (
          <div key={tabKey(tab)} className={`editor-tab${selected ? ' selected' : ''}${tab.header ? ' header-tab' : ''}`}>
            <button
              type="button" role="tab" aria-selected={selected} onClick={() => onSelect(tab)}
              title={tab.header ? `${tab.file}: a guest Linux header, read-only` : tab.file}
            >
              {tab.header ? <>&lt;{tab.file}&gt; <span className="editor-tab-badge">read-only</span></> : tab.file}
            </button>
            {tab.header && (
              <button type="button" className="editor-tab-close" aria-label={`Close ${tab.file}`} title="Close this header" onClick={() => onClose(tab.file)}>×</button>
            )}
          </div>
        );
      })}
    </div>
  );
}
