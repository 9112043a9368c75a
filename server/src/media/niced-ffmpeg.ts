import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** An ffmpeg with no progress line for this long is stuck (a broken file, a hung encoder): killed. */
export const STALL_MS = 60_000;

export class FfmpegError extends Error {
  constructor(
    readonly code: 'ffmpeg_failed' | 'stalled' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

/** util-linux's `chrt` (Essential in Debian, so on every relay machine); without it, `nice` alone. */
const CHRT = ['/usr/bin/chrt', '/bin/chrt'].find((p) => existsSync(p)) ?? null;

/**
 * The command line that runs `bin` as background work: SCHED_IDLE (`chrt --idle 0`: the kernel runs
 * it only on CPU time no ordinary task wants, and any waking live task preempts it at once; `nice`
 * alone still left an encoder's threads a weighted share beside a live show's cue fan-out), and
 * `nice` as well, for a machine without chrt.
 */
export function backgroundCommand(niceLevel: number, bin: string, args: readonly string[]): [string, string[]] {
  const niced = ['nice', '-n', String(niceLevel), bin, ...args];
  return CHRT ? [CHRT, ['--idle', '0', ...niced]] : [niced[0]!, niced.slice(1)];
}

/**
 * One background encode (a clip cut, the replay's MP4 rendition) in its own ffmpeg child at the
 * lowest CPU priority (`backgroundCommand`), so the relay's event loop and live shows keep the CPU. Progress is read from
 * `-progress pipe:1` (out_time over the expected length; the caller's args must ask for it), a
 * child silent for STALL_MS is killed, and `cancel()` kills it at once. The relay only reads lines.
 */
export class NicedFfmpeg {
  private proc: ChildProcess | null = null;
  private cancelled = false;

  constructor(
    private readonly ffmpegBin: string,
    private readonly niceLevel = 10,
    private readonly stallMs = STALL_MS,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.proc?.kill('SIGKILL');
  }

  /** Runs ffmpeg with `args`; `durationSec` (> 0) turns out_time into a fraction below 1. */
  run(args: readonly string[], durationSec: number, onProgress: (fraction: number) => void): Promise<void> {
    const durUs = durationSec * 1e6;
    return new Promise<void>((resolve, reject) => {
      const [cmd, cmdArgs] = backgroundCommand(this.niceLevel, this.ffmpegBin, args);
      const proc = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
      this.proc = proc;
      if (this.cancelled) proc.kill('SIGKILL');
      let stderr = '';
      let stalled = false;
      let lastProgressAt = Date.now();
      const watchdog = setInterval(
        () => {
          if (Date.now() - lastProgressAt <= this.stallMs) return;
          stalled = true;
          proc.kill('SIGKILL');
        },
        Math.min(5000, this.stallMs),
      );
      watchdog.unref();
      let pending = '';
      proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        lastProgressAt = Date.now();
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^out_time_us=(\d+)/.exec(line);
          if (m && durUs > 0) onProgress(Math.min(0.99, Number(m[1]) / durUs));
        }
      });
      proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
      proc.on('error', (e) => {
        clearInterval(watchdog);
        reject(new FfmpegError('ffmpeg_failed', `ffmpeg could not start: ${e.message}`));
      });
      proc.on('close', (code, signal) => {
        clearInterval(watchdog);
        this.proc = null;
        if (this.cancelled) return reject(new FfmpegError('cancelled', 'the encode was cancelled'));
        if (stalled) return reject(new FfmpegError('stalled', `ffmpeg made no progress for ${this.stallMs / 1000} s`));
        if (code !== 0) return reject(new FfmpegError('ffmpeg_failed', `ffmpeg exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        resolve();
      });
    });
  }
}
