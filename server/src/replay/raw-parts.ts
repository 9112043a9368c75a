import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Janus's raw recording of a show: with room-level recording (MediaEngine.createRoom), every
 * publisher that joins the room (the studio's WebRTC one, the OBS ingest's remote one, and each
 * reconnect of either) writes its own video and audio .mjr files. One publisher is one part of the
 * replay; parts are ordered by when Janus started writing them.
 */
export interface RawPart {
  base: string;
  video: string | null;
  audio: string | null;
  videoCodec: string | null;
  /** The relay's clock (epoch ms) at the first packet Janus wrote, per track. */
  videoStartMs: number | null;
  audioStartMs: number | null;
}

/** The JSON info header of an .mjr file (Janus's recorder: "MJR00002", u16 BE length, JSON). */
const MjrInfo = z.object({
  t: z.enum(['v', 'a', 'd']),
  c: z.string().max(20).optional(),
  /** Created, and first packet written: µs since the epoch. */
  s: z.number().finite(),
  u: z.number().finite().optional(),
});

export async function readMjrInfo(file: string): Promise<z.infer<typeof MjrInfo>> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(10);
    await fh.read(head, 0, 10, 0);
    if (head.toString('latin1', 0, 8) !== 'MJR00002') throw new Error(`${path.basename(file)}: not a Janus .mjr recording`);
    const len = head.readUInt16BE(8);
    const json = Buffer.alloc(len);
    await fh.read(json, 0, len, 10);
    return MjrInfo.parse(JSON.parse(json.toString('utf8')));
  } finally {
    await fh.close();
  }
}

/**
 * `videoroom-<room>-user-<feed>-<µs>-video-0.mjr`: the tracks of one publisher share room and feed
 * but not the µs (each track's file is opened on its own), so a part is one feed. Every publish
 * (a reconnect, the ingest's remote publisher, a new room after a relay restart) is a new feed.
 */
const MJR_NAME = /^(.+)-\d+-(audio|video)(?:-\d+)?\.mjr$/;

export async function listRawParts(dir: string): Promise<RawPart[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const byBase = new Map<string, RawPart>();
  for (const name of names.sort()) {
    const m = MJR_NAME.exec(name);
    if (!m) continue;
    const base = m[1]!;
    const part = byBase.get(base) ?? { base, video: null, audio: null, videoCodec: null, videoStartMs: null, audioStartMs: null };
    byBase.set(base, part);
    const file = path.join(dir, name);
    // A file Janus created but never wrote a packet to (a publisher that left at once) is no part.
    const info = await readMjrInfo(file).catch(() => null);
    if (!info || info.u === undefined || info.u === 0) continue;
    if (m[2] === 'video' && !part.video) {
      part.video = file;
      part.videoCodec = info.c ?? null;
      part.videoStartMs = info.u / 1000;
    } else if (m[2] === 'audio' && !part.audio) {
      part.audio = file;
      part.audioStartMs = info.u / 1000;
    }
  }
  return [...byBase.values()]
    .filter((p) => p.video !== null)
    .sort((a, b) => a.videoStartMs! - b.videoStartMs!);
}
