import type { StudioDb } from '../store/studio-db.js';
import { CouponStore } from './coupon-store.js';
import { importProductsCsv, type CsvImportMode } from './csv-import.js';
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

  constructor(store: StudioDb) {
    this.products = new ProductStore(store.db);
    this.coupons = new CouponStore(store.db);
    this.quizzes = new QuizStore(store.db);
    this.polls = new PollStore(store.db);
    this.images = new ImageStore(store.db, store.dataDir);
  }

  importCsv(csv: string, mode: CsvImportMode) {
    return importProductsCsv(csv, mode, { products: this.products, hasImage: (ref) => this.images.has(ref) });
  }
}
