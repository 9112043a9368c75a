import { z } from 'zod';
import { postProcess } from './post-process.js';

/**
 * The post-processing child (spawned `nice`d by RecordingJobs): one show per run, progress and the
 * outcome as IPC messages. Its own process so a long stamp strip or a crash never touches the relay.
 */
const Job = z.object({
  dataDir: z.string().min(1),
  showId: z.string().min(1).max(100),
  tools: z.object({ janusPpRec: z.string().min(1), ffmpeg: z.string().min(1), ffprobe: z.string().min(1) }),
});

export type PostProcessMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; parts: number; bytes: number; durationMs: number }
  | { type: 'failed'; reason: string };

const send = (m: PostProcessMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

async function main(): Promise<void> {
  const job = Job.parse(JSON.parse(process.argv[2] ?? '{}'));
  try {
    const result = await postProcess(job.dataDir, job.showId, job.tools, (progress) => void send({ type: 'progress', progress }));
    await send({ type: 'done', ...result });
  } catch (e) {
    await send({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
  }
  process.disconnect?.();
}

void main();
