import type { OrdersSheetFormat, SheetEncoding } from '../../../../common/commerce/courier-csv.js';
import { useI18n } from '../../i18n/i18n.js';

export interface SheetChoice {
  format: OrdersSheetFormat;
  encoding: SheetEncoding;
}

const FORMATS: readonly OrdersSheetFormat[] = ['generic', 'cj'];
const ENCODINGS: readonly SheetEncoding[] = ['utf-8-bom', 'cp949'];

/** Which orders sheet to export (all orders, or CJ대한통운's bulk booking) and in which encoding. */
export function SheetOptions({ value, onChange }: { value: SheetChoice; onChange: (v: SheetChoice) => void }) {
  const { t } = useI18n();
  const s = t.store;
  return (
    <span className="sheet-options">
      <select value={value.format} onChange={(e) => onChange({ ...value, format: e.target.value as OrdersSheetFormat })} data-testid="orders-export-format" aria-label={s.sheetFormat}>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {s.formats[f]}
          </option>
        ))}
      </select>
      <select value={value.encoding} onChange={(e) => onChange({ ...value, encoding: e.target.value as SheetEncoding })} data-testid="orders-export-encoding" aria-label={s.sheetEncoding}>
        {ENCODINGS.map((f) => (
          <option key={f} value={f}>
            {s.encodings[f]}
          </option>
        ))}
      </select>
    </span>
  );
}
