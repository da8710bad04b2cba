// Markdown for one sentence (a step, a goal, a check's message): `code`,
// emphasis and links, without the paragraph around it. Raw HTML in a lesson
// file is shown as text, never run (react-markdown's default).

import Markdown from 'react-markdown';

const INLINE = ['code', 'em', 'strong', 'a'];

export function InlineMarkdown({ text }: { text: string }) {
  return <Markdown allowedElements={INLINE} unwrapDisallowed>{text}</Markdown>;
}
