import type { Handlers } from '../handlers.js';
import type { RelayClient } from '../relay-client.js';
import { csvFilename, withBom } from '../commerce/commerce-handlers.js';
import type { HostChatStore } from './host-chat-store.js';

type ChatChannel = Extract<keyof Handlers, `chat.${string}`>;

/** The chat channels: the host's settings kept here, everything else passed through to the relay. */
export function chatHandlers(store: HostChatStore, client: () => RelayClient, title: (showId: string) => Promise<string | null>): Pick<Handlers, ChatChannel> {
  return {
    'chat.view': (req) => client().chatView(req.showId),
    'chat.post': (req) => client().chatPost(req.showId, req.text),
    'chat.act': async (req) => (await client().chatAct(req.showId, req.action), {}),
    'chat.settings': (req) => client().chatSettings(req.showId, req.settings),
    'chat.moderation': (req) => client().chatModeration(req.showId),
    'chat.exportCsv': async (req) => ({ filename: csvFilename('chat', await title(req.showId)), csv: withBom(await client().chatCsv(req.showId)) }),
    'chat.moderators.list': (req) => client().listModerators(req.showId),
    'chat.moderators.create': (req) => client().createModerator(req.showId, req.label),
    'chat.moderators.revoke': (req) => client().revokeModerator(req.linkId),
    'chat.hostSettings.get': async () => store.get(),
    'chat.hostSettings.save': async (req) => store.save(req),
  };
}
