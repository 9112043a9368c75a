import type { CsvImportReport, UiLang } from '../../common/ipc-contract.js';
import type { StudioDb } from '../store/studio-db.js';
import { CouponStore } from './coupon-store.js';
import { decodeCsvBytes } from './csv-decode.js';
import { importProductsCsv, type CsvImportMode } from './csv-import.js';
import { csvMessages } from './csv-messages.js';
import { ImageStore } from './image-store.js';
import { PollStore } from './poll-store.js';
import { ProductStore } from './product-store.js';
import { QuizStore } from './quiz-store.js';

/** The seller's catalog in the studio's database: one store per kind, plus images and CSV import. */
export class Catalog {
  readonly products: ProductStore;
  readonly coupons: CouponStore;
  readonly quizzes: QuizStore;
  readonly polls: PollStore;
  readonly images: ImageStore;

  constructor(private readonly store: StudioDb) {
    this.products = new ProductStore(store.db);
    this.coupons = new CouponStore(store.db);
    this.quizzes = new QuizStore(store.db);
    this.polls = new PollStore(store.db);
    this.images = new ImageStore(store.db, store.dataDir);
  }

  /** Deletes a product and takes it out of the coupons limited to it, in one transaction (coupon-store.ts says when it is refused). */
  deleteProduct(id: string): void {
    this.store.db.transaction(() => {
      const product = this.products.get(id);
      if (product) this.coupons.dropProduct(id, product.name);
      this.products.delete(id);
    })();
  }

  importCsv(csv: string, mode: CsvImportMode, lang: UiLang = 'en'): CsvImportReport {
    return importProductsCsv(csv, mode, { products: this.products, hasImage: (ref) => this.images.has(ref) }, lang);
  }

  /** A CSV file as the seller picked it: its encoding is detected and reported with the result. */
  importCsvFile(bytes: Uint8Array, mode: CsvImportMode, lang: UiLang): CsvImportReport {
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) return { imported: 0, goodRows: 0, errors: [{ line: 1, reason: csvMessages(lang).notDecodable }] };
    return { ...this.importCsv(decoded.text, mode, lang), encoding: decoded.encoding };
  }
}
