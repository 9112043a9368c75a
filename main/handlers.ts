import type { z } from 'zod';
import type { ipcChannels, IpcChannel } from '../common/ipc-contract.js';

/** One handler per IPC channel, typed by the channel's schemas; `handle()` has parsed the request already. */
export type Handlers = { [C in IpcChannel]: (req: z.infer<(typeof ipcChannels)[C]['request']>) => Promise<z.infer<(typeof ipcChannels)[C]['response']>> };
