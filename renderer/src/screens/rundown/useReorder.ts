import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

interface Options {
  count: number;
  /** Applies the move (the caller uses move() from common/rundown.ts). */
  onMove: (from: number, to: number) => void;
  /** Says the move out loud (aria-live): index is the new position, 0-based. */
  announce: (from: number, to: number) => void;
}

type Edge = 'before' | 'after';

/**
 * Reordering one list two ways: HTML5 drag and drop by a handle, and the keyboard (Alt+↑ / Alt+↓
 * while focus is anywhere in the item, except a multi-line text where Alt+arrows move the caret).
 * Each list has its own hook, so a cue dragged over a segment (or the reverse) is ignored by the
 * other list, and nested lists stop their events from reaching the outer one.
 */
export function useReorder({ count, onMove, announce }: Options) {
  // The dragged index is read by drag events that can arrive before React re-renders: keep it in a ref.
  const draggingRef = useRef<number | null>(null);
  const [dragging, setDraggingState] = useState<number | null>(null);
  const setDragging = (i: number | null) => {
    draggingRef.current = i;
    setDraggingState(i);
  };
  const [over, setOver] = useState<{ index: number; edge: Edge } | null>(null);
  const edgeOf = (e: DragEvent<HTMLElement>): Edge => {
    const rect = e.currentTarget.getBoundingClientRect();
    return e.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
  };

  const moveTo = (from: number, to: number) => {
    if (to < 0 || to >= count || from === to) return;
    onMove(from, to);
    announce(from, to);
  };

  const itemProps = (index: number) => ({
    'data-drop': over?.index === index && dragging !== null && dragging !== index ? over.edge : undefined,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      if ((e.target as HTMLElement).tagName === 'TEXTAREA') return;
      e.preventDefault();
      e.stopPropagation();
      const el = e.target as HTMLElement;
      moveTo(index, e.key === 'ArrowUp' ? index - 1 : index + 1);
      // React may re-insert the moved node, which drops focus; put it back where the host was.
      requestAnimationFrame(() => document.activeElement !== el && el.isConnected && el.focus());
    },
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (draggingRef.current === null) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'move';
      const edge = edgeOf(e);
      if (over?.index !== index || over.edge !== edge) setOver({ index, edge });
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      const from = draggingRef.current;
      if (from === null) return;
      e.preventDefault();
      e.stopPropagation();
      let to = edgeOf(e) === 'before' ? index : index + 1;
      if (from < to) to -= 1;
      moveTo(from, to);
      setDragging(null);
      setOver(null);
    },
  });

  const handleProps = (index: number) => ({
    draggable: true,
    'aria-keyshortcuts': 'Alt+ArrowUp Alt+ArrowDown',
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.stopPropagation();
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', String(index));
      const item = e.currentTarget.closest('[data-reorder-item]');
      if (item) e.dataTransfer.setDragImage(item, 24, 24);
      setDragging(index);
    },
    onDragEnd: () => {
      setDragging(null);
      setOver(null);
    },
  });

  return { itemProps, handleProps, dragging };
}
