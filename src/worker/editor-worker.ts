// The editor worker's entry: answers the page's EditorRequests with an
// EditorService, one at a time. Requests that arrive while a compile runs wait
// in a queue; before each answer the queue drops the checks a newer one has
// made stale, so a burst of typing costs one compile, not one per keystroke.

import { dropStaleChecks, type EditorRequest, type EditorResponse } from '../protocol/editor-messages.ts';
import { EditorService } from './editor-service.ts';

const service = new EditorService();
let queue: EditorRequest[] = [];
let scheduled = false;

self.onmessage = (e: MessageEvent<EditorRequest>) => {
  queue.push(e.data);
  schedule();
};

/** A macrotask, so every message already posted is in the queue before one is chosen. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(answerNext, 0);
}

function answerNext(): void {
  scheduled = false;
  queue = dropStaleChecks(queue);
  const request = queue.shift();
  if (request) post(answer(request));
  if (queue.length > 0) schedule();
}

function answer(r: EditorRequest): EditorResponse {
  try {
    switch (r.type) {
      case 'check': {
        const start = performance.now();
        const diagnostics = service.check(r.kind, r.sources);
        return { type: 'diagnostics', id: r.id, diagnostics, checkMs: performance.now() - start };
      }
      case 'hover':
        return { type: 'hover', id: r.id, hover: service.hover(r.kind, r.sources, r.at) };
      case 'definition':
        return { type: 'definition', id: r.id, target: service.definition(r.kind, r.sources, r.at) };
      case 'header':
        return { type: 'header', id: r.id, path: r.path, text: service.header(r.path) };
    }
  } catch (err) {
    const what = err instanceof Error ? err.message : String(err);
    return { type: 'failed', id: r.id, message: `The editor's checker failed (${what}); this is a bug in the playground. Your file is safe; keep editing, or reload the page.` };
  }
}

function post(response: EditorResponse): void {
  self.postMessage(response);
}
