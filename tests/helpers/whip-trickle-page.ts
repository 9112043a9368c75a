/**
 * A WHIP publisher that trickles, as third-party browser clients do when served from the relay's
 * origin: it POSTs an offer without candidates and PATCHes each candidate (and end-of-candidates)
 * as the browser gathers it, and restarts ICE by PATCH. Runs in Chromium (page.evaluate), so each
 * exported function is self-contained; state lives on `window.__whip`.
 */

export interface TricklePublishResult {
  sessionUrl: string;
  etag: string;
  offerCandidates: number;
}

export interface WhipPageState {
  pc: RTCPeerConnection;
  sessionUrl: string;
  etag: string;
  ufrag: string;
  pwd: string;
  mid: string;
  mline: string;
  key: string;
  /** Candidates waiting for the session (before the 201) or for a restart's new tag. */
  queue: (string | null)[];
  busy: boolean;
  /** Every PATCH: what it carried and what the relay answered. */
  patches: { kind: 'candidate' | 'end' | 'restart'; status: number; ufrag: string }[];
}

export async function publishTrickling(o: { showId: string; studioKey: string }): Promise<TricklePublishResult> {
  // With camera permission Chromium gathers and signals host candidates on every interface (the
  // browser is told to treat the relay's plain-http origin as secure); without it, none are signalled.
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
  const pc = new RTCPeerConnection();
  for (const t of stream.getTracks()) pc.addTransceiver(t, { direction: 'sendonly', streams: [stream] });
  const state: WhipPageState = { pc, sessionUrl: '', etag: '', ufrag: '', pwd: '', mid: '', mline: '', key: o.studioKey, queue: [], busy: true, patches: [] };
  (window as unknown as { __whip: WhipPageState }).__whip = state;

  const fragOf = (lines: string[]) => [`a=ice-ufrag:${state.ufrag}`, `a=ice-pwd:${state.pwd}`, state.mline, `a=mid:${state.mid}`, ...lines, ''].join('\r\n');
  // One PATCH at a time, in gathering order (RFC 9725 lets a client batch; one each is the harder case).
  const flush = async () => {
    if (state.busy) return;
    state.busy = true;
    try {
      for (let i = 0; i < 100 && state.queue.length; i++) {
        const c = state.queue.shift()!;
        const res = await fetch(state.sessionUrl, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${state.key}`, 'content-type': 'application/trickle-ice-sdpfrag', 'if-match': state.etag },
          body: fragOf([c === null ? 'a=end-of-candidates' : `a=${c}`]),
        });
        state.patches.push({ kind: c === null ? 'end' : 'candidate', status: res.status, ufrag: state.ufrag });
      }
    } finally {
      state.busy = false;
    }
  };
  (window as unknown as { __whipFlush: () => Promise<void> }).__whipFlush = flush;
  pc.addEventListener('icecandidate', (e) => {
    // Only the first m= section's: with BUNDLE every section shares its transport.
    if (e.candidate && e.candidate.sdpMLineIndex !== 0) return;
    state.queue.push(e.candidate ? e.candidate.candidate : null);
    void flush();
  });

  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  // The offer as created, before gathering: no candidates (the point of this client).
  const sdp = offer.sdp!;
  state.ufrag = /a=ice-ufrag:(\S+)/.exec(sdp)![1]!;
  state.pwd = /a=ice-pwd:(\S+)/.exec(sdp)![1]!;
  state.mline = /^m=\S+ \d+ \S+ .*$/m.exec(sdp)![0]!.replace(/\r$/, '');
  state.mid = /a=mid:(\S+)/.exec(sdp)![1]!;
  const res = await fetch(`/whip/shows/${o.showId}`, { method: 'POST', headers: { authorization: `Bearer ${o.studioKey}`, 'content-type': 'application/sdp' }, body: sdp });
  if (res.status !== 201) throw new Error(`WHIP publish failed: ${res.status} ${await res.text()}`);
  state.sessionUrl = new URL(res.headers.get('location')!, location.href).toString();
  state.etag = res.headers.get('etag') ?? '';
  await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
  state.busy = false;
  await flush();
  return { sessionUrl: state.sessionUrl, etag: state.etag, offerCandidates: (sdp.match(/^a=candidate:/gm) ?? []).length };
}

/**
 * ICE restart (RFC 9725): new credentials in a PATCH with If-Match "*"; the relay answers 200 with
 * Janus's new credentials and candidates, which become the remote description. Candidates of the
 * new generation are PATCHed afterwards under the new ETag.
 */
export async function restartIceByPatch(): Promise<{ status: number; etag: string; oldUfrag: string; newUfrag: string; remoteUfrag: string }> {
  const state = (window as unknown as { __whip: WhipPageState }).__whip;
  const flush = (window as unknown as { __whipFlush: () => Promise<void> }).__whipFlush;
  for (let i = 0; i < 200 && state.busy; i++) await new Promise((r) => setTimeout(r, 25));
  state.busy = true;
  const oldUfrag = state.ufrag;
  state.pc.restartIce();
  const offer = await state.pc.createOffer();
  await state.pc.setLocalDescription(offer);
  state.ufrag = /a=ice-ufrag:(\S+)/.exec(offer.sdp!)![1]!;
  state.pwd = /a=ice-pwd:(\S+)/.exec(offer.sdp!)![1]!;
  const res = await fetch(state.sessionUrl, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${state.key}`, 'content-type': 'application/trickle-ice-sdpfrag', 'if-match': '"*"' },
    body: [`a=ice-ufrag:${state.ufrag}`, `a=ice-pwd:${state.pwd}`, state.mline, `a=mid:${state.mid}`, ''].join('\r\n'),
  });
  state.patches.push({ kind: 'restart', status: res.status, ufrag: state.ufrag });
  const frag = await res.text();
  if (res.status !== 200) throw new Error(`ICE restart refused: ${res.status} ${frag}`);
  state.etag = res.headers.get('etag') ?? '';
  // The new remote description: the old answer with the fragment's credentials and candidates.
  const ufrag = /a=ice-ufrag:(\S+)/.exec(frag)![1]!;
  const pwd = /a=ice-pwd:(\S+)/.exec(frag)![1]!;
  const candidates = frag.split(/\r?\n/).filter((l) => l.startsWith('a=candidate:'));
  const lines = state.pc.currentRemoteDescription!.sdp.split(/\r?\n/).filter((l) => l && !l.startsWith('a=candidate:') && l !== 'a=end-of-candidates');
  const out: string[] = [];
  let section = -1;
  for (const l of lines) {
    if (l.startsWith('m=')) section++;
    out.push(l.startsWith('a=ice-ufrag:') ? `a=ice-ufrag:${ufrag}` : l.startsWith('a=ice-pwd:') ? `a=ice-pwd:${pwd}` : l);
    if (section === 0 && l.startsWith('a=mid:')) out.push(...candidates);
  }
  await state.pc.setRemoteDescription({ type: 'answer', sdp: out.join('\r\n') + '\r\n' });
  state.busy = false;
  await flush();
  return { status: res.status, etag: state.etag, oldUfrag, newUfrag: state.ufrag, remoteUfrag: ufrag };
}

/** The ICE username fragment the publisher's transport runs on now (Chromium's transport stats). */
export async function transportUfrag(): Promise<string | null> {
  const state = (window as unknown as { __whip: WhipPageState }).__whip;
  let ufrag: string | null = null;
  (await state.pc.getStats()).forEach((s) => {
    if (s.type === 'transport' && s.iceState === 'connected' && typeof s.iceLocalUsernameFragment === 'string') ufrag = s.iceLocalUsernameFragment;
  });
  return ufrag;
}
