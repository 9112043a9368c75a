import type { QualitySpec } from '../../../common/quality.js';

export type ProblemKind = 'denied' | 'notfound' | 'overconstrained' | 'busy' | 'screen' | 'other';
export type ProblemDevice = 'camera' | 'mic' | 'both' | 'screen';

/** Why a capture source could not start, in terms a seller can act on. */
export interface SourceProblem {
  kind: ProblemKind;
  device: ProblemDevice;
  detail: string;
}

export function classify(e: unknown): ProblemKind {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError') return 'notfound';
  if (name === 'OverconstrainedError' || name === 'ConstraintNotSatisfiedError') return 'overconstrained';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'other';
}

export const problem = (e: unknown, device: ProblemDevice): SourceProblem => ({
  kind: device === 'screen' ? 'screen' : classify(e),
  device,
  detail: e instanceof Error ? e.message : String(e),
});

export const cameraConstraints = (q: QualitySpec, deviceId?: string): MediaTrackConstraints => ({
  ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  width: { ideal: q.width },
  height: { ideal: q.height },
  frameRate: { ideal: q.fps },
});

export const micConstraints = (deviceId?: string): MediaTrackConstraints => ({
  ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  echoCancellation: true,
  noiseSuppression: true,
});

export async function listDevices(): Promise<{ cameras: MediaDeviceInfo[]; mics: MediaDeviceInfo[] }> {
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
  // Without permission the browser lists devices with empty ids; those cannot be selected.
  const usable = all.filter((d) => d.deviceId !== '');
  return { cameras: usable.filter((d) => d.kind === 'videoinput'), mics: usable.filter((d) => d.kind === 'audioinput' && d.deviceId !== 'communications') };
}

export const deviceIdOf = (t: MediaStreamTrack | null): string => t?.getSettings().deviceId ?? '';
