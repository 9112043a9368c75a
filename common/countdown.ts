/** "mm:ss" of a remaining time, rounded up so 0:00 means ended (the studio's and the watch page's countdowns). */
export function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
