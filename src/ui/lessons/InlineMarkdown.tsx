// Markdown in a lesson: one sentence (a step, a goal, a check's message) with
// `code`, emphasis and links, without the paragraph around it; or a whole
// explanation, with GitHub's tables. Raw HTML in a lesson file is shown as
// text, never run (react-markdown's default). A link opens in a new tab, so
// following it never takes the student away from the machine they set up.

import type { ComponentProps } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const INLINE = ['code', 'em', 'strong', 'a'];

function NewTabLink({ node: _node, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  return <a {...props} target="_blank" rel="noreferrer" />;
}

const COMPONENTS = { a: NewTabLink };

export function InlineMarkdown({ text }: { text: string }) {
  return <Markdown allowedElements={INLINE} unwrapDisallowed components={COMPONENTS}>{text}</Markdown>;
}

export function LessonMarkdown({ text }: { text: string }) {
  return <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>{text}</Markdown>;
}
