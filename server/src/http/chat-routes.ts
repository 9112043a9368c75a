import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { toCsv } from '../analytics/csv.js';
import type { ChatService } from '../chat/chat-service.js';
import type { ModeratorLinks } from '../chat/moderator-links.js';
import type { ChatListsStore } from '../chat/chat-lists.js';
import { EngagementError } from '../engagement/errors.js';
import type { ShowStore } from '../shows/show-store.js';
import { ANSWERED, apiError, withHeaders, type DeclaredApi } from './declared.js';
import { HttpError } from './http-util.js';
import { findShow } from './studio-routes.js';
import { sendLinkProblem, watchCsp } from './watch-routes.js';

const asHttp = (e: unknown) => (e instanceof EngagementError ? new HttpError(e.status, e.code, e.message) : e);

export interface ChatRouteDeps {
  store: ShowStore;
  chat: ChatService;
  moderators: ModeratorLinks;
  lists: ChatListsStore;
  /** The built watch page folder; the moderator page is its moderate.html. */
  watchDist: string;
}

/**
 * The chat's staff side: the host (studio key) and moderators (a moderator link, one show each)
 * read, post, moderate and change settings through the same ChatService; every action is logged
 * with who did it ('host' or 'mod:<link id>').
 */
export function addChatRoutes(api: DeclaredApi, deps: ChatRouteDeps): void {
  const { store, chat, moderators } = deps;
  const showOr404 = (id: string) => findShow(store, id).id;
  const moderated = (token: string) => {
    const r = moderators.resolve(token);
    if (!r.ok) throw r.reason === 'revoked' ? apiError('link_gone', 'this moderator link was revoked') : apiError('not_found', 'this moderator link is not valid');
    return { showId: findShow(store, r.showId).id, actor: `mod:${r.linkId}`, label: r.label };
  };
  api
    .serve(RELAY_ROUTES.chatView, ({ params }) => chat.view(showOr404(params.id)))
    .serve(RELAY_ROUTES.chatPost, ({ params, body }) => chat.staffPost(showOr404(params.id), 'host', 'host', body.text), asHttp)
    .serve(RELAY_ROUTES.chatAct, ({ params, body }) => (chat.act(showOr404(params.id), 'host', body), null), asHttp)
    .serve(RELAY_ROUTES.chatSettings, ({ params, body }) => (chat.settings(showOr404(params.id), 'host', body), body), asHttp)
    .serve(RELAY_ROUTES.chatModeration, ({ params }) => chat.moderationLog(showOr404(params.id)))
    .serve(RELAY_ROUTES.chatCsv, ({ params }) => {
      const showId = showOr404(params.id);
      const rows = chat.all(showId).map((m) => [new Date(m.at).toISOString(), m.role, m.nickname, m.text, m.question ? 1 : 0, m.answered ? 1 : 0, m.status, m.viewerId]);
      const csv = toCsv([['time', 'role', 'nickname', 'text', 'question', 'answered', 'status', 'device'], ...rows]);
      return withHeaders(csv, { 'content-disposition': `attachment; filename="chat-${showId}.csv"` });
    })
    .serve(RELAY_ROUTES.chatLists, () => deps.lists.get())
    .serve(RELAY_ROUTES.saveChatLists, ({ body }) => deps.lists.save(body))
    .serve(RELAY_ROUTES.modChatLists, ({ params }) => (moderated(params.token), deps.lists.get()))
    .serve(RELAY_ROUTES.modSaveChatLists, ({ params, body }) => {
      const m = moderated(params.token);
      chat.logAction(m.showId, m.actor, 'lists', `${body.customWords.length} words, ${body.ownDomains.length + body.allowDomains.length} domains`);
      return deps.lists.save(body);
    })
    .serve(RELAY_ROUTES.createModeratorLink, ({ params, body }) => moderators.create(showOr404(params.id), body.label))
    .serve(RELAY_ROUTES.listModeratorLinks, ({ params }) => moderators.list(showOr404(params.id)))
    .serve(RELAY_ROUTES.revokeModeratorLink, ({ params }) => {
      const link = moderators.revoke(params.linkId);
      if (!link) throw apiError('not_found', 'no such moderator link');
      return link;
    })
    .serve(RELAY_ROUTES.moderatorPage, ({ req, res, params }) => {
      const r = moderators.resolve(params.token);
      if (!r.ok) return (sendLinkProblem(res, r.reason, req.headers.host), ANSWERED);
      const file = path.join(deps.watchDist, 'moderate.html');
      if (!existsSync(file)) throw apiError('not_built', 'the moderator page is not built; run npm run build:web');
      return withHeaders(readFileSync(file, 'utf8'), { 'content-security-policy': watchCsp(req.headers.host), 'referrer-policy': 'no-referrer' });
    })
    .serve(RELAY_ROUTES.modChatView, ({ params }) => {
      const m = moderated(params.token);
      const show = findShow(store, m.showId);
      return { ...chat.view(m.showId), showTitle: show.title, showStatus: show.status, label: m.label };
    })
    .serve(RELAY_ROUTES.modChatPost, ({ params, body }) => {
      const m = moderated(params.token);
      return chat.staffPost(m.showId, m.actor, 'moderator', body.text);
    }, asHttp)
    .serve(RELAY_ROUTES.modChatAct, ({ params, body }) => {
      const m = moderated(params.token);
      chat.act(m.showId, m.actor, body);
      return null;
    }, asHttp)
    .serve(RELAY_ROUTES.modChatSettings, ({ params, body }) => {
      const m = moderated(params.token);
      chat.settings(m.showId, m.actor, body);
      return body;
    }, asHttp)
    .serve(RELAY_ROUTES.modChatModeration, ({ params }) => chat.moderationLog(moderated(params.token).showId));
}
