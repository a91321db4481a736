package concord.server.run;

import concord.server.config.ProjectConfiguration;
import concord.server.load.StudyLoader;
import concord.server.load.internal.Fingerprint;

/**
 * SHA-256 over everything that shapes a project's results: the analysis settings, the publishing
 * targets and the Concord version. Secrets, schedule and DET settings are left out (they do not change
 * what is computed). Same data fingerprint + same hash = the same report.
 */
public final class ConfigHash {
    private ConfigHash() {
    }

    public static String of(ProjectConfiguration p, String concordVersion) {
        String canonical = String.join("\n",
                "concord=" + concordVersion,
                "api-url=" + p.apiUrl(),
                "redcap-project-id=" + p.redcapProjectId(),
                "title=" + p.title(),
                "group-field=" + (p.groupField() == null ? StudyLoader.GROUP_TAG : p.groupField()),
                "outcomes=" + String.join(",", p.outcomes()),
                "domains=" + p.domains(),
                "demographic-fields=" + String.join(",", p.demographicFields()),
                "consensus=" + p.consensus(),
                "event=" + p.event(),
                "repeat-instance=" + p.repeatInstance(),
                "publish.enabled=" + p.publish().enabled(),
                "publish.folder=" + p.publish().folder(),
                "publish.formats=" + String.join(",", p.publish().formats()),
                "publish.results=" + p.publish().results(),
                "publish.results-api-url=" + p.publish().resultsApiUrl(),
                "publish.results-record=" + p.publish().resultsRecord(),
                "publish.pdf-field=" + p.publish().pdfField())
                // only when set, so that the hash of a single-survey project stays what it was
                + (p.rounds() == null ? "" : "\nrounds=" + p.rounds())
                + (p.roundField() == null ? "" : "\nround-field=" + p.roundField())
                + (p.qualitative().instrument().equals(concord.server.load.QualitativeInstrument.DEFAULT_NAME) ? ""
                        : "\nqualitative.instrument=" + p.qualitative().instrument())
                + (p.topicGuide().language().equals("en") ? "" : "\ntopic-guide.language=" + p.topicGuide().language())
                + (p.topicGuide().template() == null ? "" : "\ntopic-guide.template=" + p.topicGuide().template()
                        + " " + fileDigest(p.topicGuide().template()))
                + (!p.feedback().enabled() ? "" : "\nfeedback.file-field=" + p.feedback().fileField()
                        + "\nfeedback.min-group-size=" + p.feedback().minGroupSize())
                + ("en".equals(p.reportLanguage()) ? "" : "\nreport-language=" + p.reportLanguage());
        return Fingerprint.sha256Hex(canonical);
    }

    /** The file's SHA-256, so an edited template re-publishes; "missing" when it cannot be read (the run then fails). */
    private static String fileDigest(String path) {
        try {
            return java.util.HexFormat.of().formatHex(Fingerprint.sha256().digest(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path))));
        } catch (java.io.IOException | RuntimeException e) {
            return "missing";
        }
    }
}
