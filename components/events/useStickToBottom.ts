import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * Keeps a scroll container pinned to its bottom as content arrives, unless the person has
 * scrolled up to read; scrolling back down (or `jump()`) pins it again.
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, content: unknown) {
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const at = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
    pinned.current = at;
    setAtBottom(at);
  }, [ref]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [ref, content]);

  const jump = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    pinned.current = true;
    setAtBottom(true);
    el.scrollTop = el.scrollHeight;
  }, [ref]);

  return { atBottom, onScroll, jump };
}
