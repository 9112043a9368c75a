/**
 * Whether a publisher's media is reaching Janus, from Janus's `media` events (`receiving`
 * false after its no_media_timer, true again when packets return). A studio tab that closed or
 * crashed, or a network that went away, sends no hang-up: this is how the relay notices in ~2 s.
 *
 * The picture is what viewers look at, so stopped video counts as stalled even if audio still
 * flows; audio counts only for a publisher that has never reported video (audio-only).
 */
export class MediaFlow {
  private readonly receiving = new Map<'audio' | 'video', boolean>();

  /** Records one Janus media event; returns true when `stalled` changed. Unknown kinds are ignored. */
  report(kind: unknown, receiving: unknown): boolean {
    if ((kind !== 'audio' && kind !== 'video') || typeof receiving !== 'boolean') return false;
    const before = this.stalled;
    this.receiving.set(kind, receiving);
    return this.stalled !== before;
  }

  get stalled(): boolean {
    const video = this.receiving.get('video');
    if (video !== undefined) return !video;
    return this.receiving.get('audio') === false;
  }
}
