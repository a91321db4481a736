package concord.server.web.internal;

import static concord.server.web.internal.Html.escape;

/** The page frame every dashboard page shares: head, header bar, main column. */
public final class Page {
    /** Stylesheet path served by the dashboard controller. */
    public static final String STYLESHEET_PATH = "/dashboard/assets/dashboard.css";

    private Page() {
    }

    /**
     * A complete page.
     *
     * @param title          page title (plain text, escaped here)
     * @param subtitle       plain text under the title, or null
     * @param refreshSeconds reload {@code refreshUrl} after this many seconds (0: never); works without JavaScript
     * @param refreshUrl     the page's own path and query, without a fragment (a refresh to a URL with a
     *                       fragment is only a scroll in Chromium)
     * @param bodyHtml       the main column, already escaped
     */
    public static String render(String title, String subtitle, int refreshSeconds, String refreshUrl, String bodyHtml) {
        return render(title, subtitle, refreshSeconds, refreshUrl, bodyHtml, "en");
    }

    /** A complete page in a report language ({@code en}, {@code zh}): its {@code lang}, title suffix and tagline. */
    public static String render(String title, String subtitle, int refreshSeconds, String refreshUrl, String bodyHtml,
                                String language) {
        concord.analysis.report.ReportMessages w = concord.analysis.report.ReportMessages.forLanguage(language);
        StringBuilder html = new StringBuilder(bodyHtml.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(w.language())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (refreshSeconds > 0) {
            html.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("; url=")
                    .append(escape(refreshUrl)).append("\">\n");
        }
        html.append("<title>").append(escape(w.format("dashboard.pageTitle", "title", title))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET_PATH).append("\">\n</head>\n<body>\n")
                .append("<header class=\"bar\"><span class=\"brand\">Concord</span>")
                .append("<span class=\"tagline\">").append(escape(w.text("dashboard.tagline"))).append("</span></header>\n")
                .append("<main>\n<h1>").append(escape(title)).append("</h1>\n");
        if (subtitle != null && !subtitle.isBlank()) {
            html.append("<p class=\"subtitle\">").append(escape(subtitle)).append("</p>\n");
        }
        html.append(bodyHtml).append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page that explains why a request was refused and what to do. */
    public static String problem(String title, String explanation, String whatToDo) {
        return render(title, null, 0, null, "<div class=\"notice error\"><p>" + escape(explanation) + "</p><p>"
                + escape(whatToDo) + "</p></div>\n");
    }
}
