package concord.server.load;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A value left out of the analysis, and why. Issues are stored with the run and published with the
 * report (they name record IDs, so they are never logged).
 *
 * @param record  record ID
 * @param field   field name
 * @param value   the raw value as exported
 * @param problem what is wrong and how to fix it
 */
@Serdeable
public record LoadIssue(String record, String field, String value, String problem) {
}
