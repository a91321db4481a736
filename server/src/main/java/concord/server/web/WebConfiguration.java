package concord.server.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The dashboard's session settings ({@code concord.web.*}).
 *
 * @param secureCookie   mark the session cookie {@code Secure} (HTTPS only); turn off only for a plain-http
 *                       local demo ({@code CONCORD_WEB_SECURE_COOKIE=false})
 * @param idleTimeout    a session unused this long ends (the user opens the bookmark in REDCap again)
 * @param maxAge         a session ends this long after its bookmark launch, however busy
 * @param maxSessions    live sessions in the database (all instances together); the least recently used end beyond this
 */
@ConfigurationProperties("concord.web")
public record WebConfiguration(
        @Bindable(defaultValue = "true") boolean secureCookie,
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "8h") Duration maxAge,
        @Bindable(defaultValue = "10000") int maxSessions) {

    public WebConfiguration {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("concord.web.idle-timeout and concord.web.max-age must be positive");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("concord.web.max-sessions must be at least 1");
        }
    }
}
