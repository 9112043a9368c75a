import { StudioError } from '../../common/ipc-contract.js';

/** Calls `fn` (tests only) and returns the StudioError it throws; anything else, or nothing, fails the test. */
export function errorOf(fn: () => unknown): StudioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('expected a StudioError');
}
