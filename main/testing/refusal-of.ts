import { expect } from 'vitest';
import type { StudioError } from '../../common/ipc-contract.js';
import { parseRefusal, refusalCode, refusalLogLine, type Refusal } from '../../common/refusals.js';

/**
 * Checks (tests only) that a StudioError is a declared refusal: code and English log line derived
 * from its declaration, and the arguments surviving JSON and the renderer's own check. `seen`
 * collects the reasons, so a test can fail when a declared reason is never produced.
 */
export function expectRefusal(e: StudioError, seen: Set<string>): Refusal {
  expect(e.refusal).not.toBeNull();
  const refusal = e.refusal!;
  seen.add(refusal.reason);
  expect(e.code).toBe(refusalCode(refusal));
  expect(e.message).toBe(refusalLogLine(refusal));
  // What the renderer gets after JSON (browser shell) and its own check.
  expect(parseRefusal(JSON.parse(JSON.stringify(refusal)))).toEqual(refusal);
  return refusal;
}
