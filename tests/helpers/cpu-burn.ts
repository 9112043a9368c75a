import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A busy machine on demand, for the media benchmarks' "busy" form: `n` processes that spin on a
 * core at normal priority (the share a CI run or a second engineer's tests take). Each one ends by
 * itself after `maxSeconds`, whatever happens to the benchmark; `stop()` ends them at once.
 */
export function startCpuBurn(n: number, maxSeconds: number): { stop(): void } {
  if (!Number.isInteger(n) || n < 0 || n > 8) throw new Error('cpu burners: 0..8');
  const code = `const end = Date.now() + ${Math.round(maxSeconds * 1000)}; let x = 0; while (Date.now() < end) { for (let i = 0; i < 1e5; i++) x += i; }`;
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) children.push(spawn(process.execPath, ['-e', code], { stdio: 'ignore' }));
  return {
    stop() {
      for (const c of children) c.kill('SIGKILL');
    },
  };
}
