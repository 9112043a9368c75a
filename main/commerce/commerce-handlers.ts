import { StudioError } from '../../common/ipc-contract.js';
import type { Handlers } from '../handlers.js';

type CommerceChannel = 'payment.get' | 'payment.save' | 'segments.enter' | 'orders.list' | 'orders.markPaid' | 'orders.cancel' | 'orders.refund' | 'orders.eraseBuyer' | 'orders.exportCsv' | 'dashboard.get' | 'report.get' | 'report.exportCsv';

/** Commerce channels of the studio core (issue 4). Placeholder until the studio side lands. */
export function commerceHandlers(): Pick<Handlers, CommerceChannel> {
  const notYet = (): never => {
    throw new StudioError('not_implemented', 'not available yet');
  };
  return {
    'payment.get': notYet,
    'payment.save': notYet,
    'segments.enter': notYet,
    'orders.list': notYet,
    'orders.markPaid': notYet,
    'orders.cancel': notYet,
    'orders.refund': notYet,
    'orders.eraseBuyer': notYet,
    'orders.exportCsv': notYet,
    'dashboard.get': notYet,
    'report.get': notYet,
    'report.exportCsv': notYet,
  };
}
