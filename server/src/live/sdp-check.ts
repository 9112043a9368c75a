import { MAX_SDP_BYTES } from '../../../common/limits.js';

/** Media sections a WebRTC offer or answer can carry; a bundle of more than this is not a studio or a viewer. */
const MAX_MEDIA_SECTIONS = 16;
const MAX_LINES = 2000;
/** RFC 8866 §5: `<type>=<value>`, one lowercase letter; no control characters inside a line. */
const LINE = /^[a-z]=[^\x00-\x08\x0a-\x1f\x7f]*$/;
const MEDIA = /^m=(audio|video|application) \d{1,5}(\/\d+)? [A-Za-z0-9/]+( [\w.-]+)+$/;

/**
 * Why `text` is not a plausible WebRTC SDP (offer from a WHIP encoder, answer from a viewer),
 * or null when it is. Checked before Janus sees it, so garbage is the sender's 400 and not a
 * media-server error, and a huge or binary body never reaches Janus at all.
 */
export function sdpProblem(text: string): string | null {
  if (Buffer.byteLength(text) > MAX_SDP_BYTES) return `the SDP is larger than ${MAX_SDP_BYTES} bytes`;
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== 'v=0') return 'the SDP must start with v=0';
  if (lines.length > MAX_LINES) return `the SDP has more than ${MAX_LINES} lines`;
  let media = 0;
  let hasOrigin = false;
  let hasIce = false;
  let hasFingerprint = false;
  for (const line of lines) {
    if (!LINE.test(line)) return 'the SDP has a line that is not <letter>=<value>';
    if (line.startsWith('m=')) {
      if (!MEDIA.test(line)) return 'the SDP has a malformed m= line';
      if (++media > MAX_MEDIA_SECTIONS) return `the SDP has more than ${MAX_MEDIA_SECTIONS} media sections`;
    } else if (line.startsWith('o=')) hasOrigin = true;
    else if (line.startsWith('a=ice-ufrag:')) hasIce = true;
    else if (line.startsWith('a=fingerprint:')) hasFingerprint = true;
  }
  if (!hasOrigin) return 'the SDP has no o= line';
  if (media === 0) return 'the SDP has no m= line (audio or video)';
  // WebRTC needs ICE credentials and a DTLS fingerprint; without them Janus could never connect.
  if (!hasIce || !hasFingerprint) return 'the SDP has no ICE credentials or DTLS fingerprint (not a WebRTC description)';
  return null;
}
