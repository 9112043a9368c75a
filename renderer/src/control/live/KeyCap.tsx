/** A key as printed on the keyboard, for hints next to every live control. */
export function KeyCap({ k }: { k: string }) {
  return <kbd className="keycap">{k}</kbd>;
}
