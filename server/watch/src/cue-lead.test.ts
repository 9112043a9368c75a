import { describe, expect, it } from 'vitest';
import { CUE_MARGIN_MS, CueLead, MAX_EXTRA_DELAY_MS } from './cue-lead.js';

describe('CueLead', () => {
  it('asks for no extra delay while cues arrive a frame or more ahead', () => {
    const c = new CueLead();
    for (const lead of [CUE_MARGIN_MS, 80, 120, CUE_MARGIN_MS + 100]) expect(c.observe(lead)).toBe(0);
  });

  it('buys the whole deficit of a late cue at once, so the next cue with the same lateness is on time', () => {
    const c = new CueLead();
    expect(c.observe(-65)).toBe(CUE_MARGIN_MS + 65);
    // With that delay in force the same race gives a lead of about the margin: nothing more is bought.
    expect(c.observe(CUE_MARGIN_MS)).toBe(CUE_MARGIN_MS + 65);
  });

  it('never asks for more than the bound, however late cues come', () => {
    const c = new CueLead();
    for (let i = 0; i < 10; i++) c.observe(-300);
    expect(c.extraDelayMs).toBe(MAX_EXTRA_DELAY_MS);
  });

  it('gives delay back slowly once cues arrive well ahead again, down to none', () => {
    const c = new CueLead();
    c.observe(-165); // extra 200
    const after = [c.observe(500), c.observe(500), c.observe(500)];
    expect(after[0]).toBeLessThan(200);
    expect(after[0]).toBeGreaterThan(0);
    expect(after[1]).toBeLessThan(after[0]!);
    expect(after[2]).toBe(0);
  });

  it('ignores a lead that is not a number, and keeps the recent leads for diagnostics', () => {
    const c = new CueLead();
    c.observe(-100);
    expect(c.observe(Number.NaN)).toBe(CUE_MARGIN_MS + 100);
    expect(c.recentLeads).toEqual([-100]);
  });
});
