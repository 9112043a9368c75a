import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../common/testing/seeded-random.js';
import { answerFrag, iceCredentials, MAX_FRAG_CANDIDATES, parseSdpFrag, restartOffer, SdpFragError } from './sdpfrag.js';

const CAND = 'candidate:842163049 1 udp 1677729535 10.77.0.2 40271 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag sK1p network-cost 999';
const TRICKLE = ['a=ice-ufrag:sK1p', 'a=ice-pwd:abcdefghijklmnopqrstuvwx', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:0', `a=${CAND}`, 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:1', 'a=end-of-candidates', ''].join('\r\n');

const OFFER = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0 1', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:0', 'a=ice-ufrag:old1', 'a=ice-pwd:oldpasswordoldpassword12', `a=${CAND}`, 'a=end-of-candidates', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:1', 'a=ice-ufrag:old1', 'a=ice-pwd:oldpasswordoldpassword12', ''].join('\r\n');

describe('trickle-ICE SDP fragments (WHIP PATCH)', () => {
  it('reads credentials, candidates per m= section with their mid, and end-of-candidates', () => {
    const f = parseSdpFrag(TRICKLE);
    expect(f).toEqual({ ufrag: 'sK1p', pwd: 'abcdefghijklmnopqrstuvwx', endOfCandidates: true, media: [{ mid: '0', index: 0, candidates: [CAND] }, { mid: '1', index: 1, candidates: [] }] });
  });

  it('refuses what is not a fragment, with a sentence', () => {
    const bad = ['hello', 'a=candidate:1 1 udp 1 10.0.0.1 9 typ host', `a=mid:0\r\n`, 'a=ice-ufrag:abcd\r\n', 'm=audio 9 X 1\r\na=candidate:1 1 udp 1 10.0.0.1 9 typ banana', 'm=audio x'];
    for (const text of bad) expect(() => parseSdpFrag(text), text).toThrow(SdpFragError);
  });

  it('bounds the candidates it takes', () => {
    const many = ['m=audio 9 UDP/TLS/RTP/SAVPF 111', ...Array.from({ length: MAX_FRAG_CANDIDATES + 1 }, () => `a=${CAND}`)].join('\r\n');
    expect(() => parseSdpFrag(many)).toThrow(/too many/);
  });

  it('never throws anything but SdpFragError on random input', () => {
    const rnd = seededRandom(9725);
    const pieces = ['a=', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:', 'a=candidate:', 'a=ice-ufrag:', '\r\n', '\n', ':', ' ', 'typ host', '\u0000', 'é', '9'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: rnd.int(1, 12) }, () => rnd.pick(pieces)).join('');
      try {
        parseSdpFrag(text);
      } catch (e) {
        expect(e).toBeInstanceOf(SdpFragError);
      }
    }
  });

  it('builds an ICE-restart offer with the new credentials and without the old candidates', () => {
    const re = restartOffer(OFFER, { ufrag: 'new2', pwd: 'newpasswordnewpassword34' });
    expect(iceCredentials(re)).toEqual({ ufrag: 'new2', pwd: 'newpasswordnewpassword34' });
    expect(re).not.toContain('old1');
    expect(re).not.toContain('a=candidate:');
    expect(re.split('\r\n').filter((l) => l.startsWith('m='))).toHaveLength(2);
  });

  it("turns an answer's ICE part into the fragment a restart is answered with", () => {
    const frag = answerFrag(OFFER);
    const parsed = parseSdpFrag(frag);
    expect(parsed.ufrag).toBe('old1');
    expect(parsed.media.map((m) => m.mid)).toEqual(['0', '1']);
    expect(parsed.media[0]!.candidates).toEqual([CAND]);
  });
});
