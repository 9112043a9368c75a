/**
 * Trickle-ICE SDP fragments (RFC 8840, `application/trickle-ice-sdpfrag`), as WHIP clients send them
 * in PATCH (RFC 9725 §4.3): new candidates for the session, or new ICE credentials (an ICE restart).
 * Parsed strictly and bounded: a fragment comes from the network.
 */

export interface FragMedia {
  /** `a=mid:` of the m= section, or null when the client named none. */
  mid: string | null;
  /** Position of the m= section in the fragment (the client mirrors its offer's order). */
  index: number;
  candidates: string[];
}

export interface SdpFrag {
  ufrag: string | null;
  pwd: string | null;
  media: FragMedia[];
  endOfCandidates: boolean;
}

export const MAX_FRAG_CANDIDATES = 64;
const ICE_CHAR = /^[A-Za-z0-9+/]{4,256}$/; // RFC 8839 ice-char
// foundation component transport priority address port "typ" type …
const CANDIDATE = /^candidate:[A-Za-z0-9+/]{1,32} \d{1,3} (udp|tcp|UDP|TCP) \d{1,10} [0-9A-Za-z.:_-]{1,255} \d{1,5} typ (host|srflx|prflx|relay)( [\x21-\x7e]{1,255})*$/;

export class SdpFragError extends Error {}

/** Parses a fragment; throws SdpFragError with a sentence for the sender when it is not one. */
export function parseSdpFrag(text: string): SdpFrag {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length > 4 * MAX_FRAG_CANDIDATES) throw new SdpFragError('the fragment has too many lines');
  const frag: SdpFrag = { ufrag: null, pwd: null, media: [], endOfCandidates: false };
  let current: FragMedia | null = null;
  let count = 0;
  for (const line of lines) {
    if (!/^[a-z]=/.test(line)) throw new SdpFragError(`not an SDP line: ${line.slice(0, 40)}`);
    if (line.startsWith('m=')) {
      if (!/^m=(audio|video|application) \d{1,5} [A-Z/]{3,32}( [\w-]{1,32})*$/.test(line)) throw new SdpFragError('malformed m= line');
      current = { mid: null, index: frag.media.length, candidates: [] };
      frag.media.push(current);
      continue;
    }
    if (!line.startsWith('a=')) continue; // other session lines carry nothing for ICE
    const [attr, ...rest] = line.slice(2).split(':');
    const value = rest.join(':');
    switch (attr) {
      case 'ice-ufrag':
      case 'ice-pwd':
        if (!ICE_CHAR.test(value)) throw new SdpFragError(`malformed ${attr}`);
        if (attr === 'ice-ufrag') frag.ufrag = value;
        else frag.pwd = value;
        break;
      case 'mid':
        if (!current || !/^[\w-]{1,32}$/.test(value)) throw new SdpFragError('a=mid outside an m= section or malformed');
        current.mid = value;
        break;
      case 'candidate': {
        const candidate = line.slice(2);
        if (!current) throw new SdpFragError('a candidate outside an m= section');
        if (!CANDIDATE.test(candidate)) throw new SdpFragError('malformed candidate');
        if (++count > MAX_FRAG_CANDIDATES) throw new SdpFragError('the fragment has too many candidates');
        current.candidates.push(candidate);
        break;
      }
      case 'end-of-candidates':
        frag.endOfCandidates = true;
        break;
      default:
        break; // a=group, a=ice-options…: nothing to act on
    }
  }
  if ((frag.ufrag === null) !== (frag.pwd === null)) throw new SdpFragError('ice-ufrag and ice-pwd come together');
  return frag;
}

/** The ICE credentials of an SDP (the first ones found: bundled sessions share them). */
export function iceCredentials(sdp: string): { ufrag: string; pwd: string } | null {
  const ufrag = /^a=ice-ufrag:(\S+)\r?$/m.exec(sdp)?.[1];
  const pwd = /^a=ice-pwd:(\S+)\r?$/m.exec(sdp)?.[1];
  return ufrag && pwd ? { ufrag, pwd } : null;
}

/** The client's offer with new ICE credentials and no old candidates: what an ICE restart re-offers. */
export function restartOffer(offer: string, creds: { ufrag: string; pwd: string }): string {
  return offer
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('a=candidate:') && !l.startsWith('a=end-of-candidates'))
    .map((l) => (l.startsWith('a=ice-ufrag:') ? `a=ice-ufrag:${creds.ufrag}` : l.startsWith('a=ice-pwd:') ? `a=ice-pwd:${creds.pwd}` : l))
    .join('\r\n');
}

/** The answer's ICE part as a fragment (RFC 9725: the server's reply to an ICE restart). */
export function answerFrag(answer: string): string {
  const out: string[] = [];
  const creds = iceCredentials(answer);
  if (creds) out.push(`a=ice-ufrag:${creds.ufrag}`, `a=ice-pwd:${creds.pwd}`);
  let inMedia = false;
  for (const l of answer.split(/\r?\n/)) {
    if (l.startsWith('m=')) {
      inMedia = true;
      out.push(l);
    } else if (inMedia && (l.startsWith('a=mid:') || l.startsWith('a=candidate:') || l === 'a=end-of-candidates')) out.push(l);
  }
  return out.join('\r\n') + '\r\n';
}
