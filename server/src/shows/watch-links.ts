import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { WatchLink } from '../../../common/show.js';
import { signLinkToken, verifyLinkToken } from '../auth/link-tokens.js';
import { preparer } from '../commerce/sql.js';
import type { Db } from '../db/database.js';

interface LinkRow {
  id: string;
  show_id: string;
  token: string;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export type LinkResolution =
  | { ok: true; linkId: string; showId: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' | 'unknown' };

/** Watch links: signed tokens in URLs, one row each so they can be listed and revoked. */
export class WatchLinks {
  private readonly revokeListeners = new Set<(linkId: string) => void>();
  /** Cached statements for the lookup every viewer connection makes. */
  private readonly q: ReturnType<typeof preparer>;

  constructor(
    private readonly db: Db,
    private readonly secret: string,
    private readonly baseUrl: () => string,
  ) {
    this.q = preparer(db);
  }

  async create(showId: string, expiresInHours?: number): Promise<WatchLink> {
    const id = `wl_${randomBytes(9).toString('base64url')}`;
    const expMs = expiresInHours ? Date.now() + expiresInHours * 3_600_000 : 0;
    const token = signLinkToken(this.secret, { linkId: id, showId, exp: Math.floor(expMs / 1000) });
    this.db
      .prepare('INSERT INTO watch_links (id, show_id, token, expires_at, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, showId, token, expMs ? new Date(expMs).toISOString() : null, new Date().toISOString());
    return this.toLink(this.row(id)!);
  }

  async list(showId: string): Promise<WatchLink[]> {
    const rows = this.db.prepare('SELECT * FROM watch_links WHERE show_id = ? ORDER BY created_at').all(showId) as LinkRow[];
    return Promise.all(rows.map((r) => this.toLink(r)));
  }

  async revoke(linkId: string): Promise<WatchLink | undefined> {
    this.db.prepare('UPDATE watch_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(new Date().toISOString(), linkId);
    const row = this.row(linkId);
    if (row) for (const listener of this.revokeListeners) listener(linkId);
    return row && this.toLink(row);
  }

  /** Told of every revocation, so the sockets opened with that link can be closed at once. */
  onRevoke(listener: (linkId: string) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  resolve(token: string): LinkResolution {
    const check = verifyLinkToken(this.secret, token);
    if (!check.ok) return check;
    const row = this.row(check.claims.linkId);
    if (!row || row.show_id !== check.claims.showId) return { ok: false, reason: 'unknown' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    return { ok: true, linkId: row.id, showId: row.show_id };
  }

  urlFor(token: string): string {
    return `${this.baseUrl()}/w/${token}`;
  }

  private row(id: string): LinkRow | undefined {
    return this.q('SELECT * FROM watch_links WHERE id = ?').get(id) as LinkRow | undefined;
  }

  private async toLink(r: LinkRow): Promise<WatchLink> {
    const url = this.urlFor(r.token);
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { id: r.id, showId: r.show_id, url, qrSvg, expiresAt: r.expires_at, revokedAt: r.revoked_at, createdAt: r.created_at };
  }
}
