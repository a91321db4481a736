package concord.server.web.internal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** HTML responses with the dashboard's security headers. */
public final class Responses {
    /** No scripts at all; styles only from this origin; forms post only here; never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Responses() {
    }

    public static MutableHttpResponse<String> html(HttpStatus status, String page) {
        return secure(HttpResponse.<String>status(status).body(page).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8"));
    }

    public static <T> MutableHttpResponse<T> secure(MutableHttpResponse<T> response) {
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }

    public static MutableHttpResponse<String> problem(HttpStatus status, String title, String explanation, String whatToDo) {
        return html(status, Page.problem(title, explanation, whatToDo));
    }
}
