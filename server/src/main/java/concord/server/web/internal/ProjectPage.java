package concord.server.web.internal;

import static concord.server.web.internal.Html.escape;
import static concord.server.web.internal.Html.url;

import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.report.HtmlTables;
import concord.analysis.report.ReportMessages;
import concord.analysis.report.SvgCharts;
import concord.analysis.report.TopicGuide;
import concord.analysis.report.TopicGuideRenderer;
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

/**
 * The body of one project's dashboard, in the project's report language (its words from the reports' translation
 * files, {@code dashboard.*} keys). Every text from REDCap passes through {@link Html#escape}.
 */
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
     * @param language    the project's report language ({@code en}, {@code zh})
     */
    public record Model(String projectId, String title, String username, String csrfToken, Optional<Run> latest,
                        Optional<StudyResult> result, Optional<String> resultError, List<Run> history,
                        List<String> formats, Table1Query query, String scope, boolean pinned, String language,
                        Optional<TopicGuide> topicGuide) {

        /** A page without the topic guide section. */
        public Model(String projectId, String title, String username, String csrfToken, Optional<Run> latest,
                     Optional<StudyResult> result, Optional<String> resultError, List<Run> history,
                     List<String> formats, Table1Query query, String scope, boolean pinned, String language) {
            this(projectId, title, username, csrfToken, latest, result, resultError, history, formats, query, scope, pinned,
                    language, Optional.empty());
        }

        /** An English page. */
        public Model(String projectId, String title, String username, String csrfToken, Optional<Run> latest,
                     Optional<StudyResult> result, Optional<String> resultError, List<Run> history,
                     List<String> formats, Table1Query query, String scope, boolean pinned) {
            this(projectId, title, username, csrfToken, latest, result, resultError, history, formats, query, scope, pinned, "en");
        }

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
        return coverage(scope, run, ReportMessages.forLanguage("en"));
    }

    static String coverage(String scope, Optional<Run> run, ReportMessages w) {
        String count = run.map(Run::recordCount).map(n -> w.format(n == 1 ? "dashboard.recordOne" : "dashboard.recordMany", "n", n))
                .orElse(w.text("dashboard.notAnalysed"));
        return scope.isEmpty() ? w.format("dashboard.coverageAll", "count", count)
                : w.format("dashboard.coverageGroup", "group", scope, "count", count);
    }

    private ProjectPage() {
    }

    public static String render(Model m) {
        ReportMessages w = ReportMessages.forLanguage(m.language());
        String lang = w.language();
        StringBuilder html = new StringBuilder(128 * 1024);
        String base = m.base();
        String project = "/dashboard/" + url(m.projectId());
        String shownScope = m.latest().map(Run::scope).orElse(m.scope());
        html.append("<p class=\"coverage\" id=\"coverage\">").append(escape(coverage(shownScope, m.latest(), w))).append("</p>\n");
        html.append("<nav class=\"sections\" aria-label=\"").append(escape(w.text("dashboard.sections"))).append("\">");
        boolean delphi = m.result().flatMap(StudyResult::delphi).isPresent();
        for (String[] link : new String[][] {{"status", "navStatus"}, {"responses", "navResponses"}, {"rounds", "navRounds"},
                {"figure2", "navDifferences"}, {"consensus", "navConsensus"}, {"domains", "navDomains"}, {"table1", "navTable1"},
                {"topic-guide", "navTopicGuide"}, {"characteristics", "navParticipants"}, {"history", "navHistory"},
                {"methods", "navMethods"}}) {
            if (link[0].equals("rounds") && !delphi || link[0].equals("topic-guide") && m.topicGuide().isEmpty()) {
                continue;
            }
            html.append("<a href=\"#").append(link[0]).append("\">").append(escape(w.text("dashboard." + link[1]))).append("</a>");
        }
        html.append("</nav>\n");
        if (m.pinned()) {
            html.append("<p class=\"hint\">").append(escape(w.format("dashboard.pinned", "id", m.latest().map(Run::id).orElse(0L))))
                    .append(" <a href=\"").append(project).append("\">").append(escape(w.text("dashboard.backToLatest")))
                    .append("</a></p>\n");
        }
        status(html, m, base, project, w);
        if (m.result().isPresent()) {
            StudyResult result = m.result().get();
            responses(html, result, w);
            if (result.delphi().isPresent()) {
                // the figures below are those of the latest round with answers; this section spans the rounds
                section(html, "rounds", HtmlTables.roundsHeading(lang), "<p class=\"hint\">" + escape(w.format("dashboard.roundsHint",
                        "round", result.delphi().get().lastStarted().map(r -> r.round().label()).orElse(w.text("dashboard.firstRound"))))
                        + "</p>\n<div class=\"scroll rounds\">" + HtmlTables.rounds(result, lang) + "</div>\n");
            }
            section(html, "figure2", w.text("dashboard.headingDiffering"), result.differingOutcomes().isEmpty()
                    ? "<p class=\"empty\">" + escape(w.text("figure2.none")) + "</p>\n"
                    : figure(SvgCharts.figure2(result, "d", lang), w.text("dashboard.figure2Caption")));
            if (result.jointDisplay().isPresent()) {
                // quotes are participant text: HtmlTables escapes every one
                section(html, "joint", w.text("dashboard.headingJoint"), HtmlTables.jointDisplay(result, lang)
                        + (m.formats().contains("topic-guide-html") ? "<p class=\"hint\"><a href=\"" + base
                        + "/downloads/topic-guide-html\">" + escape(w.text("dashboard.topicGuide")) + "</a> "
                        + escape(w.text("dashboard.topicGuideHint")) + "</p>\n" : ""));
            }
            if (m.topicGuide().isPresent()) {
                // the guide the run published (the project's template), its questions built from this result
                section(html, "topic-guide", w.text("dashboard.topicGuide"), "<p class=\"hint\">"
                        + escape(w.text("dashboard.topicGuideHint")) + downloadLinks(m, base, w) + "</p>\n"
                        + "<div class=\"scroll topic-guide\">" + TopicGuideRenderer.htmlFragment(m.topicGuide().get()) + "</div>\n");
            }
            section(html, "consensus", w.text("heading.consensus"), "<div class=\"pair\">"
                    + figure(SvgCharts.consensusMatrix(result, "d", lang), w.text("consensus.figureCaption"))
                    + "<div>" + HtmlTables.consensusMatrix(result, lang) + "</div></div>");
            section(html, "domains", w.text("heading.domains"), "<div class=\"pair\">"
                    + figure(SvgCharts.domainSummary(result, "d", lang), w.text("domains.figureCaption"))
                    + "<div>" + HtmlTables.domainSummary(result, lang) + "</div></div>");
            table1(html, m, result, base, w);
            section(html, "characteristics", w.text("heading.characteristics"), result.participantCharacteristics().isEmpty()
                    ? "<p class=\"empty\">" + escape(w.text("dashboard.noCharacteristics")) + "</p>\n"
                    : HtmlTables.characteristics(result, lang));
        } else {
            section(html, "responses", w.text("dashboard.headingResults"), "<p class=\"empty\">" + escape(m.resultError()
                    .orElse(w.text(m.scope().isEmpty() ? "dashboard.noResults" : "dashboard.noResultsGroup"))) + "</p>\n");
        }
        history(html, m, project, w);
        m.result().ifPresent(r -> section(html, "methods", w.text("heading.methods"), HtmlTables.methods(r, lang)));
        return html.toString();
    }

    private static void status(StringBuilder html, Model m, String base, String project, ReportMessages w) {
        html.append("<section id=\"status\" class=\"cards\">\n<div class=\"card\"><h2>")
                .append(escape(w.text(m.pinned() ? "dashboard.resultsOfRun" : "dashboard.latestResults"))).append("</h2>");
        if (m.latest().isPresent()) {
            Run run = m.latest().get();
            html.append("<dl class=\"facts\"><dt>").append(escape(w.text("dashboard.factRun"))).append("</dt><dd>#").append(run.id())
                    .append("</dd><dt>").append(escape(w.text("dashboard.factFinished"))).append("</dt><dd>")
                    .append(when(run.finishedAt())).append("</dd><dt>").append(escape(w.text("dashboard.factRecords"))).append("</dt><dd>")
                    .append(run.recordCount() == null ? "\u2013" : run.recordCount())
                    .append("</dd><dt>").append(escape(w.text("dashboard.factHash"))).append("</dt><dd><code>")
                    .append(escape(shortHash(run.fingerprint()))).append("</code></dd>")
                    .append("<dt>").append(escape(w.text("dashboard.factVersions"))).append("</dt><dd>")
                    .append(escape(w.format("dashboard.versions", "concord", orDash(run.concordVersion()), "redcap", orDash(run.redcapVersion()))))
                    .append("</dd></dl>");
        } else {
            html.append("<p class=\"empty\">").append(escape(w.text("dashboard.noResultsYet"))).append("</p>");
        }
        html.append("</div>\n<div class=\"card\"><h2>").append(escape(w.text("dashboard.runAnalysis"))).append("</h2>");
        Optional<Run> active = m.active();
        if (active.isPresent()) {
            Run run = active.get();
            html.append("<p class=\"progress\" role=\"status\"><span class=\"pill ").append(run.status().name().toLowerCase())
                    .append("\">").append(run.status()).append("</span> ")
                    .append(escape(w.format("dashboard.runProgress", "id", run.id(), "progress", progress(run, w))))
                    .append("</p><p class=\"hint\">").append(escape(w.text("dashboard.refreshes"))).append("</p>");
        }
        html.append("<form method=\"post\" action=\"").append(project).append("/runs\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(m.csrfToken())).append("\">")
                .append("<button type=\"submit\" class=\"primary\">").append(escape(w.text("dashboard.runNow"))).append("</button></form>")
                .append("<p class=\"hint\">").append(escape(m.scope().isEmpty() ? w.text("dashboard.runHint")
                        : w.format("dashboard.runHintGroup", "group", m.scope()))).append("</p>");
        html.append("</div>\n<div class=\"card\"><h2>").append(escape(w.text("dashboard.downloads"))).append("</h2><ul class=\"downloads\">");
        for (String format : concord.server.web.RunReports.FORMATS) {
            if (concord.server.web.RunReports.OPTIONAL_FORMATS.contains(format) && !m.formats().contains(format)) {
                continue;
            }
            if (m.formats().contains(format)) {
                html.append("<li><a href=\"").append(base).append("/downloads/").append(format).append("\">")
                        .append(escape(label(format, w))).append("</a></li>");
            } else {
                html.append("<li><span class=\"unavailable\" title=\"").append(escape(w.text("dashboard.notProduced"))).append("\">")
                        .append(escape(label(format, w))).append("</span></li>");
            }
        }
        html.append("</ul></div>\n</section>\n");
    }

    private static String label(String format, ReportMessages w) {
        return switch (format) {
            case "exclusions" -> w.text("dashboard.formatExclusions");
            case "docx" -> w.text("dashboard.formatDocx");
            case "topic-guide-html" -> w.text("dashboard.formatTopicGuideHtml");
            case "topic-guide-docx" -> w.text("dashboard.formatTopicGuideDocx");
            case "rounds" -> w.text("dashboard.formatRounds");
            default -> format.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static void responses(StringBuilder html, StudyResult result, ReportMessages w) {
        StringBuilder t = new StringBuilder("<table class=\"concord-table responses\"><caption>")
                .append(escape(w.text("dashboard.responsesCaption"))).append("</caption><thead><tr>");
        for (String key : List.of("column.group", "dashboard.participants", "dashboard.ratingsGiven", "dashboard.ratingsMissing",
                "dashboard.complete")) {
            t.append("<th scope=\"col\">").append(escape(w.text(key))).append("</th>");
        }
        t.append("</tr></thead><tbody>");
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
        t.append("</tbody><tfoot><tr><th scope=\"row\">").append(escape(w.text("dashboard.allGroups"))).append("</th><td class=\"num\">")
                .append(totalN).append("</td><td colspan=\"3\"></td></tr></tfoot></table>\n");
        String headline = "<p class=\"lead\">" + escape(w.format(result.differingOutcomes().size() == 1 ? "dashboard.headlineOne"
                : "dashboard.headlineMany", "outcomes", result.outcomes().size(), "participants", totalN,
                "groups", result.groups().size(), "differing", result.differingOutcomes().size())) + "</p>\n";
        section(html, "responses", w.text("dashboard.headingResponses"), headline + t);
    }

    private static void table1(StringBuilder html, Model m, StudyResult result, String base, ReportMessages w) {
        Table1Query q = m.query();
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"filters\"><span class=\"label\">").append(escape(w.text("dashboard.sort"))).append("</span>");
        for (String sort : Table1Query.SORTS) {
            chip(body, base, q.withSort(sort), sort.equals(q.sort()), w.text(switch (sort) {
                case "outcome" -> "dashboard.sortOutcome";
                case "domain" -> "dashboard.sortDomain";
                case "p" -> "dashboard.sortP";
                case "differs" -> "dashboard.sortDiffers";
                default -> "dashboard.sortStudy";
            }));
        }
        body.append("</div>\n<div class=\"filters\"><span class=\"label\">").append(escape(w.text("dashboard.groupsDiffer"))).append("</span>");
        chip(body, base, q.withDiffers(""), q.differs().isEmpty(), w.text("dashboard.all"));
        chip(body, base, q.withDiffers("yes"), q.differs().equals("yes"), w.text("dashboard.differ"));
        chip(body, base, q.withDiffers("no"), q.differs().equals("no"), w.text("dashboard.doNotDiffer"));
        body.append("</div>\n<div class=\"filters\"><span class=\"label\">").append(escape(w.text("column.domain"))).append("</span>");
        chip(body, base, q.withDomain(""), q.domain().isEmpty(), w.text("dashboard.allDomains"));
        for (String domain : Table1Query.domains(result)) {
            chip(body, base, q.withDomain(domain), domain.equals(q.domain()), domain.isBlank() ? w.text("domain.none") : domain);
        }
        body.append("</div>\n");
        StudyResult shown = q.apply(result);
        body.append("<p class=\"hint\">").append(escape(w.format("dashboard.showing", "shown", shown.outcomes().size(),
                "total", result.outcomes().size()))).append("</p>\n");
        body.append(shown.outcomes().isEmpty() ? "<p class=\"empty\">" + escape(w.text("dashboard.noMatch")) + "</p>\n"
                : "<div class=\"scroll\">" + HtmlTables.table1(shown, w.language()) + "</div>\n");
        section(html, "table1", w.text("heading.table1"), body.toString());
    }

    private static void chip(StringBuilder html, String base, Table1Query target, boolean active, String label) {
        String query = target.parameters().entrySet().stream().map(e -> e.getKey() + "=" + url(e.getValue()))
                .collect(Collectors.joining("&"));
        html.append("<a class=\"chip").append(active ? " active\" aria-current=\"true" : "").append("\" href=\"")
                .append(escape(base + (query.isEmpty() ? "" : "?" + query) + "#table1")).append("\">")
                .append(escape(label)).append("</a>");
    }

    private static void history(StringBuilder html, Model m, String base, ReportMessages w) {
        StringBuilder t = new StringBuilder("<table class=\"concord-table history\"><thead><tr>");
        for (String key : List.of("dashboard.factRun", "dashboard.status", "dashboard.recordsOf", "dashboard.trigger", "dashboard.queued",
                "dashboard.factFinished", "dashboard.factRecords", "dashboard.details")) {
            t.append("<th scope=\"col\">").append(escape(w.text(key))).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (Run run : m.history()) {
            t.append("<tr><td class=\"num\"><a href=\"").append(base).append("/runs/").append(run.id()).append("\">#")
                    .append(run.id()).append("</a></td><td><span class=\"pill ")
                    .append(run.status().name().toLowerCase()).append("\">").append(run.status()).append("</span></td><td>")
                    .append(escape(run.projectWide() ? w.text("dashboard.allRecords") : w.format("dashboard.groupScope", "group", run.scope())))
                    .append("</td><td>")
                    .append(run.trigger().name().toLowerCase()).append(run.triggerCount() > 1 ? " \u00d7" + run.triggerCount() : "")
                    .append("</td><td>").append(when(run.firstTriggerAt())).append("</td><td>").append(when(run.finishedAt()))
                    .append("</td><td class=\"num\">").append(run.recordCount() != null ? run.recordCount() : run.recordsRead())
                    .append("</td><td class=\"detail\">").append(escape(detail(run, w))).append("</td></tr>");
        }
        if (m.history().isEmpty()) {
            t.append("<tr><td colspan=\"8\" class=\"empty\">").append(escape(w.text("dashboard.noRuns"))).append("</td></tr>");
        }
        t.append("</tbody></table>\n");
        section(html, "history", w.text("dashboard.navHistory"), t.toString());
    }

    private static String detail(Run run, ReportMessages w) {
        if (run.status() == RunStatus.FAILED) {
            // a group's run reads every record of the project: its failure may name other groups' records
            return run.projectWide() ? orDash(run.errorMessage()) : orDash(RunWorker.withoutParticipantData(run.errorMessage()));
        }
        if (!run.status().finished()) {
            return progress(run, w);
        }
        String outcome = run.outcome() == null ? "" : w.text(switch (run.outcome()) {
            case PUBLISHED -> "dashboard.published";
            case UNCHANGED -> "dashboard.unchanged";
        });
        return run.startedAt() != null && run.finishedAt() != null ? w.format("dashboard.took", "outcome", outcome,
                "seconds", Math.max(0, run.startedAt().until(run.finishedAt(), ChronoUnit.MILLIS)) / 1000.0) : outcome;
    }

    private static String progress(Run run, ReportMessages w) {
        if (run.status() == RunStatus.QUEUED) {
            return w.format("dashboard.waiting", "when", when(run.notBefore()));
        }
        // stage names are the service's own terms (as in its API and logs)
        String stage = run.stage() == null ? w.text("dashboard.starting") : run.stage().name().toLowerCase().replace('_', ' ');
        return run.recordsRead() > 0 ? w.format("dashboard.rowsRead", "stage", stage, "n", run.recordsRead()) : stage;
    }

    /** The topic guide's downloads the run stored (HTML, Word). */
    private static String downloadLinks(Model m, String base, ReportMessages w) {
        StringBuilder links = new StringBuilder();
        for (String format : List.of("topic-guide-html", "topic-guide-docx")) {
            if (m.formats().contains(format)) {
                links.append(" <a href=\"").append(base).append("/downloads/").append(format).append("\">")
                        .append(escape(label(format, w))).append("</a>");
            }
        }
        return links.toString();
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
