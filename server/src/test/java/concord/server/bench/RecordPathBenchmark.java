package concord.server.bench;

import concord.connector.DataDictionaryReader;
import concord.connector.ExportColumns;
import concord.connector.ExportRow;
import concord.connector.RecordCsvScanner;
import concord.connector.RecordRowSink;
import concord.connector.internal.JsonRows;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.RecordFeed;
import concord.server.load.RecordFiles;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-core throughput of the record path, warm (one JVM, warm-up rounds first), median of the rounds after:
 * the CSV tokenizer alone; the whole CSV path (tokenize, validate, fingerprint, accumulate) on one thread
 * and on all processors; SHA-256 alone over as many fingerprint bytes as the rows need; and the JSON path
 * the service uses (API answers of 500 records: {@code JsonRows} check and index, then the same
 * {@link RecordFeed}). MB/s per CPU second of the thread doing the work, so another process on the machine
 * shows less (docs/analysis.md has the command and the figures).
 *
 * <pre>
 * java -cp ... concord.server.bench.RecordPathBenchmark RECORDS.csv DICTIONARY.csv [demographics] [RECORDS.json] [rounds]
 * </pre>
 */
public final class RecordPathBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 3;

    private RecordPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path records = Path.of(args[0]);
        Path dictionary = Path.of(args[1]);
        List<String> demographics = args.length > 2 && !args[2].isBlank() ? Arrays.asList(args[2].split(",")) : List.of();
        Path json = args.length > 3 ? Path.of(args[3]) : null;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int threads = Runtime.getRuntime().availableProcessors();
        StudySpec spec = new StudySpec("bench", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, demographics, "80/15", null, null, null);
        LoadedStudy loaded = StudyLoader.grade().load(spec, DataDictionaryReader.create().read(dictionary), null, List.of());
        double mb = Files.size(records) / 1e6;
        long rows = RecordFiles.read(records, loaded, spec, 1).records();
        List<byte[]> batches = json == null ? List.of() : batches(Files.readAllBytes(json), 500);
        double jsonMb = json == null ? 0 : Files.size(json) / 1e6;
        int messageBytes = messageBytes(loaded);

        double[][] figures = new double[7][WARM_UP + rounds];
        for (int round = 0; round < WARM_UP + rounds; round++) {
            long c = CPU.getCurrentThreadCpuTime();
            tokenize(records);
            figures[0][round] = mb / seconds(c, CPU.getCurrentThreadCpuTime());
            c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            FeedResult one = RecordFiles.read(records, loaded, spec, 1);
            figures[1][round] = mb / seconds(c, CPU.getCurrentThreadCpuTime());
            figures[2][round] = mb / seconds(t, System.nanoTime());
            t = System.nanoTime();
            FeedResult many = RecordFiles.read(records, loaded, spec, threads);
            figures[3][round] = mb / seconds(t, System.nanoTime());
            if (!one.fingerprint().equals(many.fingerprint())) {
                throw new AssertionError("the parallel read differs");
            }
            c = CPU.getCurrentThreadCpuTime();
            sha256(rows, messageBytes);
            figures[4][round] = mb / seconds(c, CPU.getCurrentThreadCpuTime());
            if (json != null) {
                c = CPU.getCurrentThreadCpuTime();
                FeedResult viaJson = json(batches, loaded, spec);
                double s = seconds(c, CPU.getCurrentThreadCpuTime());
                figures[5][round] = jsonMb / s;
                figures[6][round] = viaJson.records() / s;
                if (!viaJson.fingerprint().equals(one.fingerprint())) {
                    throw new AssertionError("the JSON export read differently from the CSV export");
                }
            }
        }
        System.out.printf("%s: %.1f MB, %d rows; median of %d rounds after %d warm-up rounds, per CPU second unless wall%n",
                records.getFileName(), mb, rows, rounds, WARM_UP);
        System.out.printf("CSV tokenizer alone                      %6.0f MB/s%n", median(figures[0]));
        System.out.printf("CSV record path, 1 thread                %6.0f MB/s  (%.0f MB/s wall, %.0f rows/s)%n",
                median(figures[1]), median(figures[2]), median(figures[1]) / mb * rows);
        System.out.printf("CSV record path, %d threads (wall)        %6.0f MB/s%n", threads, median(figures[3]));
        System.out.printf("  of it SHA-256 of the fingerprint       %6.0f MB/s of CSV alone (%d bytes hashed per row)%n",
                median(figures[4]), messageBytes);
        if (json != null) {
            System.out.printf("JSON record path (API answers of 500)    %6.0f MB/s of JSON, %.0f rows/s (%.1f MB, %.1f× the CSV)%n",
                    median(figures[5]), median(figures[6]), jsonMb, jsonMb / mb);
        }
    }

    private static void tokenize(Path records) throws Exception {
        try (RecordCsvScanner csv = RecordCsvScanner.open(records)) {
            csv.scan(csv.dataStart(), csv.size(), csv.firstDataLine(), new RecordRowSink() {
                @Override
                public void columns(ExportColumns columns) {
                }

                @Override
                public void row(ExportRow row) {
                }
            });
        }
    }

    private static FeedResult json(List<byte[]> batches, LoadedStudy loaded, StudySpec spec) {
        JsonRows rows = new JsonRows(loaded.recordIdField());
        RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
        byte[] buffer = new byte[0];
        for (byte[] batch : batches) {
            if (buffer.length < batch.length) {
                buffer = new byte[batch.length];
            }
            System.arraycopy(batch, 0, buffer, 0, batch.length); // the exporter reads each answer into its buffer
            if (!rows.parse(buffer, batch.length)) {
                throw new AssertionError("not a plain export");
            }
            rows.deliver(feed);
        }
        return feed.finish();
    }

    /** The bytes the fingerprint hashes per row: key, then a length byte and the value per field (one-byte values). */
    private static int messageBytes(LoadedStudy loaded) {
        return 9 + 2 * loaded.exportFields().size();
    }

    private static void sha256(long rows, int messageBytes) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] message = new byte[messageBytes];
        byte[] digest = new byte[32];
        for (long r = 0; r < rows; r++) {
            message[0] = (byte) r;
            sha.update(message, 0, message.length);
            sha.digest(digest, 0, digest.length);
        }
    }

    /** A flat JSON export's rows in answers of {@code size} rows ("[{...},...]"), as the API sends them. */
    private static List<byte[]> batches(byte[] export, int size) {
        List<byte[]> out = new ArrayList<>();
        int start = 1;
        int rowsInBatch = 0;
        for (int i = 1; i < export.length; i++) {
            boolean end = export[i] == '}' && (i + 1 == export.length - 1 || export[i + 1] == ',');
            if (end && ++rowsInBatch == size || i == export.length - 2) {
                byte[] batch = new byte[i + 1 - start + 2];
                batch[0] = '[';
                System.arraycopy(export, start, batch, 1, i + 1 - start);
                batch[batch.length - 1] = ']';
                out.add(batch);
                start = i + 2;
                rowsInBatch = 0;
            }
        }
        return out;
    }

    private static double median(double[] values) {
        double[] measured = Arrays.copyOfRange(values, WARM_UP, values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
