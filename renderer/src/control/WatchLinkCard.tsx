import { useEffect, useRef, useState } from 'react';
import type { WatchLink } from '../../../common/show.js';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';

const usable = (l: WatchLink) => !l.revokedAt && (!l.expiresAt || Date.parse(l.expiresAt) > Date.now());

/** The watch link as text, a Copy button and a QR code (the relay's SVG, shown as an image, never as markup). */
export function WatchLinkCard({ showId, initial }: { showId: string; initial: WatchLink | null }) {
  const { t } = useI18n();
  const [link, setLink] = useState<WatchLink | null>(initial);
  const [loaded, setLoaded] = useState(!!initial);
  const [copied, setCopied] = useState<'done' | 'manual' | null>(null);
  const urlRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (initial) return;
    let alive = true;
    bridge
      .invoke('shows.links', { showId })
      .then((links) => alive && setLink(links.find(usable) ?? null))
      .catch(() => undefined)
      .finally(() => alive && setLoaded(true));
    return () => {
      alive = false;
    };
  }, [showId, initial]);

  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(id);
  }, [copied]);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('done');
    } catch {
      // No clipboard permission: select the text so Ctrl+C works.
      const el = urlRef.current;
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopied('manual');
    }
  };

  return (
    <section className="card link-card">
      <div className="card-head">
        <h2>{t.link.title}</h2>
      </div>
      {!loaded && <p className="muted">{t.common.loading}</p>}
      {loaded && !link && <p className="muted">{t.link.none}</p>}
      {link && (
        <div className="link-body">
          <img className="qr" data-testid="qr-code" alt={t.link.qrAlt} src={'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(link.qrSvg)} />
          <div className="link-text">
            <p className="muted small">{t.link.lead}</p>
            <code className="link-url" data-testid="watch-link" ref={urlRef} title={link.url}>
              {link.url}
            </code>
            <button type="button" className="btn small primary" data-testid="copy-link-button" onClick={() => void copy()}>
              <CopyIcon /> {copied === 'done' ? t.link.copied : t.link.copy}
            </button>
            {copied === 'manual' && <p className="muted small">{t.link.copyManual}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function CopyIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15V5a2 2 0 0 1 2-2h10" />
    </svg>
  );
}
