package concord.analysis.bench;

import concord.analysis.AnalysisOptions;
import concord.analysis.FisherExactResult;
import concord.analysis.internal.FisherFreemanHalton;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the Fisher–Freeman–Halton test with the default limits on the tables the issue names
 * (4 × 3 with N = 500, 2 × 3 with N = 5,000) and on larger ones, printing per table the method, p,
 * and the median wall-clock and CPU time of 5 runs after 2 warm-up runs (CPU time is the fairer
 * figure on a shared machine; the load average is printed too).
 *
 * <pre>
 * mvn -B -q -pl analysis -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp "analysis/target/test-classes:analysis/target/classes:$(cat analysis/target/bench.classpath)" \
 *     concord.analysis.bench.FisherBenchmark
 * </pre>
 */
public final class FisherBenchmark {

    private record Case(String name, long[][] table) {
    }

    private static final Case[] CASES = {
        new Case("2 x 3, N = 5,000 (3,000/2,000)", new long[][] {{2000, 700, 300}, {1200, 500, 300}}),
        new Case("2 x 3, N = 5,000 (2,500/2,500)", new long[][] {{1254, 767, 479}, {1263, 725, 512}}),
        new Case("4 x 3, N = 500 (125 per group)", new long[][] {{68, 31, 26}, {57, 41, 27}, {62, 33, 30}, {59, 46, 20}}),
        new Case("4 x 3, N = 500 (165/50/37/248)", new long[][] {{106, 45, 14}, {29, 18, 3}, {23, 11, 3}, {157, 69, 22}}),
        new Case("4 x 3, N = 121 (40/12/9/60)", new long[][] {{27, 6, 7}, {8, 4, 0}, {7, 0, 2}, {33, 16, 11}}),
        new Case("3 x 3, N = 900 (300 per group)", new long[][] {{181, 81, 38}, {177, 95, 28}, {168, 98, 34}}),
        new Case("4 x 3, N = 1,200 (300 per group)", new long[][] {{149, 85, 66}, {166, 74, 60}, {158, 87, 55}, {146, 90, 64}}),
        new Case("5 x 3, N = 250, p = 5.7e-7", new long[][] {{37, 8, 5}, {32, 16, 2}, {30, 14, 6}, {20, 21, 9}, {12, 18, 20}}),
        new Case("5 x 3, N = 1,000 (200 per group)", new long[][] {{111, 69, 20}, {113, 69, 18}, {128, 52, 20}, {121, 57, 22}, {123, 59, 18}}),
        new Case("6 x 3, N = 300 (50 per group)", new long[][] {{33, 12, 5}, {29, 18, 3}, {24, 16, 10}, {34, 10, 6}, {30, 15, 5}, {30, 16, 4}}),
        new Case("6 x 3, N = 150, p = 1.7e-14", new long[][] {{24, 1, 0}, {16, 6, 3}, {14, 7, 4}, {7, 13, 5}, {6, 7, 12}, {1, 3, 21}}),
        new Case("6 x 3, N = 600 (100 per group)", new long[][] {{50, 40, 10}, {60, 28, 12}, {65, 29, 6}, {54, 32, 14}, {63, 31, 6}, {58, 29, 13}}),
    };

    private FisherBenchmark() {
    }

    public static void main(String[] args) {
        AnalysisOptions o = AnalysisOptions.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "Fisher-Freeman-Halton, default limits (enumeration <= %,d tables, network <= %,d steps); "
                + "%d cores, load average %.1f%n", o.fisherEnumerationLimit(), o.fisherNetworkLimit(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-36s %-11s %-24s %12s %12s  %s%n", "table", "method", "p", "wall ms", "cpu ms", "detail");
        for (Case c : CASES) {
            double[] wall = new double[5];
            double[] cpu = new double[5];
            FisherExactResult result = null;
            for (int run = -2; run < 5; run++) {
                long w0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                result = FisherFreemanHalton.test(c.table(), o.fisherEnumerationLimit(), o.fisherNetworkLimit(),
                        o.fisherMonteCarloSamples(), o.fisherMonteCarloSeed(), o.fisherMonteCarloMaxN()).value();
                if (run >= 0) {
                    wall[run] = (System.nanoTime() - w0) / 1e6;
                    cpu[run] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%-36s %-11s %-24.17g %12.1f %12.1f  %s%n", c.name(), result.method().key(),
                    result.p(), median(wall), median(cpu), result.methodDescription());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
