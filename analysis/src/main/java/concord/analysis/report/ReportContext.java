package concord.analysis.report;

import concord.analysis.internal.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report states about the run that produced it, besides the result: when it was generated,
 * provenance lines (project, record count, data hash, software versions) and the language of its
 * words ({@link #withLanguage}; English by default). The timestamp goes into file metadata too (PDF
 * dates, XLSX core properties), so the same result and context give byte-identical files; nothing
 * reads the clock. Undated reports use 2000-01-01T00:00:00Z in metadata (ZIP cannot store earlier
 * than 1980) and print no date.
 */
public record ReportContext(Optional<Instant> generatedAt, Map<String, String> provenance, String language) {

    /** The metadata timestamp of undated reports. */
    public static final Instant UNDATED = Instant.parse("2000-01-01T00:00:00Z");

    public ReportContext {
        Objects.requireNonNull(generatedAt, "generatedAt");
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        language = Messages.forLanguage(language).language();
    }

    /** An English report's context. */
    public ReportContext(Optional<Instant> generatedAt, Map<String, String> provenance) {
        this(generatedAt, provenance, Messages.ENGLISH);
    }

    public static ReportContext undated() {
        return new ReportContext(Optional.empty(), Map.of());
    }

    public static ReportContext generatedAt(Instant instant) {
        return new ReportContext(Optional.of(instant), Map.of());
    }

    /** Adds a provenance line, e.g. {@code ("Records read", "56")}; the order of calls is kept. */
    public ReportContext withProvenance(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(provenance);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ReportContext(generatedAt, copy, language);
    }

    /**
     * The language of the report's words: {@code "en"} (the default) or {@code "zh"} (Simplified Chinese);
     * region and case are ignored ({@code zh-CN}). Any language with a {@code messages_<code>.properties} in
     * Concord works; another fails here, naming the file to add. Numbers are formatted the same in every language.
     */
    public ReportContext withLanguage(String language) {
        return new ReportContext(generatedAt, provenance, language);
    }

    /** The instant written into file metadata. */
    public Instant metadataTimestamp() {
        return generatedAt.orElse(UNDATED);
    }

    /** As before languages existed for English (the PDF's document id derives from it), with the language otherwise. */
    @Override
    public String toString() {
        return "ReportContext[generatedAt=" + generatedAt + ", provenance=" + provenance
                + (Messages.ENGLISH.equals(language) ? "" : ", language=" + language) + "]";
    }
}
