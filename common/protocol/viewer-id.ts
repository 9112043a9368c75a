import { z } from 'zod';

/** A device token the viewer keeps across reloads (random, chosen by the relay on first visit). */
export const ViewerId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'viewer id is malformed');
