import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CouponInput, PollInput, ProductInput, QuizInput, type Coupon, type Poll, type Product, type Quiz } from '../../../common/commerce/catalog.js';
import { bridge } from '../bridge.js';

/**
 * The seller's catalog as the studio core keeps it, loaded once and shared by the catalog screen,
 * the run-down editor and the live view. Rows are checked against the same schemas the core uses;
 * a row that does not parse is counted (and the count shown), never silently used.
 */
export type CatalogKind = 'products' | 'coupons' | 'quizzes' | 'polls';
export const CATALOG_KINDS: readonly CatalogKind[] = ['products', 'coupons', 'quizzes', 'polls'];

export interface CatalogItems {
  products: Product[];
  coupons: Coupon[];
  quizzes: Quiz[];
  polls: Poll[];
}
export interface CatalogInputs {
  products: ProductInput;
  coupons: CouponInput;
  quizzes: QuizInput;
  polls: PollInput;
}
type Row = { id: string; updatedAt: string } & Record<string, unknown>;

const schemas = { products: ProductInput, coupons: CouponInput, quizzes: QuizInput, polls: PollInput } as const;

function parseRow<K extends CatalogKind>(kind: K, row: Row): CatalogItems[K][number] | null {
  const parsed = schemas[kind].safeParse(row);
  return parsed.success ? ({ ...parsed.data, id: row.id, updatedAt: row.updatedAt } as CatalogItems[K][number]) : null;
}

async function listRows(kind: CatalogKind): Promise<Row[]> {
  switch (kind) {
    case 'products':
      return bridge.invoke('products.list', {});
    case 'coupons':
      return bridge.invoke('coupons.list', {});
    case 'quizzes':
      return bridge.invoke('quizzes.list', {});
    case 'polls':
      return bridge.invoke('polls.list', {});
  }
}

async function saveRow<K extends CatalogKind>(kind: K, input: CatalogInputs[K], id?: string): Promise<Row> {
  const withId = <T,>(x: T) => (id ? { id, input: x } : { input: x });
  switch (kind) {
    case 'products':
      return bridge.invoke('products.save', withId(input as ProductInput));
    case 'coupons':
      return bridge.invoke('coupons.save', withId(input as CouponInput));
    case 'quizzes':
      return bridge.invoke('quizzes.save', withId(input as QuizInput));
    default:
      return bridge.invoke('polls.save', withId(input as PollInput));
  }
}

async function deleteRow(kind: CatalogKind, id: string): Promise<void> {
  if (kind === 'products') await bridge.invoke('products.delete', { id });
  else if (kind === 'coupons') await bridge.invoke('coupons.delete', { id });
  else if (kind === 'quizzes') await bridge.invoke('quizzes.delete', { id });
  else await bridge.invoke('polls.delete', { id });
}

interface Catalog {
  items: Partial<CatalogItems>;
  /** Why a kind did not load (the error itself: the screen says it in the seller's language). */
  errors: Partial<Record<CatalogKind, unknown>>;
  unreadable: Partial<Record<CatalogKind, number>>;
  reload: (kind?: CatalogKind) => Promise<void>;
  save: <K extends CatalogKind>(kind: K, input: CatalogInputs[K], id?: string) => Promise<CatalogItems[K][number]>;
  remove: (kind: CatalogKind, id: string) => Promise<void>;
}

const CatalogContext = createContext<Catalog | null>(null);

export function CatalogProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Partial<CatalogItems>>({});
  const [errors, setErrors] = useState<Partial<Record<CatalogKind, unknown>>>({});
  const [unreadable, setUnreadable] = useState<Partial<Record<CatalogKind, number>>>({});

  const loadOne = useCallback(async (kind: CatalogKind) => {
    try {
      const rows = await listRows(kind);
      const parsed = rows.map((r) => parseRow(kind, r));
      const good = parsed.filter((x) => x !== null);
      setItems((cur) => ({ ...cur, [kind]: good }));
      setUnreadable((cur) => ({ ...cur, [kind]: parsed.length - good.length }));
      setErrors((cur) => ({ ...cur, [kind]: undefined }));
    } catch (e) {
      setErrors((cur) => ({ ...cur, [kind]: e ?? new Error('load failed') }));
    }
  }, []);

  const reload = useCallback(async (kind?: CatalogKind) => {
    await Promise.all((kind ? [kind] : CATALOG_KINDS).map(loadOne));
  }, [loadOne]);

  useEffect(() => void reload(), [reload]);

  // During a show the relay sells from stock and the core writes it back: keep the product list current
  // (at most once a second, however fast orders come in).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = bridge.on('relay.stock', () => {
      timer ??= setTimeout(() => {
        timer = null;
        void loadOne('products');
      }, 1000);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [loadOne]);

  const save = useCallback(async <K extends CatalogKind>(kind: K, input: CatalogInputs[K], id?: string) => {
    const row = await saveRow(kind, input, id);
    const item = parseRow(kind, row);
    await loadOne(kind);
    if (!item) throw new Error('The studio saved the item but sent back something this page does not understand.');
    return item;
  }, [loadOne]);

  const remove = useCallback(async (kind: CatalogKind, id: string) => {
    await deleteRow(kind, id);
    await loadOne(kind);
    // A deleted product is also taken out of the coupons limited to it (main/catalog/catalog.ts).
    if (kind === 'products') await loadOne('coupons');
  }, [loadOne]);

  const value = useMemo<Catalog>(() => ({ items, errors, unreadable, reload, save, remove }), [items, errors, unreadable, reload, save, remove]);
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): Catalog {
  const ctx = useContext(CatalogContext);
  if (!ctx) throw new Error('useCatalog outside CatalogProvider');
  return ctx;
}
