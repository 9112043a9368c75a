import { describe, expect, it } from 'vitest';
import { findPublishName } from './rtmp-publish-name.js';

const amfString = (s: string) => Buffer.concat([Buffer.from([0x02, s.length >> 8, s.length & 0xff]), Buffer.from(s)]);
const amfNumber = (n: number) => {
  const b = Buffer.alloc(9);
  b[0] = 0x00;
  b.writeDoubleBE(n, 1);
  return b;
};
const publish = (name: string) => Buffer.concat([Buffer.from([0x43, 0, 0, 0, 0, 0, 0x40, 0x14]), amfString('publish'), amfNumber(5), Buffer.from([0x05]), amfString(name), amfString('live')]);

describe('findPublishName', () => {
  it('reads the stream name of a publish command, behind other commands', () => {
    const bytes = Buffer.concat([amfString('FCPublish'), amfNumber(4), Buffer.from([0x05]), amfString('other'), publish('KEY_abc-123')]);
    expect(findPublishName(bytes)).toMatchObject({ found: true, name: 'KEY_abc-123' });
  });

  it('waits while the command is incomplete, and drops a ?query suffix', () => {
    const full = publish('abc?x=1');
    expect(findPublishName(full.subarray(0, full.length - 12))).toEqual({ found: false });
    expect(findPublishName(full)).toMatchObject({ found: true, name: 'abc' });
  });

  it('gives an empty name for a malformed command and nothing for garbage', () => {
    expect(findPublishName(Buffer.concat([amfString('publish'), Buffer.from([0x07, 1, 2, 3, 4, 5, 6, 7, 8, 9])]))).toMatchObject({ found: true, name: '' });
    expect(findPublishName(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toEqual({ found: false });
  });
});
