import { describe, expect, it } from 'vitest';
import { MAX_SDP_BYTES } from '../../../common/limits.js';
import { sdpProblem } from './sdp-check.js';

/** The shape of a real Chromium answer to a Janus offer (trimmed). */
const answer = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=ice-ufrag:abcd',
  'a=ice-pwd:0123456789abcdefghijklmn',
  'a=fingerprint:sha-256 AA:BB:CC',
  'a=setup:active',
  'a=mid:0',
  'a=rtpmap:111 opus/48000/2',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97',
  'a=mid:1',
  'a=rtpmap:96 VP8/90000',
  '',
].join('\r\n');

describe('sdpProblem', () => {
  it('accepts a WebRTC description with CRLF or LF line ends', () => {
    expect(sdpProblem(answer)).toBeNull();
    expect(sdpProblem(answer.replaceAll('\r\n', '\n'))).toBeNull();
  });

  it('refuses what is not a WebRTC SDP, saying why', () => {
    const cases: [string, RegExp][] = [
      ['v=0 bogus answer', /start with v=0/],
      ['hello', /start with v=0/],
      ['', /start with v=0/],
      [answer.replace('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'm=audio nine'), /m= line/],
      [answer.replace('a=mid:0', 'a=mid:0\u0000'), /letter/],
      [answer.replace('a=mid:0', 'garbage line'), /letter/],
      [answer.replace(/m=[^\r]*\r\n/g, ''), /no m= line/],
      [answer.replace('o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n', ''), /no o= line/],
      [answer.replace('a=fingerprint:sha-256 AA:BB:CC\r\n', ''), /fingerprint/],
      [answer.replace('a=ice-ufrag:abcd\r\n', ''), /ICE/],
      [answer + 'a=x:' + 'y'.repeat(MAX_SDP_BYTES), /larger/],
      [answer + 'm=video 9 UDP/TLS/RTP/SAVPF 96\r\n'.repeat(20), /media sections/],
      [answer + 'a=x\r\n'.repeat(2500), /lines/],
    ];
    for (const [text, why] of cases) expect(sdpProblem(text), JSON.stringify(text.slice(0, 40))).toMatch(why);
  });
});
