import { useRef, useState } from 'react';
import { bridge } from '../../bridge.js';
import { decodeCsvBytes } from '../../commerce/decode-csv.js';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

/**
 * Tracking numbers for many orders at once from the seller's sheet (CP949 or UTF-8, Korean or
 * English headers). The good rows ship; every refused row is listed with its line, in the UI language.
 */
export function ShipUpload({ showId, onDone }: { showId: string; onDone: () => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const f = t.fulfilment;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setNote(null);
    try {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const r = await bridge.invoke('orders.shipCsv', { showId, csv: text });
      if (!r.ok) {
        const p = r.problem;
        const line = p.kind === 'bad_csv' ? f.sheet.bad_csv(p.line) : p.kind === 'missing_columns' ? f.sheet.missing(p.columns.map((c) => f.columns[c]).join(', ')) : p.kind === 'too_many' ? f.sheet.too_many(p.max) : f.sheet.empty;
        setNote({ ok: false, lines: [line] });
      } else {
        setNote({ ok: r.refused.length === 0, lines: [f.uploaded(r.shipped, f.encoding[encoding]), ...r.refused.map((x) => f.row(x.line, x.number, f.rowRefused[x.error]))] });
        onDone();
      }
    } catch (e) {
      setNote({ ok: false, lines: [`${f.failed} ${say(e)}`] });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="ship-upload">
      <label className="btn" title={f.uploadHint}>
        {busy ? f.uploading : f.upload}
        <input ref={input} type="file" accept=".csv,text/csv" hidden disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} data-testid="orders-ship-upload" />
      </label>
      {note && (
        <ul className={note.ok ? 'notice' : 'form-error'} role="status" data-testid="orders-ship-note">
          {note.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
