// `paperbot healthcheck`: asks the running bot's /healthz on this machine and exits 0 if it
// answers 200. It is the Docker HEALTHCHECK, so the slim image needs no curl.
import { DEFAULT_HEALTH_PORT, type Config } from '../config.js';

const TIMEOUT_MS = 3_000;

/** Where to reach the health server from the same machine: its own address unless it listens on all. */
export function healthUrl(config: Pick<Config, 'HEALTH_PORT' | 'HEALTH_HOST'>, path = '/healthz'): string {
  const host = config.HEALTH_HOST === undefined || config.HEALTH_HOST === '0.0.0.0' || config.HEALTH_HOST === '::' ? '127.0.0.1' : config.HEALTH_HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.HEALTH_PORT ?? DEFAULT_HEALTH_PORT}${path}`;
}

export async function runHealthcheck(config: Config, write: (line: string) => void): Promise<number> {
  const url = healthUrl(config);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    write(`${res.status === 200 ? 'ok' : 'unhealthy'}: ${url} answered ${res.status}`);
    return res.status === 200 ? 0 : 1;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    write(`unhealthy: ${url} did not answer (${cause})`);
    return 1;
  }
}
