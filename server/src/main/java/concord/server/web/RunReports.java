package concord.server.web;

import concord.analysis.StudyResult;
import concord.server.run.Run;
import concord.server.run.RunArtifact;
import concord.server.run.RunFile;
import concord.server.run.RunRepository;
import concord.server.web.internal.StoredResultReader;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's view of stored runs: the latest published run of a project, its files by format, and
 * its {@link StudyResult} (rebuilt from the run's {@code .json} file and cached, a few runs at a time).
 */
@Singleton
public class RunReports {
    /** Download formats offered, in display order. */
    public static final List<String> FORMATS = List.of("html", "pdf", "docx", "xlsx", "csv", "json", "exclusions",
            "rounds", "topic-guide-html", "topic-guide-docx");
    /** Formats only some runs produce (Delphi studies): the dashboard lists them only when the run stored them. */
    public static final List<String> OPTIONAL_FORMATS = List.of("rounds");

    private static final int CACHED_RESULTS = 16;

    private final RunRepository runs;
    private final Map<Long, StudyResult> cache = new LinkedHashMap<>(CACHED_RESULTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StudyResult> eldest) {
            return size() > CACHED_RESULTS;
        }
    };

    public RunReports(RunRepository runs) {
        this.runs = runs;
    }

    /** The run whose results the project currently shows (project-wide). */
    public Optional<Run> latest(String projectId) {
        return runs.lastPublished(projectId);
    }

    /** The latest published run of one scope: {@link Run#PROJECT_WIDE} or a data access group's unique name. */
    public Optional<Run> latest(String projectId, String scope) {
        return runs.lastPublished(projectId, scope);
    }

    public Optional<Run> run(long runId) {
        return runs.find(runId);
    }

    /** The newest runs of every scope. */
    public List<Run> history(String projectId, int limit) {
        return runs.list(projectId, limit);
    }

    /** The newest runs of one scope. */
    public List<Run> history(String projectId, String scope, int limit) {
        return runs.list(projectId, scope, limit);
    }

    /**
     * The run's file of that format, if it stored one: {@code report.<format>} for the reports,
     * {@code result.json} for the JSON result, {@code exclusions.csv} for the values the run left out, {@code rounds.csv} for a Delphi run's rounds,
     * {@code topic-guide.html} / {@code .docx} for the focus-group topic guide.
     */
    public Optional<RunFile> file(long runId, String format) {
        String name = fileName(format);
        return runs.files(runId).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The stored file name of a download format. */
    public static String fileName(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> "result.json";
            case "exclusions" -> "exclusions.csv";
            case "topic-guide-html" -> "topic-guide.html";
            case "topic-guide-docx" -> "topic-guide.docx";
            case "rounds" -> "rounds.csv";
            default -> "report." + format.toLowerCase(Locale.ROOT);
        };
    }

    public Optional<RunArtifact> download(long runId, String format) {
        return file(runId, format).flatMap(f -> runs.artifact(runId, f.name()));
    }

    /**
     * The run's analysis result.
     *
     * @throws concord.server.web.internal.StoredResultException when the stored JSON cannot be shown
     */
    public Optional<StudyResult> result(long runId) {
        synchronized (cache) {
            StudyResult cached = cache.get(runId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<StudyResult> result = download(runId, "json").map(a -> StoredResultReader.read(a.content()));
        result.ifPresent(r -> {
            synchronized (cache) {
                cache.put(runId, r);
            }
        });
        return result;
    }
}
