// Prometheus metrics at /metrics: default process metrics, HTTP and GraphQL
// counts and latencies, and the database pool. One registry per server, so
// tests can run several servers in one process.
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@bazaar/db';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// Operation names come from clients; anything unusual is folded into one label
// value so a client cannot blow up the number of series.
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface Metrics {
  registry: Registry;
  graphqlPlugin: ApolloServerPlugin;
  instrument(app: FastifyInstance): void;
}

export function createMetrics(pool: Database['pool']): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [registry],
  });
  const operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation latency',
    labelNames: ['operation', 'type'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  poolGauge('db_pool_connections', 'Open database connections', () => pool.totalCount);
  poolGauge('db_pool_idle_connections', 'Idle database connections', () => pool.idleCount);
  poolGauge(
    'db_pool_waiting_requests',
    'Queries waiting for a connection',
    () => pool.waitingCount,
  );

  return {
    registry,
    instrument(app) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        httpRequests.inc({ method: request.method, route, status: reply.statusCode });
        httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      });
    },
    graphqlPlugin: {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ operationName, operation, errors }) {
            const name =
              operationName && OPERATION_NAME.test(operationName)
                ? operationName
                : operationName
                  ? 'other'
                  : 'anonymous';
            const type = operation?.operation ?? 'invalid';
            operations.inc({ operation: name, type, outcome: errors?.length ? 'error' : 'ok' });
            operationDuration.observe(
              { operation: name, type },
              Number(process.hrtime.bigint() - started) / 1e9,
            );
          },
        };
      },
    },
  };
}
