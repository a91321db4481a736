package concord.server.api;

import concord.server.config.AdminConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Guards the admin API: {@code Authorization: Bearer <one of concord.admin.tokens>}. */
@ServerFilter(patterns = {"/projects/**", "/runs/**", "/metrics/**"})
public class AdminAuthFilter {
    private final AdminConfiguration admin;

    public AdminAuthFilter(AdminConfiguration admin) {
        this.admin = admin;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (admin.accepts(token)) {
            return null;
        }
        String reason = admin.tokens().isEmpty()
                ? "The admin API is disabled: no tokens are configured under concord.admin.tokens (env CONCORD_ADMIN_TOKENS)."
                : "Send Authorization: Bearer <token> with one of the tokens configured under concord.admin.tokens.";
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"concord\"")
                .body(new ApiError(reason));
    }
}
