/**
 * Stages 1–3 (load, validate, compute), which `build` and `check` share, and
 * `npm run check` itself. Apart from build.ts, so that a check loads none of
 * what only a build needs (charts, downloads, printing, writing).
 */
import { relative } from "node:path";
import type { BuildOptions } from "./build.ts";
import type { RenderedChart } from "./chart/render-chart.ts";
import { computeModel, type ReportModel } from "./compute/model.ts";
import { InputProblems } from "./errors.ts";
import { defaultKinds } from "./kinds/registry.ts";
import { type Edition, listEditions, loadEdition, reportEdition } from "./load/editions.ts";
import { loadProject, type ProjectSources, projectPaths } from "./load/project.ts";
import { message, stage as said } from "./messages/index.ts";
import { renderDocument } from "./render/document.ts";
import { shardOf } from "./shard.ts";
import { orFail, stage, stageName } from "./stage.ts";
import { validateProject } from "./validate/index.ts";
import type { DataTable } from "./validate/table.ts";

/** Stages 1–3, shared by `build` and `check`. */
export async function loadAndCompute(
  options: Pick<BuildOptions, "root" | "dataDir" | "log" | "editions" | "shard" | "tablesFrom" | "kinds">,
  timings: Record<string, number> = {},
): Promise<{ sources: ProjectSources; data: Map<string, DataTable>; model: ReportModel; editions: Edition[] }> {
  const log = options.log ?? (() => {});
  const paths = projectPaths(options.root, options.dataDir ? { data: options.dataDir } : {});
  const kinds = options.kinds ?? defaultKinds;

  // 1 load
  const { sources, editions } = await stage(
    "load",
    timings,
    log,
    async () => {
      const project = orFail(await loadProject(paths, kinds));
      if (!project.sources) throw new Error("unreachable: load returned no sources without problems");
      const { config } = project.sources;
      let ids =
        options.editions === "all"
          ? await listEditions(paths.report)
          : (options.editions ?? (config.defaultEdition ? [config.defaultEdition] : []));
      if (options.shard && options.editions === "all") ids = shardOf(ids, options.shard);
      // A report without editions is its own: its publisher on the cover (not an empty shard's).
      if (ids.length === 0 && !options.shard)
        return { sources: project.sources, editions: [reportEdition(config.publisher)] };
      const loaded = await Promise.all(ids.map((id) => loadEdition(paths.report, id)));
      const problems = loaded.flatMap((l) => l.problems);
      if (problems.length > 0) throw new InputProblems(problems);
      return { sources: project.sources, editions: loaded.flatMap((l) => (l.edition ? [l.edition] : [])) };
    },
    (r) =>
      said.loaded({
        data: r.sources.data.length,
        chapters: r.sources.chapters.length,
        charts: r.sources.charts.length,
        editions: r.editions.length,
      }),
  );

  // 2 validate
  const { data } = await stage(
    "validate",
    timings,
    log,
    () => orFail(validateProject(sources, kinds)),
    (r) => said.validated([...r.data.values()].reduce((n, t) => n + t.rows.length, 0)),
  );

  // 2b respondents: count the tables from respondent-level answers instead, when asked to.
  const fromRespondents =
    (options.tablesFrom ?? sources.config.tablesFrom) === "respondents"
      ? await stage(
          "answers",
          timings,
          log,
          async () => {
            // Loaded only here: counting answers (and its statistics library) is for --svar builds.
            const { tablesFromRespondents } = await import("./respondents/index.ts");
            const { result, problems } = await tablesFromRespondents(
              { dataDir: paths.data, show: (path) => relative(options.root, path) },
              sources.config,
              sources.tables,
              data,
              kinds,
              sources.tableFiles,
            );
            if (!result) throw new InputProblems(problems);
            return result;
          },
          (r) => said.answers({ tables: r.tables.size, respondents: r.respondents, synthetic: r.synthetic }),
        )
      : undefined;
  for (const note of fromRespondents?.notes ?? []) log(message.note(note));

  // 3 compute
  const { model } = await stage(
    "compute",
    timings,
    log,
    () => {
      const computed = orFail(
        computeModel(
          sources.config,
          fromRespondents?.definitions ?? sources.tables,
          fromRespondents?.data ?? data,
          sources.tableFiles,
          kinds,
        ),
      );
      if (fromRespondents) {
        const { tables, synthetic, notes, respondents: count } = fromRespondents;
        computed.model.respondents = { tables, synthetic, notes, count };
      }
      return computed;
    },
    (r) => said.computed({ tables: r.model.tables.size, facts: r.model.facts.size }),
  );
  return { sources, data, model, editions };
}

/**
 * `npm run check`: stages 1–3, then every chapter and foreword resolved
 * against the model (each table, figure, category and fact they cite must
 * exist), without drawing charts or starting a browser.
 */
export async function check(
  options: Pick<BuildOptions, "root" | "dataDir" | "log" | "tablesFrom" | "kinds">,
): Promise<void> {
  const log = options.log ?? (() => {});
  const { sources, model, editions } = await loadAndCompute({ ...options, editions: "all" });
  const started = performance.now();
  // Charts are not drawn: their metadata was checked at load and validation, and the prose needs only their ids.
  const charts = new Map<string, RenderedChart>(
    sources.charts.map((chart) => [
      chart.id,
      { id: chart.id, file: chart.file, meta: chart.meta, svg: "<svg></svg>", narrow: false },
    ]),
  );
  const problems = [];
  for (const edition of editions) {
    problems.push(...renderDocument(sources, model, charts, { fonts: "", edition, problemsOnly: true }).problems);
  }
  if (problems.length > 0) throw new InputProblems(problems);
  log(`${stageName("refs")}${said.refs} (${Math.round(performance.now() - started)} ms)`);
}
