/**
 * The teacher panel's two outputs: the teacher's link (the network, the locks and ranges and
 * the lesson, all in the URL) and the embed widget (an iframe URL and the snippet to paste).
 * Both are shown in read-only boxes to copy, and copied to the clipboard where allowed.
 */
import { useState } from 'react';
import { documentStore } from '../../store/document/index.ts';
import { classroomStore } from '../../store/classroom/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { embedLink, iframeSnippet, teacherLink } from './share-links.ts';

async function copy(text: string, what: string): Promise<void> {
  const { toast } = useNotices.getState();
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied to the clipboard`, 'success');
  } catch {
    // No clipboard permission (an insecure origin): the box beside the button holds it.
    toast(`${what} is in the box below: select it and copy`, 'info');
  }
}

export function ShareSection() {
  const [link, setLink] = useState<string | null>(null);
  const [embed, setEmbed] = useState<{ url: string; snippet: string } | null>(null);

  const makeLink = async () => {
    const { teacherPolicy, lesson } = classroomStore.getState();
    const url = await teacherLink(documentStore.getState().document, teacherPolicy, lesson);
    setLink(url);
    await copy(url, 'Teacher link');
  };
  const makeEmbed = async () => {
    const doc = documentStore.getState().document;
    const url = await embedLink(doc);
    const snippet = iframeSnippet(url, doc.name);
    setEmbed({ url, snippet });
    await copy(snippet, 'Embed snippet');
  };

  return (
    <section className="teacher-section" aria-labelledby="teacher-share-heading">
      <h3 id="teacher-share-heading">Share</h3>
      <div className="teacher-row">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="teacher-make-link"
          onClick={() => void makeLink()}
        >
          Copy student link
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="teacher-make-embed"
          onClick={() => void makeEmbed()}
        >
          Copy embed widget
        </button>
      </div>
      {link !== null && (
        <label className="teacher-output">
          Student link ({link.length.toLocaleString('en-US')} characters)
          <input className="input" readOnly value={link} data-testid="teacher-link" />
        </label>
      )}
      {embed !== null && (
        <>
          <label className="teacher-output">
            Widget URL
            <input className="input" readOnly value={embed.url} data-testid="teacher-embed-url" />
          </label>
          <label className="teacher-output">
            Snippet for a course page
            <textarea
              className="input"
              readOnly
              rows={3}
              value={embed.snippet}
              data-testid="teacher-embed-snippet"
            />
          </label>
        </>
      )}
    </section>
  );
}
