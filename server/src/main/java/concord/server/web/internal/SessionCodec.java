package concord.server.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.server.web.ProjectGrant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a dashboard session is kept in {@code concord_session}: the id only as its SHA-256, the grants as
 * a JSON array of {@link ProjectGrant} records. The records are serialised generically (every record
 * component), and unknown properties are ignored on reading, so instances of different versions can
 * share the table during a rolling update.
 */
public final class SessionCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<ProjectGrant>> GRANTS = new TypeReference<>() { };

    private SessionCodec() {
    }

    /** The key a session id is stored under: hex SHA-256 (the id is 256 random bits, so no salt is needed). */
    public static String idHash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    public static String grantsJson(Collection<ProjectGrant> grants) {
        try {
            return JSON.writerFor(GRANTS).writeValueAsString(List.copyOf(grants));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write session grants as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The grants keyed by project id; IllegalArgumentException when the column does not hold them. */
    public static Map<String, ProjectGrant> grants(String json) {
        try {
            Map<String, ProjectGrant> out = new LinkedHashMap<>();
            for (ProjectGrant grant : JSON.readValue(json, GRANTS)) {
                out.put(grant.projectId(), grant);
            }
            return out;
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson's message may quote the stored text, which names REDCap users: leave it out
            throw new IllegalArgumentException("the grants column is not a JSON array of project grants");
        }
    }
}
