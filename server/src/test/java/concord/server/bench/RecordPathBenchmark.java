package concord.server.bench;

import concord.connector.DataDictionaryReader;
import concord.connector.ExportColumns;
import concord.connector.ExportRow;
import concord.connector.RecordCsvScanner;
import concord.connector.RecordRowSink;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.RecordFiles;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the record path on one file, warm (in one JVM, after warm-up rounds), per stage: the CSV
 * tokenizer alone, the whole path (tokenize, validate, fingerprint, accumulate) on one thread, and on
 * {@code threads} threads. Prints MB/s; docs/analysis.md has the command.
 *
 * <pre>
 * java -cp ... concord.server.bench.RecordPathBenchmark RECORDS.csv DICTIONARY.csv [demographics] [threads] [rounds]
 * </pre>
 */
public final class RecordPathBenchmark {
    private RecordPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path records = Path.of(args[0]);
        Path dictionary = Path.of(args[1]);
        List<String> demographics = args.length > 2 && !args[2].isBlank() ? Arrays.asList(args[2].split(",")) : List.of();
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        StudySpec spec = new StudySpec("bench", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, demographics, "80/15", null, null, null);
        LoadedStudy loaded = StudyLoader.grade().load(spec, DataDictionaryReader.create().read(dictionary), null, List.of());
        double mb = Files.size(records) / 1e6;
        System.out.printf("%s: %.1f MB, %d processors%n", records.getFileName(), mb, Runtime.getRuntime().availableProcessors());
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long cells = tokenize(records);
            long c1 = cpu.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            FeedResult one = RecordFiles.read(records, loaded, spec, 1);
            long c2 = cpu.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            FeedResult many = RecordFiles.read(records, loaded, spec, threads);
            long t3 = System.nanoTime();
            if (!one.fingerprint().equals(many.fingerprint()) || one.records() != many.records()) {
                throw new AssertionError("parallel result differs");
            }
            System.out.printf("round %d: tokenize %.0f MB/s wall, %.0f MB/s per CPU second (%d cells); record path on 1 thread "
                    + "%.0f MB/s wall, %.0f MB/s per CPU second; on %d threads %.0f MB/s wall (%.3f s); %d records%n", round,
                    mb / sec(t0, t1), mb / sec(c0, c1), cells, mb / sec(t1, t2), mb / sec(c1, c2), threads, mb / sec(t2, t3),
                    sec(t2, t3), one.records());
        }
    }

    private static long tokenize(Path records) throws Exception {
        long[] cells = {0};
        try (RecordCsvScanner csv = RecordCsvScanner.open(records)) {
            csv.scan(csv.dataStart(), csv.size(), csv.firstDataLine(), new RecordRowSink() {
                @Override
                public void columns(ExportColumns columns) {
                }

                @Override
                public void row(ExportRow row) {
                    cells[0] += row.size();
                }
            });
        }
        return cells[0];
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }
}
