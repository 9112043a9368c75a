import { useEffect, useRef } from 'react';

/** A live microphone level bar: the quickest proof that the right mic is picked and not muted. */
export function MicLevel({ track }: { track: MediaStreamTrack | null }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!track) return;
    const ctx = new AudioContext();
    void ctx.resume().catch(() => undefined);
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    let raf = 0;
    const draw = () => {
      analyser.getByteTimeDomainData(data);
      let peak = 0;
      for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
      if (bar.current) bar.current.style.transform = `scaleX(${Math.min(1, (peak / 128) * 1.6)})`;
      raf = requestAnimationFrame(draw);
    };
    draw();
    return () => {
      cancelAnimationFrame(raf);
      void ctx.close();
    };
  }, [track]);
  return (
    <div className="mic-level" aria-hidden="true">
      <div ref={bar} className="mic-level-bar" />
    </div>
  );
}
