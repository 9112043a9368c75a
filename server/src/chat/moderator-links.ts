import { createHmac, randomBytes } from 'node:crypto';
import type { ModeratorLink } from '../../../common/protocol/chat.js';
import { signLinkToken, verifyLinkToken } from '../auth/link-tokens.js';
import type { Db } from '../db/database.js';
import { preparer } from '../commerce/sql.js';

interface Row {
  id: string;
  show_id: string;
  label: string;
  token: string;
  revoked_at: string | null;
  created_at: string;
}

export type ModeratorResolution = { ok: true; linkId: string; showId: string; label: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' | 'unknown' };

/**
 * Moderator links: a signed token per assistant and show, like a watch link but signed with a key
 * of its own (derived from the link secret), so a watch token can never act as a moderator's. The
 * link moderates one show's chat and nothing else; revoking it stops it at once.
 */
export class ModeratorLinks {
  private readonly q: ReturnType<typeof preparer>;
  private readonly secret: string;

  constructor(
    db: Db,
    linkSecret: string,
    private readonly baseUrl: () => string,
  ) {
    this.q = preparer(db);
    this.secret = createHmac('sha256', linkSecret).update('moderator-links').digest('base64url');
  }

  create(showId: string, label: string): ModeratorLink {
    const id = `ml_${randomBytes(9).toString('base64url')}`;
    const token = signLinkToken(this.secret, { linkId: id, showId, exp: 0 });
    this.q('INSERT INTO moderator_links (id, show_id, label, token, created_at) VALUES (?, ?, ?, ?, ?)').run(id, showId, label, token, new Date().toISOString());
    return this.toLink(this.row(id)!);
  }

  list(showId: string): ModeratorLink[] {
    return (this.q('SELECT * FROM moderator_links WHERE show_id = ? ORDER BY created_at').all(showId) as Row[]).map((r) => this.toLink(r));
  }

  revoke(linkId: string): ModeratorLink | null {
    this.q('UPDATE moderator_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(new Date().toISOString(), linkId);
    const row = this.row(linkId);
    return row ? this.toLink(row) : null;
  }

  resolve(token: string): ModeratorResolution {
    const check = verifyLinkToken(this.secret, token);
    if (!check.ok) return check;
    const row = this.row(check.claims.linkId);
    if (!row || row.show_id !== check.claims.showId) return { ok: false, reason: 'unknown' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    return { ok: true, linkId: row.id, showId: row.show_id, label: row.label };
  }

  /** Who did it, as the moderation log names moderators. */
  labelOf(linkId: string): string | null {
    return this.row(linkId)?.label ?? null;
  }

  private row(id: string): Row | undefined {
    return this.q('SELECT * FROM moderator_links WHERE id = ?').get(id) as Row | undefined;
  }

  private toLink(r: Row): ModeratorLink {
    return { id: r.id, showId: r.show_id, label: r.label, url: `${this.baseUrl()}/m/${r.token}`, revokedAt: r.revoked_at, createdAt: r.created_at };
  }
}
