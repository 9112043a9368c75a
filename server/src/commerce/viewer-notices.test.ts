import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import { CommerceNotices } from './viewer-notices.js';

/** Purchase notices and the host's display setting (docs/phone-layout.md): off means none is sent, not even one held back. */
describe('purchase notices with the display setting', () => {
  afterEach(() => vi.useRealTimers());
  const item = (buyer: string) => ({ buyer, productName: '린넨 셔츠', quantity: 1 });

  it('sends none while the show has them off, and drops the batch the throttle held when they were turned off', () => {
    vi.useFakeTimers();
    const sent: [string, RelayToViewer][] = [];
    const shown = new Map([['s', true]]);
    const notices = new CommerceNotices((id, m) => sent.push([id, m]), () => undefined, (id) => shown.get(id) ?? true);
    notices.purchase('s', item('김**')); // first after quiet: out at once
    notices.purchase('s', item('이**')); // inside the interval: held for its end
    expect(sent).toEqual([['s', { type: 'purchases', items: [item('김**')] }]]);
    shown.set('s', false);
    notices.purchase('s', item('박**'));
    vi.advanceTimersByTime(2000);
    expect(sent).toHaveLength(1);
    // Another show keeps its notices.
    notices.purchase('t', item('최**'));
    expect(sent.at(-1)).toEqual(['t', { type: 'purchases', items: [item('최**')] }]);
    shown.set('s', true);
    vi.advanceTimersByTime(2000);
    notices.purchase('s', item('정**'));
    vi.advanceTimersByTime(2000);
    expect(sent.filter(([id]) => id === 's').map(([, m]) => m)).toEqual([
      { type: 'purchases', items: [item('김**')] },
      { type: 'purchases', items: [item('정**')] },
    ]);
    notices.stop();
  });
});
