import { build } from "./build.ts";
import { ChartCache } from "./chart/cache.ts";
const chartCache = new ChartCache("/work/main/.cache/charts");
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  const r = await build({ root: "/work/main", outDir: "/tmp/scratch/devout", pdf: false, chartCache });
  console.log(Math.round(performance.now() - t), JSON.stringify(Object.fromEntries(Object.entries(r.timings).map(([k,v])=>[k,Math.round(v)]))));
}
