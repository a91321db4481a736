package concord.analysis.report.internal;

import static concord.analysis.report.internal.Html.escape;

import concord.analysis.report.HtmlReportRenderer;
import concord.analysis.report.ReportContext;
import concord.analysis.report.TopicGuide;

/** The topic guide as HTML: a page, or the body fragment the dashboard shows. Every text is escaped. */
public final class TopicGuideHtml {

    private static final String STYLE = ".topic-guide td.question{min-width:24em}.topic-guide ul.figures{margin:0;padding-left:1.1em;"
            + "color:#444;font-size:11px}.topic-guide ol.opening li{margin:4px 0}.topic-guide h3{font-size:15px;margin:20px 0 4px}\n";

    private TopicGuideHtml() {
    }

    public static String page(TopicGuide guide, ReportContext context) {
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(guide.language())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Concord\">\n")
                .append("<title>").append(escape(guide.title())).append("</title>\n")
                .append("<style>\n").append(HtmlReportRenderer.STYLESHEET).append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(guide.title())).append("</h1>\n");
        HtmlMeta.append(html, context);
        html.append(body(guide)).append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    public static String body(TopicGuide guide) {
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<div class=\"topic-guide\">\n<p>").append(escape(guide.intro())).append("</p>\n<p class=\"meta\">")
                .append(escape(guide.method())).append("</p>\n");
        TopicGuide.Labels labels = guide.labels();
        html.append("<section aria-labelledby=\"tg-opening\">\n<h2 id=\"tg-opening\">").append(escape(labels.openingHeading())).append("</h2>\n");
        if (guide.opening().isEmpty()) {
            html.append("<p>").append(escape(labels.openingNone())).append("</p>\n");
        } else {
            html.append("<ol class=\"opening\">\n");
            for (TopicGuide.Question q : guide.opening()) {
                html.append("<li>").append(phrase(q.text())).append("</li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</section>\n<section aria-labelledby=\"tg-differences\">\n<h2 id=\"tg-differences\">")
                .append(escape(labels.differencesHeading())).append("</h2>\n");
        if (guide.sections().isEmpty()) {
            html.append("<p>").append(escape(labels.differencesNone())).append("</p>\n");
        }
        int number = 0;
        for (TopicGuide.Section section : guide.sections()) {
            html.append("<h3>").append(escape(section.heading())).append("</h3>\n<table class=\"concord-table\"><caption>")
                    .append(escape(section.heading())).append("</caption>\n<thead><tr><th scope=\"col\">").append(escape(labels.number()))
                    .append("</th><th scope=\"col\">").append(escape(labels.question())).append("</th><th scope=\"col\">")
                    .append(escape(labels.figures())).append("</th></tr></thead>\n<tbody>\n");
            for (TopicGuide.Question q : section.questions()) {
                html.append("<tr><td class=\"num\">").append(++number).append("</td><td class=\"question\">").append(phrase(q.text()))
                        .append("</td><td><ul class=\"figures\">");
                for (String figure : q.figures()) {
                    html.append("<li>").append(escape(figure)).append("</li>");
                }
                html.append("</ul></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n</div>\n");
        return html.toString();
    }

    private static String phrase(TopicGuide.Phrase phrase) {
        StringBuilder out = new StringBuilder();
        for (TopicGuide.Span span : phrase.spans()) {
            out.append(span.emphasis() ? "<em>" + escape(span.text()) + "</em>" : escape(span.text()));
        }
        return out.toString();
    }
}
