/**
 * Points at a part of the page: an outline around the element whose `data-tour` (or
 * `data-testid`) is `target`, and an arrow beside it. Drawn over the page with no pointer
 * events, re-measured every animation frame so it follows layout changes and scrolling, and
 * absent while the element is not on the page (a hidden tab, say).
 */
import { useEffect, useState } from 'react';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function find(target: string): Element | null {
  const quoted = CSS.escape(target);
  return (
    document.querySelector(`[data-tour="${quoted}"]`) ??
    document.querySelector(`[data-testid="${quoted}"]`)
  );
}

function same(a: Box | null, b: Box | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.left === b.left &&
      a.top === b.top &&
      a.width === b.width &&
      a.height === b.height)
  );
}

export function Highlight({ target }: { target: string }) {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    let frame = 0;
    let last: Box | null = null;
    const measure = () => {
      const el = find(target);
      const r = el?.getBoundingClientRect();
      const next =
        r === undefined || r.width === 0
          ? null
          : { left: r.left, top: r.top, width: r.width, height: r.height };
      if (!same(next, last)) {
        last = next;
        setBox(next);
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(frame);
  }, [target]);
  if (box === null) return null;
  const pad = 4;
  // Under the part when there is room, else above it (a part at the bottom of the window).
  const below = box.top + box.height + pad + 28 < window.innerHeight;
  const arrowTop = below ? box.top + box.height + pad + 2 : box.top - pad - 26;
  return (
    <div
      className="lsr-highlight"
      aria-hidden="true"
      data-testid="lesson-highlight"
      data-target={target}
    >
      <div
        className="lsr-highlight-box"
        style={{
          left: box.left - pad,
          top: box.top - pad,
          width: box.width + 2 * pad,
          height: box.height + 2 * pad,
        }}
      />
      <div
        className="lsr-highlight-arrow"
        style={{ left: box.left + box.width / 2 - 10, top: arrowTop }}
      >
        {below ? '▲' : '▼'}
      </div>
    </div>
  );
}
