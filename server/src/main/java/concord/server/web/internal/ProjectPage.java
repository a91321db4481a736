package concord.server.web.internal;

import static concord.server.web.internal.Html.escape;
import static concord.server.web.internal.Html.url;

import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.report.HtmlTables;
import concord.analysis.report.SvgCharts;
import concord.server.run.Run;
import concord.server.run.RunStatus;
import concord.server.run.RunWorker;
import concord.server.web.Table1Query;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The body of one project's dashboard. Every text from REDCap passes through {@link Html#escape}. */
public final class ProjectPage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * What the page shows.
     *
     * @param projectId   Concord project id (used in URLs)
     * @param title       project display title
     * @param username    the REDCap user
     * @param csrfToken   the session's CSRF token for the run form
     * @param latest      the run whose results are shown
     * @param result      its result, empty when it has none yet
     * @param resultError why the result cannot be shown, when it cannot
     * @param history     recent runs, newest first
     * @param formats     download formats the latest run stored
     * @param query       Table 1 filter and order
     * @param scope       the scope this session analyses: {@link Run#PROJECT_WIDE} or its data access group's
     *                    unique name (the run button queues a run of it)
     * @param pinned      true when the page shows one run chosen by id ({@code /runs/{id}}) rather than the
     *                    latest published run of the scope
     */
    public record Model(String projectId, String title, String username, String csrfToken, Optional<Run> latest,
                        Optional<StudyResult> result, Optional<String> resultError, List<Run> history,
                        List<String> formats, Table1Query query, String scope, boolean pinned) {

        /** True while a run of this session's scope is queued or running: the page refreshes itself. */
        public boolean busy() {
            return active().isPresent();
        }

        Optional<Run> active() {
            return history.stream().filter(r -> r.scope().equals(scope) && !r.status().finished()).findFirst();
        }

        /** This page's path: the project's dashboard, or the chosen run's page. */
        String base() {
            return "/dashboard/" + url(projectId) + (pinned && latest.isPresent() ? "/runs/" + latest.get().id() : "");
        }
    }

    /**
     * Which records a run analysed, for people: "Records of data access group site_a: 12 records" or
     * "All records of the project: 40 records".
     */
    public static String coverage(String scope, Optional<Run> run) {
        String count = run.map(Run::recordCount).map(n -> n + (n == 1 ? " record" : " records")).orElse("not analysed yet");
        return (scope.isEmpty() ? "All records of the project: " : "Records of data access group " + scope + ": ") + count;
    }

    private ProjectPage() {
    }

    public static String render(Model m) {
        StringBuilder html = new StringBuilder(128 * 1024);
        String base = m.base();
        String project = "/dashboard/" + url(m.projectId());
        String shownScope = m.latest().map(Run::scope).orElse(m.scope());
        html.append("<p class=\"coverage\" id=\"coverage\">").append(escape(coverage(shownScope, m.latest()))).append("</p>\n");
        html.append("<nav class=\"sections\" aria-label=\"Sections\">");
        boolean delphi = m.result().flatMap(StudyResult::delphi).isPresent();
        for (String[] link : new String[][] {{"status", "Status"}, {"responses", "Responses"}, {"rounds", "Rounds"},
                {"figure2", "Differences"}, {"consensus", "Consensus"}, {"domains", "Domains"}, {"table1", "Table 1"},
                {"characteristics", "Participants"}, {"history", "Run history"}, {"methods", "Methods"}}) {
            if (link[0].equals("rounds") && !delphi) {
                continue;
            }
            html.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
        }
        html.append("</nav>\n");
        if (m.pinned()) {
            html.append("<p class=\"hint\">This page shows run #").append(m.latest().map(Run::id).orElse(0L))
                    .append(", chosen from the run history. <a href=\"").append(project)
                    .append("\">Back to the latest results</a></p>\n");
        }
        status(html, m, base, project);
        if (m.result().isPresent()) {
            StudyResult result = m.result().get();
            responses(html, result);
            if (result.delphi().isPresent()) {
                // the figures below are those of the latest round with answers; this section spans the rounds
                section(html, "rounds", HtmlTables.ROUNDS_HEADING, "<p class=\"hint\">The sections below show "
                        + escape(result.delphi().get().lastStarted().map(r -> r.round().label()).orElse("the first round"))
                        + ", the latest round with answers.</p>\n<div class=\"scroll rounds\">" + HtmlTables.rounds(result) + "</div>\n");
            }
            section(html, "figure2", "Outcomes that differ between groups", result.differingOutcomes().isEmpty()
                    ? "<p class=\"empty\">No outcome differs between the groups.</p>\n"
                    : figure(SvgCharts.figure2(result, "d"), "Band percentages per group (bars) and mean scores (dots) of "
                    + "the outcomes whose groups differ (Figure 2 style)."));
            if (result.jointDisplay().isPresent()) {
                // quotes are participant text: HtmlTables escapes every one
                section(html, "joint", "Joint display: ratings and focus-group quotes", HtmlTables.jointDisplay(result)
                        + (m.formats().contains("topic-guide-html") ? "<p class=\"hint\"><a href=\"" + base
                        + "/downloads/topic-guide-html\">Focus-group topic guide</a> (questions on the outcomes that differ)</p>\n" : ""));
            }
            section(html, "consensus", "Consensus matrix", "<div class=\"pair\">"
                    + figure(SvgCharts.consensusMatrix(result, "d"), "Outcomes by the groups that rate them critically important.")
                    + "<div>" + HtmlTables.consensusMatrix(result) + "</div></div>");
            section(html, "domains", "Domain summary", "<div class=\"pair\">"
                    + figure(SvgCharts.domainSummary(result, "d"), "Outcomes, critical outcomes per group and differing outcomes per domain.")
                    + "<div>" + HtmlTables.domainSummary(result) + "</div></div>");
            table1(html, m, result, base);
            section(html, "characteristics", "Participant characteristics", result.participantCharacteristics().isEmpty()
                    ? "<p class=\"empty\">No participant characteristics are configured for this project.</p>\n"
                    : HtmlTables.characteristics(result));
        } else {
            section(html, "responses", "Results", "<p class=\"empty\">" + escape(m.resultError()
                    .orElse(m.scope().isEmpty() ? "No analysis has been published for this project yet. Use \u201cRun analysis now\u201d."
                            : "No analysis of your data access group has been published yet. A first run is queued when "
                            + "you open Concord from REDCap; this page refreshes while it runs.")) + "</p>\n");
        }
        history(html, m, project);
        m.result().ifPresent(r -> section(html, "methods", "Methods", HtmlTables.methods(r)));
        return html.toString();
    }

    private static void status(StringBuilder html, Model m, String base, String project) {
        html.append("<section id=\"status\" class=\"cards\">\n<div class=\"card\"><h2>")
                .append(m.pinned() ? "Results of this run" : "Latest results").append("</h2>");
        if (m.latest().isPresent()) {
            Run run = m.latest().get();
            html.append("<dl class=\"facts\"><dt>Run</dt><dd>#").append(run.id()).append("</dd><dt>Finished</dt><dd>")
                    .append(when(run.finishedAt())).append("</dd><dt>Records</dt><dd>").append(run.recordCount() == null ? "\u2013" : run.recordCount())
                    .append("</dd><dt>Data hash</dt><dd><code>").append(escape(shortHash(run.fingerprint()))).append("</code></dd>")
                    .append("<dt>Versions</dt><dd>Concord ").append(escape(orDash(run.concordVersion()))).append(", REDCap ")
                    .append(escape(orDash(run.redcapVersion()))).append("</dd></dl>");
        } else {
            html.append("<p class=\"empty\">No results yet.</p>");
        }
        html.append("</div>\n<div class=\"card\"><h2>Run analysis</h2>");
        Optional<Run> active = m.active();
        if (active.isPresent()) {
            Run run = active.get();
            html.append("<p class=\"progress\" role=\"status\"><span class=\"pill ").append(run.status().name().toLowerCase())
                    .append("\">").append(run.status()).append("</span> Run #").append(run.id()).append(": ")
                    .append(escape(progress(run))).append("</p><p class=\"hint\">This page refreshes every few seconds.</p>");
        }
        html.append("<form method=\"post\" action=\"").append(project).append("/runs\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(m.csrfToken())).append("\">")
                .append("<button type=\"submit\" class=\"primary\">Run analysis now</button></form>")
                .append("<p class=\"hint\">").append(m.scope().isEmpty()
                        ? "Reads every record from REDCap with Concord's own API token, analyses and publishes."
                        : "Reads the records of your data access group " + escape(m.scope()) + " from REDCap with Concord's "
                        + "own API token, analyses them and publishes into your group's folder.").append("</p>");
        html.append("</div>\n<div class=\"card\"><h2>Downloads</h2><ul class=\"downloads\">");
        for (String format : concord.server.web.RunReports.FORMATS) {
            if (concord.server.web.RunReports.OPTIONAL_FORMATS.contains(format) && !m.formats().contains(format)) {
                continue;
            }
            if (m.formats().contains(format)) {
                html.append("<li><a href=\"").append(base).append("/downloads/").append(format).append("\">")
                        .append(label(format)).append("</a></li>");
            } else {
                html.append("<li><span class=\"unavailable\" title=\"The latest run did not produce this format\">")
                        .append(label(format)).append("</span></li>");
            }
        }
        html.append("</ul></div>\n</section>\n");
    }

    private static String label(String format) {
        return switch (format) {
            case "exclusions" -> "Excluded values (CSV)";
            case "docx" -> "Word (DOCX)";
            case "topic-guide-html" -> "Topic guide (HTML)";
            case "topic-guide-docx" -> "Topic guide (Word)";
            case "rounds" -> "Delphi rounds (CSV)";
            default -> format.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static void responses(StringBuilder html, StudyResult result) {
        StringBuilder t = new StringBuilder("<table class=\"concord-table responses\"><caption>Responses per group</caption>"
                + "<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Participants</th><th scope=\"col\">Ratings given</th>"
                + "<th scope=\"col\">Ratings missing</th><th scope=\"col\">Complete</th></tr></thead><tbody>");
        long totalN = 0;
        for (GroupSummary group : result.groups()) {
            long given = 0;
            long missing = 0;
            for (OutcomeResult outcome : result.outcomes()) {
                GroupStatistics stats = outcome.groups().get(group.label());
                if (stats != null) {
                    given += stats.n();
                    missing += stats.missing();
                }
            }
            totalN += group.n();
            long asked = given + missing;
            t.append("<tr><th scope=\"row\">").append(escape(group.label())).append("</th><td class=\"num\">").append(group.n())
                    .append("</td><td class=\"num\">").append(given).append("</td><td class=\"num\">").append(missing)
                    .append("</td><td class=\"num\">").append(asked == 0 ? "\u2013" : String.format("%.1f%%", 100.0 * given / asked))
                    .append("</td></tr>");
        }
        t.append("</tbody><tfoot><tr><th scope=\"row\">All groups</th><td class=\"num\">").append(totalN)
                .append("</td><td colspan=\"3\"></td></tr></tfoot></table>\n");
        String headline = "<p class=\"lead\">" + result.outcomes().size() + " outcomes rated by " + totalN + " participants in "
                + result.groups().size() + " groups; " + result.differingOutcomes().size() + " outcome"
                + (result.differingOutcomes().size() == 1 ? "" : "s") + " differ between groups.</p>\n";
        section(html, "responses", "Responses", headline + t);
    }

    private static void table1(StringBuilder html, Model m, StudyResult result, String base) {
        Table1Query q = m.query();
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"filters\"><span class=\"label\">Sort</span>");
        for (String sort : Table1Query.SORTS) {
            chip(body, base, q.withSort(sort), sort.equals(q.sort()), switch (sort) {
                case "outcome" -> "Outcome A\u2013Z";
                case "domain" -> "Domain";
                case "p" -> "Rank-test p";
                case "differs" -> "Differing first";
                default -> "Study order";
            });
        }
        body.append("</div>\n<div class=\"filters\"><span class=\"label\">Groups differ</span>");
        chip(body, base, q.withDiffers(""), q.differs().isEmpty(), "All");
        chip(body, base, q.withDiffers("yes"), q.differs().equals("yes"), "Differ");
        chip(body, base, q.withDiffers("no"), q.differs().equals("no"), "Do not differ");
        body.append("</div>\n<div class=\"filters\"><span class=\"label\">Domain</span>");
        chip(body, base, q.withDomain(""), q.domain().isEmpty(), "All domains");
        for (String domain : Table1Query.domains(result)) {
            chip(body, base, q.withDomain(domain), domain.equals(q.domain()), domain.isBlank() ? "(no domain)" : domain);
        }
        body.append("</div>\n");
        StudyResult shown = q.apply(result);
        body.append("<p class=\"hint\">Showing ").append(shown.outcomes().size()).append(" of ").append(result.outcomes().size())
                .append(" outcomes. Outcomes marked with a red bar differ between groups.</p>\n");
        body.append(shown.outcomes().isEmpty() ? "<p class=\"empty\">No outcome matches this filter.</p>\n"
                : "<div class=\"scroll\">" + HtmlTables.table1(shown) + "</div>\n");
        section(html, "table1", "Table 1", body.toString());
    }

    private static void chip(StringBuilder html, String base, Table1Query target, boolean active, String label) {
        String query = target.parameters().entrySet().stream().map(e -> e.getKey() + "=" + url(e.getValue()))
                .collect(Collectors.joining("&"));
        html.append("<a class=\"chip").append(active ? " active\" aria-current=\"true" : "").append("\" href=\"")
                .append(escape(base + (query.isEmpty() ? "" : "?" + query) + "#table1")).append("\">")
                .append(escape(label)).append("</a>");
    }

    private static void history(StringBuilder html, Model m, String base) {
        StringBuilder t = new StringBuilder("<table class=\"concord-table history\"><thead><tr><th scope=\"col\">Run</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">Records of</th><th scope=\"col\">Trigger</th>"
                + "<th scope=\"col\">Queued</th><th scope=\"col\">Finished</th>"
                + "<th scope=\"col\">Records</th><th scope=\"col\">Details</th></tr></thead><tbody>");
        for (Run run : m.history()) {
            t.append("<tr><td class=\"num\"><a href=\"").append(base).append("/runs/").append(run.id()).append("\">#")
                    .append(run.id()).append("</a></td><td><span class=\"pill ")
                    .append(run.status().name().toLowerCase()).append("\">").append(run.status()).append("</span></td><td>")
                    .append(run.projectWide() ? "all records" : "group " + escape(run.scope())).append("</td><td>")
                    .append(run.trigger().name().toLowerCase()).append(run.triggerCount() > 1 ? " \u00d7" + run.triggerCount() : "")
                    .append("</td><td>").append(when(run.firstTriggerAt())).append("</td><td>").append(when(run.finishedAt()))
                    .append("</td><td class=\"num\">").append(run.recordCount() != null ? run.recordCount() : run.recordsRead())
                    .append("</td><td class=\"detail\">").append(escape(detail(run))).append("</td></tr>");
        }
        if (m.history().isEmpty()) {
            t.append("<tr><td colspan=\"8\" class=\"empty\">No runs yet.</td></tr>");
        }
        t.append("</tbody></table>\n");
        section(html, "history", "Run history", t.toString());
    }

    private static String detail(Run run) {
        if (run.status() == RunStatus.FAILED) {
            // a group's run reads every record of the project: its failure may name other groups' records
            return run.projectWide() ? orDash(run.errorMessage()) : orDash(RunWorker.withoutParticipantData(run.errorMessage()));
        }
        if (!run.status().finished()) {
            return progress(run);
        }
        String outcome = run.outcome() == null ? "" : switch (run.outcome()) {
            case PUBLISHED -> "published";
            case UNCHANGED -> "data unchanged since the last published run";
        };
        String took = run.startedAt() != null && run.finishedAt() != null
                ? " in " + Math.max(0, run.startedAt().until(run.finishedAt(), ChronoUnit.MILLIS)) / 1000.0 + " s" : "";
        return outcome + took;
    }

    private static String progress(Run run) {
        if (run.status() == RunStatus.QUEUED) {
            return "waiting to start (due " + when(run.notBefore()) + ")";
        }
        String stage = run.stage() == null ? "starting" : run.stage().name().toLowerCase().replace('_', ' ');
        return stage + (run.recordsRead() > 0 ? ", " + run.recordsRead() + " rows read" : "");
    }

    private static void section(StringBuilder html, String id, String heading, String body) {
        html.append("<section id=\"").append(id).append("\" aria-labelledby=\"h-").append(id).append("\">\n<h2 id=\"h-")
                .append(id).append("\">").append(escape(heading)).append("</h2>\n").append(body).append("</section>\n");
    }

    private static String figure(String svg, String caption) {
        return "<figure>" + svg + "<figcaption>" + escape(caption) + "</figcaption></figure>";
    }

    private static String when(Instant instant) {
        return instant == null ? "\u2013" : WHEN.format(instant);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "\u2013" : text;
    }

    private static String shortHash(String hash) {
        return hash == null ? "\u2013" : hash.length() > 12 ? hash.substring(0, 12) + "\u2026" : hash;
    }
}
