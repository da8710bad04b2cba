// Text whose `backticked` parts are code: a lesson's goal (Markdown inline,
// as its front matter writes it) and the replay's hints name commands and
// registers that way.

export function InlineCode({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}
