import type { Show } from '../common/show.js';
import type { ShowDirectory } from './commerce/show-directory.js';
import type { Handlers } from './handlers.js';
import type { RelayClient } from './relay-client.js';
import type { RundownStore } from './rundown/rundown-store.js';

type ShowAdminChannel = 'shows.rename' | 'shows.delete' | 'shows.copy';

/**
 * Renaming, deleting and copying shows from the show list. The relay owns shows; the studio owns
 * their run-downs, so delete and copy also act on the run-downs that name the show. The catalog is
 * the studio's (every show sells from it), so a copy has it without copying.
 */
export function showAdminHandlers(client: () => RelayClient, rundowns: RundownStore, shows: ShowDirectory): Pick<Handlers, ShowAdminChannel> {
  const ofShow = (showId: string) => rundowns.list().filter((r) => r.showId === showId);
  return {
    'shows.rename': async (req) => {
      const show: Show = await client().renameShow(req.showId, req.title);
      shows.remember(show);
      return show;
    },
    'shows.delete': async (req) => {
      // The relay refuses first (live, or orders kept); only then do the run-downs go.
      await client().deleteShow(req.showId);
      const gone = ofShow(req.showId);
      for (const r of gone) rundowns.delete(r.id);
      return { deletedRundowns: gone.length };
    },
    'shows.copy': async (req) => {
      const show = await client().createShow(req.title, null);
      shows.remember(show);
      const link = await client().createLink(show.id);
      const copies = ofShow(req.showId).map((r) => rundowns.duplicate(r.id, req.title, show.id));
      return { show, link, rundowns: copies.length };
    },
  };
}
