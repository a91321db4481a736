package concord.connector.bench;

import concord.connector.ExportSummary;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapRecord;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Exports N records × 60 fields (record_id, group, 58 ratings; plus two form-status columns) from
 * a REDCap server over loopback through {@link RedcapClient}, and prints records/second and the client
 * JVM's peak heap.
 *
 * <pre>
 * mvn -B -q -pl connector -am test-compile
 * mvn -B -q -pl connector dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -Xmx128m -cp connector/target/test-classes:connector/target/classes:$(cat connector/target/bench.cp) \
 *      concord.connector.bench.ExportBenchmark 10000 100000
 * </pre>
 *
 * Two servers, each in a child JVM so the heap figures are the client's alone: {@code sandbox} (the
 * REDCap emulator, end to end) and {@code replay} ({@link BenchReplayServer}, answers rendered in
 * advance: the client's own ceiling). Arguments: record counts (default 10000 100000). System
 * properties: {@code server} ({@code sandbox,replay}), {@code batchSize} (500),
 * {@code pauseMs} (0: the benchmark measures the client, not the politeness pause; the default
 * configuration's 500 ms pacing caps an export at 1,000 records/s with batches of 500), {@code runs}
 * (measured exports, 5, and their median), {@code warmupRecords} (300,000: unmeasured exports first until
 * that many records went through, during which both JVMs compile their hot code; the first of them is the
 * cold figure) or {@code warmups} (a number of warm-up exports instead),
 * {@code serverJvmArgs} (extra options for the server JVM, e.g. a flight recording), and {@code client}
 * ({@code redcap}, or {@code raw}: {@link BenchRawExport} sends the same requests and drops the answers unread,
 * which times the server's side alone). Each export also
 * prints the CPU time the client and the server JVM used, which stays meaningful on a busy machine.
 */
public final class ExportBenchmark {

    private static final int RATING_FIELDS = 58;

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<Integer> sizes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"10000", "100000"} : args) {
            sizes.add(Integer.parseInt(a));
        }
        int batchSize = Integer.getInteger("batchSize", 500);
        Duration pause = Duration.ofMillis(Long.getLong("pauseMs", 0));
        System.out.printf("client JVM: max heap %d MB, %d CPUs; batch %d, pause %d ms%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), batchSize,
                pause.toMillis());
        for (String server : System.getProperty("server", "sandbox,replay").split(",")) {
            System.out.println("server: " + server + (server.equals("replay")
                    ? " (pre-rendered answers: the client's ceiling)" : " (concord.connector.sandbox, the REDCap emulator)"));
            for (int records : sizes) {
                run(server, records, batchSize, pause);
            }
        }
    }

    private static void run(String serverKind, int records, int batchSize, Duration pause) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String main = serverKind.equals("replay") ? BenchReplayServer.class.getName() : BenchSandboxServer.class.getName();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx3g"));
        String serverJvmArgs = System.getProperty("serverJvmArgs", "").trim();
        if (!serverJvmArgs.isEmpty()) {
            command.addAll(List.of(serverJvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main,
                Integer.toString(records), Integer.toString(RATING_FIELDS), Integer.toString(batchSize)));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
                if (line == null) {
                    throw new IllegalStateException("the sandbox JVM ended before it was ready");
                }
            } while (!line.startsWith("READY "));
            String[] ready = line.split(" ");
            RedcapClientConfiguration configuration = RedcapClientConfiguration.of(ready[1], ready[2])
                    .withBatchSize(batchSize).withInterBatchPause(pause);
            int runs = Integer.getInteger("runs", 5);
            // Warm up by records, not exports: both sizes are then measured with the same compiled code, as in a
            // long-running service. A 10,000-record export alone is over before either JVM has compiled its loops.
            int warmups = Integer.getInteger("warmups",
                    (int) Math.max(1, (Long.getLong("warmupRecords", 300_000) + records - 1) / records));
            List<Double> rates = new ArrayList<>();
            boolean raw = System.getProperty("client", "redcap").equals("raw");
            OkHttpClient http = new OkHttpClient();
            try (RedcapClient client = RedcapClient.create(configuration)) {
                Export export = raw
                        ? bytes -> BenchRawExport.run(http, ready[1], ready[2], records, batchSize, bytes)
                        : values -> client.exportRecords(RecordQuery.all(), (RedcapRecord r) -> values.addAndGet(r.values().size()));
                for (int w = 0; w < warmups; w++) {
                    export(export, raw, server, "warm-up", records);
                }
                for (int run = 1; run <= runs; run++) {
                    rates.add(export(export, raw, server, runs == 1 ? "measured" : "run " + run, records));
                }
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            if (runs > 1) {
                List<Double> sorted = rates.stream().sorted().toList();
                double median = runs % 2 == 1 ? sorted.get(runs / 2) : (sorted.get(runs / 2 - 1) + sorted.get(runs / 2)) / 2;
                System.out.printf("median   %,9d records: %,9.0f records/s over %d runs (min %,.0f, max %,.0f)%n",
                        records, median, runs, sorted.get(0), sorted.get(runs - 1));
            }
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    /** One export; counts values (or, raw, bytes) into the counter. */
    @FunctionalInterface
    private interface Export {
        ExportSummary run(AtomicLong counter);
    }

    /** One export; prints its figures and returns records per second. */
    private static double export(Export export, boolean raw, Process server, String label, int expected) {
        System.gc();
        long baseline = usedHeap();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong values = new AtomicLong();
        long clientCpu = processCpuNanos();
        long serverCpu = cpuNanos(server);
        long gcMillis = gcMillis();
        ExportSummary summary = export.run(values);
        clientCpu = processCpuNanos() - clientCpu;
        serverCpu = cpuNanos(server) - serverCpu;
        gcMillis = gcMillis() - gcMillis;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (summary.records() != expected) {
            throw new IllegalStateException("exported " + summary.records() + " records, expected " + expected);
        }
        double seconds = summary.elapsed().toNanos() / 1e9;
        if (raw) {
            System.out.printf("%-8s %,9d records (serve only, %,d bytes read and dropped): %6.2f s, %,9.0f records/s, "
                            + "%d requests; CPU client %.2f s, server %.2f s%n", label, summary.records(), values.get(), seconds,
                    summary.records() / seconds, summary.requests(), clientCpu / 1e9, serverCpu / 1e9);
            return summary.records() / seconds;
        }
        System.out.printf("%-8s %,9d records × %d columns: %6.2f s, %,9.0f records/s, %,11.0f values/s, %d batches, "
                        + "%d requests; heap after GC before export %d MB, peak during export %d MB; "
                        + "CPU client %.2f s (GC %d ms), server %.2f s%n",
                label, summary.records(), values.get() / summary.rows(), seconds, summary.records() / seconds,
                values.get() / seconds, summary.batches(), summary.requests(), baseline >> 20, peak >> 20,
                clientCpu / 1e9, gcMillis, serverCpu / 1e9);
        return summary.records() / seconds;
    }

    /**
     * CPU time of this JVM (all threads, GC included). With the server's it shows where the time goes even
     * when other work on the machine stretches the wall-clock figures.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Time the client's collectors report (pauses and, for concurrent collectors, their cycles). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
