import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../format.js';
import { recordingFailure } from './recording-failure.js';

describe('recordingFailure', () => {
  it('reads the relay reasons the studio explains', () => {
    expect(recordingFailure('not enough disk space to process the recording: about 30 MB needed, 1 MB free; the raw parts are kept')).toBe('disk');
    expect(recordingFailure('nothing was recorded (no video part with packets)')).toBe('nothing');
    expect(recordingFailure("no replayable part: av1 video (only the camera's VP8 and OBS's H.264 are made into a replay)")).toBe('codec');
    expect(recordingFailure('the processing child was killed (SIGKILL)')).toBe('killed');
    expect(recordingFailure('ffmpeg exited 1: invalid data')).toBe('other');
    expect(recordingFailure(null)).toBe('other');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal under 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_400_000_000)).toBe('1.4 GB');
    expect(formatBytes(812_000)).toBe('812 KB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
  });
});
