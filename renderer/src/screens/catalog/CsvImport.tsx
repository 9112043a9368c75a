import { useMemo, useState } from 'react';
import { csvTemplate } from '../../../../common/commerce/csv-columns.js';
import type { CsvImportReport } from '../../../../common/ipc-contract.js';
import { bridge } from '../../bridge.js';
import { errorText } from '../../errors/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { Spinner } from '../../ui/Spinner.js';

/** A template as a download link; the UTF-8 BOM makes Korean Excel read the Hangul instead of guessing CP949. */
const templateHref = (lang: 'ko' | 'en') => 'data:text/csv;charset=utf-8,' + encodeURIComponent('\uFEFF' + csvTemplate(lang));
const MAX_CSV_BYTES = 5_000_000;

/** The file's bytes as base64: the core detects the encoding (Korean Excel saves CP949). */
const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('read failed'));
    r.readAsDataURL(file);
  });

type Phase = { kind: 'idle' } | { kind: 'checking' } | { kind: 'report'; report: CsvImportReport } | { kind: 'importing'; rows: number; report: CsvImportReport } | { kind: 'done'; imported: number };

/**
 * CSV import in two steps: the file is checked first (nothing written) and every bad row is
 * listed by line; then the seller imports all (only when nothing is wrong) or only the good rows.
 */
export function CsvImport({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const c = t.catalog.csv;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<{ name: string; fileBase64: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const templates = useMemo(() => ({ ko: templateHref('ko'), en: templateHref('en') }), []);

  const check = async (picked: File | undefined) => {
    if (!picked) return;
    setError(null);
    setPhase({ kind: 'checking' });
    if (picked.size > MAX_CSV_BYTES) {
      setPhase({ kind: 'idle' });
      return setError(c.tooLarge);
    }
    let fileBase64: string;
    try {
      fileBase64 = await readBase64(picked);
    } catch {
      setPhase({ kind: 'idle' });
      return setError(c.readFailed);
    }
    setFile({ name: picked.name, fileBase64 });
    try {
      setPhase({ kind: 'report', report: await bridge.invoke('products.importCsv', { fileBase64, mode: 'check', lang }) });
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(errorText(e, t, lang));
    }
  };

  const run = async (mode: 'all-or-nothing' | 'good-rows', report: CsvImportReport) => {
    if (!file) return;
    setError(null);
    setPhase({ kind: 'importing', rows: report.goodRows, report });
    try {
      const result = await bridge.invoke('products.importCsv', { fileBase64: file.fileBase64, mode, lang });
      if (result.imported === 0 && result.errors.length) setPhase({ kind: 'report', report: result });
      else setPhase({ kind: 'done', imported: result.imported });
      onImported();
    } catch (e) {
      setPhase({ kind: 'report', report });
      setError(errorText(e, t, lang));
    }
  };

  const report = phase.kind === 'report' || phase.kind === 'importing' ? phase.report : null;
  return (
    <section className="card csv-card" aria-labelledby="csv-title">
      <div className="card-head">
        <div>
          <h2 id="csv-title">{c.title}</h2>
          <p className="muted small">{c.lead}</p>
        </div>
        <div className="csv-actions">
          <span className="muted small">{c.template}:</span>
          <a className="btn small ghost" href={templates.ko} download="상품-양식.csv" data-testid="csv-template-ko">
            ↓ {c.templateKo}
          </a>
          <a className="btn small ghost" href={templates.en} download="products-template.csv" data-testid="csv-template-en">
            ↓ {c.templateEn}
          </a>
          <label className={`btn small ${phase.kind === 'checking' || phase.kind === 'importing' ? 'disabled' : ''}`}>
            <input
              type="file"
              className="visually-hidden"
              data-testid="csv-file-input"
              accept=".csv,text/csv"
              disabled={phase.kind === 'checking' || phase.kind === 'importing'}
              onChange={(e) => void check(e.target.files?.[0]).finally(() => (e.target.value = ''))}
            />
            {c.pick}
          </label>
        </div>
      </div>
      {phase.kind === 'checking' && <Spinner label={c.checking} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {phase.kind === 'done' && (
        <p className="notice" role="status">
          ✓ {c.done(phase.imported)}
        </p>
      )}
      {report && file && <Report report={report} fileName={file.name} busy={phase.kind === 'importing'} onRun={(mode) => void run(mode, report)} onClose={() => setPhase({ kind: 'idle' })} />}
    </section>
  );
}

function Report({ report, fileName, busy, onRun, onClose }: { report: CsvImportReport; fileName: string; busy: boolean; onRun: (mode: 'all-or-nothing' | 'good-rows') => void; onClose: () => void }) {
  const { t } = useI18n();
  const c = t.catalog.csv;
  const bad = report.errors.length;
  const badLines = new Set(report.errors.map((e) => e.line)).size;
  return (
    <div className="csv-report" data-testid="csv-report">
      <p className="csv-summary">
        <span className="muted">{c.fileName(fileName)}</span>
        {report.encoding && (
          <span className="muted small" data-testid="csv-encoding">
            {c.encoding(c.encodingNames[report.encoding])}
          </span>
        )}
        <strong className={bad ? 'warn-text' : 'good-text'}>{bad ? c.summary(report.goodRows, badLines) : c.allGood(report.goodRows)}</strong>
      </p>
      {bad > 0 && (
        <div className="table-scroll">
          <table className="csv-table">
            <thead>
              <tr>
                <th scope="col">{c.line}</th>
                <th scope="col">{c.reason}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={`${e.line}-${i}`} data-testid="csv-error">
                  <td className="num">{e.line}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {busy ? (
        <Spinner label={c.importing(report.goodRows)} />
      ) : (
        <div className="csv-buttons">
          <button type="button" className="btn primary" data-testid="csv-import-all-button" disabled={bad > 0 || report.goodRows === 0} title={bad > 0 ? c.importAllBlocked : undefined} onClick={() => onRun('all-or-nothing')}>
            {c.importAll}
            {bad === 0 && ` (${report.goodRows})`}
          </button>
          <button type="button" className="btn" data-testid="csv-import-good-button" disabled={report.goodRows === 0} onClick={() => onRun('good-rows')}>
            {c.importGood(report.goodRows)}
          </button>
          <button type="button" className="btn ghost" onClick={onClose}>
            {c.cancel}
          </button>
          {bad > 0 && <span className="muted small">{c.importAllBlocked}</span>}
        </div>
      )}
    </div>
  );
}
