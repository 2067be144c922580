// The health server on its own: what each path answers, readiness failing by name, Prometheus
// text, and a clear error when the port is taken. Loopback only.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createHealthServer, type HealthServer, type ReadinessChecks } from '../../src/ops/health-server.js';
import { createMetrics } from '../../src/ops/metrics.js';

const servers: HealthServer[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function listen(readiness: () => ReadinessChecks = () => ({ corpus: true })): Promise<{ port: number; metrics: ReturnType<typeof createMetrics> }> {
  const metrics = createMetrics();
  const server = createHealthServer({ port: 0, host: '127.0.0.1', readiness, metrics, logger: silentLogger });
  servers.push(server);
  return { port: await server.listen(), metrics };
}

async function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string | null; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('createHealthServer', () => {
  it('GIVEN everything ready THEN /healthz and /readyz answer 200 JSON', async () => {
    const { port } = await listen(() => ({ corpus: true, discord: true }));
    expect(await get(port, '/healthz')).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: '{"status":"ok"}' });
    expect(JSON.parse((await get(port, '/readyz')).body)).toEqual({ status: 'ready', checks: { corpus: true, discord: true } });
  });

  it('GIVEN an adapter not connected THEN /readyz answers 503 naming it, and /healthz still 200', async () => {
    let slack = false;
    const { port } = await listen(() => ({ corpus: true, slack }));
    const notReady = await get(port, '/readyz');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({ status: 'not ready', checks: { corpus: true, slack: false } });
    expect((await get(port, '/healthz')).status).toBe(200);
    slack = true;
    expect((await get(port, '/readyz')).status).toBe(200);
  });

  it('GIVEN a command counted THEN /metrics serves it in Prometheus text format', async () => {
    const { port, metrics } = await listen();
    metrics.commands.inc({ platform: 'discord', command: 'paper', outcome: 'ok' });
    const res = await get(port, '/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE paperbot_commands_total counter');
    expect(res.body).toContain('paperbot_commands_total{platform="discord",command="paper",outcome="ok"} 1');
    expect(res.body).toContain('# TYPE paperbot_command_duration_seconds histogram');
  });

  it('GIVEN HEAD, another path or another method THEN no body, 404 listing the paths, 405', async () => {
    const { port } = await listen();
    expect(await get(port, '/healthz', 'HEAD')).toMatchObject({ status: 200, body: '' });
    const missing = await get(port, '/health');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] });
    expect((await get(port, '/healthz', 'POST')).status).toBe(405);
  });

  it('GIVEN the port is taken THEN listen fails naming the port and HEALTH_PORT', async () => {
    const { port } = await listen();
    const second = createHealthServer({ port, host: '127.0.0.1', readiness: () => ({}), metrics: createMetrics(), logger: silentLogger });
    await expect(second.listen()).rejects.toThrow(`health: cannot listen on 127.0.0.1 port ${port} (EADDRINUSE); set HEALTH_PORT to a free port`);
  });
});
