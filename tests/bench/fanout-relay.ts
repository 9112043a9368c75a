/**
 * The relay side shared by bench:cue-fanout and bench:chat-fanout: a fresh relay on loopback in
 * its default mode (viewer workers), with the descriptor limit raised for thousands of sockets,
 * the studio's HTTP calls, and which processes are the relay (for its CPU).
 */
import { freePort, startRelay, type RunningRelay } from '../helpers/processes.js';
import { childrenOf, isNode } from './fanout-load.js';

/** Sockets beyond the default 1,024 descriptors: the relay gets the hard limit. */
export async function startFanoutRelay(env: Record<string, string> = {}): Promise<RunningRelay> {
  return startRelay({ env: { RELAY_JANUS_API_PORT: String(await freePort()), RELAY_LOG_LEVEL: 'debug', ...env }, wrap: ['bash', '-c', 'ulimit -n $(ulimit -Hn) 2>/dev/null; exec "$0" "$@"'] });
}

/**
 * The relay's own node process (tsx runs it as a child of its launcher) and its viewer workers
 * (its node children; Janus, its other child, is not counted).
 */
export function relayPids(launcherPid: number): number[] {
  const main = childrenOf(launcherPid).find(isNode) ?? launcherPid;
  return [main, ...childrenOf(main).filter(isNode)];
}

/** One studio call (studio key); throws on anything but 2xx. */
export async function api<T>(relay: RunningRelay, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(relay.url + p, { method, headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
