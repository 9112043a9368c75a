import { callRoute, type FetchLike } from '../../../../common/api/client.js';
import { RELAY_ROUTES as R } from '../../../../common/api/relay-routes.js';
import type { ChatAction, ChatSettings } from '../../../../common/protocol/chat.js';

/** The moderator page's calls, derived from the declared routes; the token is the page's own path. */
export class ModApi {
  constructor(
    private readonly token: string,
    private readonly fetchLike: FetchLike = (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' } as RequestInit),
  ) {}

  private get params() {
    return { token: this.token };
  }

  view() {
    return callRoute(this.fetchLike, '', R.modChatView, { params: this.params });
  }

  post(text: string) {
    return callRoute(this.fetchLike, '', R.modChatPost, { params: this.params, body: { text } });
  }

  act(action: ChatAction) {
    return callRoute(this.fetchLike, '', R.modChatAct, { params: this.params, body: action });
  }

  settings(next: ChatSettings) {
    return callRoute(this.fetchLike, '', R.modChatSettings, { params: this.params, body: next });
  }

  log() {
    return callRoute(this.fetchLike, '', R.modChatModeration, { params: this.params });
  }
}

/** The token of a /m/<token> page; null when the path is not one. */
export function tokenFromPath(pathname: string): string | null {
  const m = /^\/m\/([A-Za-z0-9_.-]{8,600})$/.exec(pathname);
  return m ? m[1]! : null;
}
