import { lstat, readdir, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { RecordingDisk, ShowDiskUse } from '../../../common/replay/replay-studio.js';
import { clipsDir, rawDir, recordingDir } from './replay-paths.js';

/** Shows listed by the disk overview at most (the studio shows the largest). */
const MAX_SHOWS = 1000;
/** Files counted per directory walk at most: a bound on the work one request can cause. */
const MAX_FILES = 200_000;

/** Bytes of the regular files under `dir` (symlinks not followed); 0 when it does not exist. */
async function bytesUnder(dir: string, budget = { files: MAX_FILES }): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const e of entries) {
    if (--budget.files < 0) break;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await bytesUnder(p, budget);
    else if (e.isFile()) total += await lstat(p).then((s) => s.size, () => 0);
  }
  return total;
}

/** What one show's recording takes on disk: the replay and its work files, the raw parts, the clips. */
export async function showDiskUse(dataDir: string, showId: string): Promise<ShowDiskUse> {
  const [all, rawBytes, clipBytes] = await Promise.all([bytesUnder(recordingDir(dataDir, showId)), bytesUnder(rawDir(dataDir, showId)), bytesUnder(clipsDir(dataDir, showId))]);
  return { replayBytes: Math.max(0, all - rawBytes - clipBytes), rawBytes, clipBytes };
}

/** The data disk's free space and every show with recording files, largest first. */
export async function recordingDisk(dataDir: string, describe: (showId: string) => { title: string; status: RecordingDisk['shows'][number]['status'] } | null): Promise<RecordingDisk> {
  const fs = await statfs(dataDir);
  let ids: string[] = [];
  try {
    ids = (await readdir(path.join(dataDir, 'recordings'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    // No recording yet.
  }
  const shows: RecordingDisk['shows'] = [];
  for (const showId of ids) {
    const known = describe(showId);
    if (!known) continue; // a directory the relay did not make (or a deleted show's leftovers)
    const use = await showDiskUse(dataDir, showId);
    if (use.replayBytes + use.rawBytes + use.clipBytes === 0) continue;
    shows.push({ showId, title: known.title.slice(0, 200), status: known.status, ...use });
  }
  shows.sort((a, b) => b.replayBytes + b.rawBytes + b.clipBytes - (a.replayBytes + a.rawBytes + a.clipBytes));
  return { freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize, shows: shows.slice(0, MAX_SHOWS) };
}

/**
 * Removes a show's replay (replay.webm, timeline.json, the post-processing work files) and Janus's
 * raw parts; clips already cut stay (their pages may be shared already; they are deleted one by one).
 */
export async function deleteRecordingFiles(dataDir: string, showId: string): Promise<void> {
  const dir = recordingDir(dataDir, showId);
  const keep = path.basename(clipsDir(dataDir, showId));
  let entries: string[] = [];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(entries.filter((name) => name !== keep).map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}
