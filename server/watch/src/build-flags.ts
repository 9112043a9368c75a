// Set by vite.config.ts (`define`): true only in the build for tests (--mode watch-diagnostics).
declare const __LC_DIAGNOSTICS__: boolean | undefined;

/**
 * Whether this build exposes window.__lcWatch for end-to-end tests and benchmarks. A constant, so
 * the production build drops the diagnostics code and the global's name entirely.
 */
export const DIAGNOSTICS: boolean = typeof __LC_DIAGNOSTICS__ !== 'undefined' && __LC_DIAGNOSTICS__;
