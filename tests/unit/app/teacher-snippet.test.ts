import { describe, expect, it } from 'vitest';
import { iframeSnippet } from '../../../src/app/teacher/share-links.ts';
import { lessonHash } from '../../../src/app/teacher/apply-link.ts';

describe('embed snippet', () => {
  it('is one iframe with the URL and a title naming the network, markup escaped', () => {
    const snippet = iframeSnippet('http://x/#/embed?doc=abc', 'E & I <"net">');
    expect(snippet).toBe(
      '<iframe src="http://x/#/embed?doc=abc" title="Spikelab: E &#38; I &#60;&#34;net&#34;&#62;" ' +
        'width="480" height="280" style="border:0" loading="lazy"></iframe>',
    );
  });
});

describe('lesson of a link', () => {
  it('opens the lesson route at the step', () => {
    expect(lessonHash({ id: 'first-neuron', step: 2 })).toBe('#/lesson/first-neuron/2');
  });
});
