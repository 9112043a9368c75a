import { describe, expect, it } from 'vitest';
import { ipcChannels, isIpcChannel } from './ipc-contract.js';

describe('ipc contract', () => {
  it('knows its channels and nothing else', () => {
    expect(isIpcChannel('shows.create')).toBe(true);
    expect(isIpcChannel('constructor')).toBe(false);
    expect(isIpcChannel('fs.readFile')).toBe(false);
  });

  it('rejects extra fields and bad values at the boundary', () => {
    expect(ipcChannels['shows.start'].request.safeParse({ showId: 'a', evil: 1 }).success).toBe(false);
    expect(ipcChannels['settings.connect'].request.safeParse({ relayUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(ipcChannels['settings.connect'].request.safeParse({ relayUrl: 'https://live.example.com', studioKey: 'short' }).success).toBe(false);
    expect(ipcChannels['shows.create'].request.safeParse({ title: '   ' }).success).toBe(false);
    expect(ipcChannels['shows.create'].request.safeParse({ title: 'x'.repeat(121) }).success).toBe(false);
    expect(ipcChannels['shows.create'].request.safeParse({ title: '봄 신상', scheduledAt: 'tomorrow' }).success).toBe(false);
    expect(ipcChannels['shows.create'].request.safeParse({ title: '봄 신상', scheduledAt: '2099-12-01T11:00:00+09:00' }).success).toBe(true);
    // A start time in the past is refused (a few minutes of grace for the picker's precision).
    expect(ipcChannels['shows.create'].request.safeParse({ title: '봄 신상', scheduledAt: '2020-12-01T11:00:00+09:00' }).success).toBe(false);
  });
});
