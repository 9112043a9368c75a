import { RELAY_ROUTES } from '../../../common/api/relay-routes.js';
import { toCsv } from '../analytics/csv.js';
import type { ChatService } from '../chat/chat-service.js';
import type { ShowStore } from '../shows/show-store.js';
import { EngagementError } from '../engagement/errors.js';
import { withHeaders, type DeclaredApi } from './declared.js';
import { HttpError } from './http-util.js';
import { findShow } from './studio-routes.js';

const asHttp = (e: unknown) => (e instanceof EngagementError ? new HttpError(e.status, e.code, e.message) : e);

/** The host's side of the chat (studio key): read, post, moderate, settings, the log and the export. */
export function addChatRoutes(api: DeclaredApi, deps: { store: ShowStore; chat: ChatService }): void {
  const { store, chat } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  api
    .serve(RELAY_ROUTES.chatView, ({ params }) => chat.view(showOr404(params.id).id))
    .serve(RELAY_ROUTES.chatPost, ({ params, body }) => chat.staffPost(showOr404(params.id).id, 'host', 'host', body.text), asHttp)
    .serve(RELAY_ROUTES.chatAct, ({ params, body }) => {
      chat.act(showOr404(params.id).id, 'host', body);
      return null;
    }, asHttp)
    .serve(RELAY_ROUTES.chatSettings, ({ params, body }) => {
      chat.settings(showOr404(params.id).id, 'host', body);
      return body;
    }, asHttp)
    .serve(RELAY_ROUTES.chatModeration, ({ params }) => chat.moderationLog(showOr404(params.id).id))
    .serve(RELAY_ROUTES.chatCsv, ({ params }) => {
      const show = showOr404(params.id);
      const rows = chat.all(show.id).map((m) => [new Date(m.at).toISOString(), m.role, m.nickname, m.text, m.question ? 1 : 0, m.answered ? 1 : 0, m.status, m.viewerId]);
      const csv = toCsv([['time', 'role', 'nickname', 'text', 'question', 'answered', 'status', 'device'], ...rows]);
      return withHeaders(csv, { 'content-disposition': `attachment; filename="chat-${show.id}.csv"` });
    });
}
