import { useCallback, useEffect, useRef, useState } from 'react';
import { QUALITY, DEFAULT_QUALITY, type QualityPreset } from '../../../common/quality.js';
import { cameraConstraints, deviceIdOf, listDevices, micConstraints, problem, type SourceProblem } from './devices.js';

export type VideoSource = 'camera' | 'screen' | 'none';

interface Tracks {
  video: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
}

const gum = (c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c);

/**
 * The seller's capture sources: camera or screen for video, a microphone for audio.
 * A missing or blocked device degrades to what works and says why, never a dead end.
 */
export function useMediaSource() {
  const [tracks, setTracksState] = useState<Tracks>({ video: null, audio: null });
  const [videoSource, setVideoSource] = useState<VideoSource>('none');
  const [devices, setDevices] = useState<{ cameras: MediaDeviceInfo[]; mics: MediaDeviceInfo[] }>({ cameras: [], mics: [] });
  const [problem_, setProblem] = useState<SourceProblem | null>(null);
  const [quality, setQualityState] = useState<QualityPreset>(DEFAULT_QUALITY);
  const [starting, setStarting] = useState(true);
  const current = useRef<Tracks>({ video: null, audio: null });
  const qualityRef = useRef(quality);
  const seq = useRef(0);
  const lastCamera = useRef('');

  /** Installs new tracks, stopping the ones they replace. */
  const install = useCallback((next: Partial<Tracks>) => {
    const cur = current.current;
    for (const kind of ['video', 'audio'] as const) {
      const track = next[kind];
      if (kind in next && cur[kind] && cur[kind] !== track) cur[kind]!.stop();
      // 'ended' fires only when the device or browser ends a track (unplugged camera, "Stop sharing").
      if (track && track !== cur[kind]) track.addEventListener('ended', () => trackEnded.current(kind, track));
    }
    current.current = { ...cur, ...next };
    if (next.video && !next.video.getSettings().displaySurface) lastCamera.current = deviceIdOf(next.video);
    setTracksState(current.current);
  }, []);
  const trackEnded = useRef((kind: 'video' | 'audio', track: MediaStreamTrack) => {
    if (current.current[kind] !== track) return;
    const screen = !!track.getSettings().displaySurface;
    current.current = { ...current.current, [kind]: null };
    setTracksState(current.current);
    if (kind === 'video') setVideoSource('none');
    if (!screen) setProblem({ kind: 'notfound', device: kind === 'video' ? 'camera' : 'mic', detail: 'device disconnected' });
  });

  const refreshDevices = useCallback(() => void listDevices().then(setDevices), []);

  const start = useCallback(
    async (want: { video: boolean; audio: boolean }) => {
      const my = ++seq.current;
      setStarting(true);
      const q = QUALITY[qualityRef.current];
      const video = want.video ? cameraConstraints(q) : false;
      const audio = want.audio ? micConstraints() : false;
      let stream: MediaStream | null = null;
      let trouble: SourceProblem | null = null;
      try {
        stream = await gum({ video, audio });
      } catch (e) {
        // Find out which device is the problem, and keep the one that works.
        const [v, a] = await Promise.allSettled([video ? gum({ video }) : Promise.reject(null), audio ? gum({ audio }) : Promise.reject(null)]);
        const tracksOk = [v, a].flatMap((r) => (r.status === 'fulfilled' ? r.value.getTracks() : []));
        stream = tracksOk.length ? new MediaStream(tracksOk) : null;
        const camBad = !!video && v.status === 'rejected';
        const micBad = !!audio && a.status === 'rejected';
        if (camBad || micBad) trouble = problem(camBad && v.status === 'rejected' ? v.reason : e, camBad && micBad ? 'both' : camBad ? 'camera' : 'mic');
      }
      if (my !== seq.current) return stream?.getTracks().forEach((t) => t.stop());
      const vt = stream?.getVideoTracks()[0] ?? null;
      install({ video: vt, audio: stream?.getAudioTracks()[0] ?? null });
      setVideoSource(vt ? 'camera' : 'none');
      setProblem(trouble);
      setStarting(false);
      refreshDevices();
    },
    [install, refreshDevices],
  );

  useEffect(() => {
    void start({ video: true, audio: true });
    navigator.mediaDevices.addEventListener('devicechange', refreshDevices);
    return () => {
      navigator.mediaDevices.removeEventListener('devicechange', refreshDevices);
      seq.current++;
      current.current.video?.stop();
      current.current.audio?.stop();
    };
  }, [start, refreshDevices]);

  const selectCamera = useCallback(
    /** '' turns the camera off; null picks the default camera. */
    async (deviceId: string | null) => {
      const my = ++seq.current;
      if (deviceId === '') {
        install({ video: null });
        return setVideoSource('none');
      }
      try {
        const s = await gum({ video: cameraConstraints(QUALITY[qualityRef.current], deviceId ?? undefined) });
        if (my !== seq.current) return s.getTracks().forEach((t) => t.stop());
        install({ video: s.getVideoTracks()[0] ?? null });
        setVideoSource('camera');
        setProblem(null);
        refreshDevices();
      } catch (e) {
        if (my === seq.current) setProblem(problem(e, 'camera'));
      }
    },
    [install, refreshDevices],
  );

  const selectMic = useCallback(
    async (deviceId: string) => {
      const my = ++seq.current;
      if (!deviceId) return install({ audio: null });
      try {
        const s = await gum({ audio: micConstraints(deviceId) });
        if (my !== seq.current) return s.getTracks().forEach((t) => t.stop());
        install({ audio: s.getAudioTracks()[0] ?? null });
        setProblem(null);
        refreshDevices();
      } catch (e) {
        if (my === seq.current) setProblem(problem(e, 'mic'));
      }
    },
    [install, refreshDevices],
  );

  const shareScreen = useCallback(async () => {
    const my = ++seq.current;
    try {
      const s = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: QUALITY[qualityRef.current].fps } }, audio: false });
      const vt = s.getVideoTracks()[0] ?? null;
      if (my !== seq.current || !vt) return s.getTracks().forEach((t) => t.stop());
      install({ video: vt });
      setVideoSource('screen');
      setProblem(null);
    } catch (e) {
      if (my === seq.current) setProblem(problem(e, 'screen'));
    }
  }, [install]);

  const setQuality = useCallback((q: QualityPreset) => {
    qualityRef.current = q;
    setQualityState(q);
    const vt = current.current.video;
    const spec = QUALITY[q];
    if (!vt) return;
    const c: MediaTrackConstraints = vt.getSettings().displaySurface ? { frameRate: { ideal: spec.fps } } : cameraConstraints(spec, deviceIdOf(vt) || undefined);
    void vt.applyConstraints(c).catch(() => undefined);
  }, []);

  const stopAll = useCallback(() => {
    seq.current++;
    install({ video: null, audio: null });
    setVideoSource('none');
  }, [install]);

  return {
    ...tracks,
    videoSource,
    devices,
    problem: problem_,
    quality,
    starting,
    cameraId: videoSource === 'camera' ? deviceIdOf(tracks.video) : '',
    micId: deviceIdOf(tracks.audio),
    selectCamera,
    selectMic,
    shareScreen,
    setQuality,
    stopAll,
    retry: () => start({ video: true, audio: true }),
    backToCamera: () => selectCamera(lastCamera.current || null),
    micOnly: () => start({ video: false, audio: true }),
    cameraOnly: () => start({ video: true, audio: false }),
  };
}
export type MediaSource = ReturnType<typeof useMediaSource>;
