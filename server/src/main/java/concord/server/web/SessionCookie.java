package concord.server.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Optional;

/** The session cookie: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} unless configured off for plain-http demos. */
public final class SessionCookie {
    public static final String NAME = "concord_session";

    private SessionCookie() {
    }

    public static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** The {@code Set-Cookie} header value that stores the session id (a browser-session cookie). */
    public static String set(String sessionId, boolean secure) {
        return NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} header value that removes the cookie. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
