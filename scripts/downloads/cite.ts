import type { ReportConfig } from "../load/config.ts";
import type { Edition } from "../load/editions.ts";
import type { CitedReport, Labels } from "../locale/index.ts";

/** What a citation names, from report.json and the edition (a union's edition is named, the publisher's own is not). */
export function citedReport(config: ReportConfig, edition: Edition, labels: Labels): CitedReport {
  const named = edition.config.name !== "" && edition.config.name !== config.publisher;
  return {
    title: config.title,
    subtitle: config.subtitle,
    authors: config.authors,
    publisher: config.publisher,
    published: config.published ?? config.date?.slice(0, 4),
    series: [config.series, config.seriesNumber].filter(Boolean).join(" ") || undefined,
    edition: named ? `${edition.config.coverLabel ?? labels.editionFor} ${edition.config.name}` : undefined,
  };
}

/**
 * The report cited as APA cites a report, which reads the same in bokmål and
 * English: "Authors (published). Title: Subtitle (Series). Publisher. Edition."
 * Without authors the publisher stands first and is not repeated.
 */
export function citation(r: CitedReport): string {
  const end = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const by = r.authors.length > 0 ? r.authors.join(", ") : r.publisher;
  const title = r.subtitle ? `${r.title}: ${r.subtitle}` : r.title;
  const dated = (text: string) => (r.published ? `${text} (${r.published})` : text);
  return [
    by ? end(dated(by)) : undefined,
    end(`${by ? title : dated(title)}${r.series ? ` (${r.series})` : ""}`),
    r.authors.length > 0 && r.publisher ? end(r.publisher) : undefined,
    r.edition ? end(r.edition) : undefined,
  ]
    .filter(Boolean)
    .join(" ");
}
