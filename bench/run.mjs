// `pnpm bench`: load scenarios against a production build, printing req/s and
// latency percentiles per scenario. None exist yet: they come with the
// catalog, checkout and benchmark work (see docs/performance.md once written).
console.log('No benchmark scenarios yet.');
