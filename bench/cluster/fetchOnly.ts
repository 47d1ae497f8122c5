// Child process: the floor — fetch every page of nodes and pods and JSON.parse it.
const base = process.env.BENCH_K8S_URL!;

async function readAll(path: string) {
  let token: string | undefined;
  let items = 0;
  do {
    const query = new URLSearchParams({ limit: '500' });
    if (token) query.set('continue', token);
    const response = await fetch(`${base}${path}?${query}`);
    const list = JSON.parse(await response.text());
    items += list.items.length;
    token = list.metadata.continue;
  } while (token);
  return items;
}

async function main() {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const [nodes, pods] = await Promise.all([
    readAll('/api/v1/nodes'),
    readAll('/api/v1/pods'),
  ]);
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.send?.({
    kind: 'result',
    ms,
    rssGrowth: peak - rssBefore,
    nodes,
    pods,
  });
}

main();
