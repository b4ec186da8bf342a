// node --test scripts/audit.test.mjs: how scripts/audit.mjs judges a report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from './audit.mjs';

const advisory = (id, module_name, severity) => ({
  id,
  module_name,
  severity,
  github_advisory_id: `GHSA-${id}`,
  title: `${module_name} is vulnerable`,
  url: `https://github.com/advisories/GHSA-${id}`,
});
const report = {
  advisories: {
    1: advisory(1, 'left-pad', 'critical'),
    2: advisory(2, 'is-even', 'high'),
    3: advisory(3, 'is-odd', 'moderate'),
  },
};
const entry = (id, pkg, reviewBy = '2099-01-01') => ({
  id,
  package: pkg,
  reason: 'not reachable from Bazaar',
  reviewBy,
});

test('high and critical advisories block; moderate ones do not', () => {
  const result = evaluate(report, [], '2026-01-01');
  assert.deepEqual(
    result.blocking.map((a) => a.id),
    [1, 2],
  );
});

test('an allowlist entry (GHSA id or advisory number, same package) allows its advisory until its review date', () => {
  const allowlist = [entry('GHSA-1', 'left-pad'), entry(2, 'is-even', '2026-06-30')];
  assert.deepEqual(evaluate(report, allowlist, '2026-01-01').blocking, []);
  const later = evaluate(report, allowlist, '2026-07-01');
  assert.deepEqual(
    later.blocking.map((a) => a.id),
    [2],
  );
  assert.deepEqual(
    later.expired.map((e) => e.id),
    [2],
  );
});

test('an entry for another package allows nothing, and unused entries are reported stale', () => {
  const result = evaluate(
    report,
    [entry('GHSA-1', 'right-pad'), entry('GHSA-9', 'x')],
    '2026-01-01',
  );
  assert.deepEqual(
    result.blocking.map((a) => a.id),
    [1, 2],
  );
  assert.equal(result.stale.length, 2);
});
