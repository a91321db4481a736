package concord.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Bearer tokens accepted by the admin API ({@code concord.admin.tokens}, env
 * {@code CONCORD_ADMIN_TOKENS} as a comma-separated list). No tokens: the admin API refuses everyone.
 */
@ConfigurationProperties("concord.admin")
public record AdminConfiguration(@Nullable List<String> tokens) {

    public AdminConfiguration {
        tokens = tokens == null ? List.of()
                : tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Constant-time comparison against every configured token. */
    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String token : tokens) {
            match |= MessageDigest.isEqual(candidate, token.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    @Override
    public String toString() {
        return "AdminConfiguration[tokens=" + tokens.size() + " configured]";
    }
}
