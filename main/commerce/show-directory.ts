import type { Show } from '../../common/show.js';

/**
 * The shows this studio has heard about (from listing, starting, rehearsing and the relay's show
 * events), so commerce can tell a rehearsal from a real show without asking the relay each time:
 * a rehearsal's stock never goes back into the studio's catalog.
 */
export class ShowDirectory {
  private readonly shows = new Map<string, Show>();

  remember(show: Show): void {
    this.shows.set(show.id, show);
  }

  rememberAll(shows: readonly Show[]): void {
    for (const s of shows) this.remember(s);
  }

  get(id: string): Show | null {
    return this.shows.get(id) ?? null;
  }

  /** Looks the show up, listing the relay's shows once if it is not known yet. */
  async resolve(id: string, list: () => Promise<Show[]>): Promise<Show | null> {
    const known = this.shows.get(id);
    if (known) return known;
    try {
      this.rememberAll(await list());
    } catch {
      return null;
    }
    return this.shows.get(id) ?? null;
  }

  clear(): void {
    this.shows.clear();
  }
}
