/**
 * Lesson text as React elements from the parsed markdown subset: no HTML string is ever
 * rendered, so a lesson file cannot inject markup or script.
 */
import { parseMarkdown, type Inline } from '../../model/lesson/index.ts';

function Spans({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((span, k) => {
        switch (span.kind) {
          case 'bold':
            return <strong key={k}>{span.text}</strong>;
          case 'code':
            return <code key={k}>{span.text}</code>;
          case 'link':
            return (
              <a key={k} href={span.href}>
                {span.text}
              </a>
            );
          case 'text':
            return <span key={k}>{span.text}</span>;
        }
      })}
    </>
  );
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="lsr-text">
      {parseMarkdown(text).map((block, k) =>
        block.kind === 'list' ? (
          <ul key={k}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Spans inlines={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={k}>
            <Spans inlines={block.inlines} />
          </p>
        ),
      )}
    </div>
  );
}
