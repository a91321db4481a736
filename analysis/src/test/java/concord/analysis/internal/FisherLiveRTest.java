package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.FisherExactResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fresh random tables (not stored anywhere, so nothing here was tuned to them) through R's
 * {@code fisher.test(workspace = 2e8)} and through Concord: they agree within 1e-6 relative. Runs
 * when {@code Rscript} is installed (Debian package r-base-core, which {@code .ci/setup-machine}
 * installs); otherwise skipped with that message.
 */
class FisherLiveRTest {

    private static final String SCRIPT = String.join("\n",
            "lines <- readLines(commandArgs(TRUE)[1])",
            "for (l in lines) {",
            "  rows <- lapply(strsplit(strsplit(l, ';')[[1]], ','), as.numeric)",
            "  tab <- do.call(rbind, rows)",
            "  cat(sprintf('%.17g', fisher.test(tab, workspace = 2e8)$p.value), '\\n')",
            "}");

    @Test
    void agreesWithRWithinOneInAMillionOnFreshRandomTables() throws Exception {
        Path rscript = Path.of("/usr/bin/Rscript");
        assumeTrue(Files.isExecutable(rscript), "R is not installed (Debian package r-base-core); skipping the live comparison");
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<long[][]> tables = new ArrayList<>();
        while (tables.size() < 30) {
            int rows = 2 + random.nextInt(4);
            int columns = rows == 2 ? 2 + random.nextInt(2) : 3;
            long[][] t = new long[rows][columns];
            int n = 10 + random.nextInt(rows <= 3 ? 150 : 60);
            double skew = random.nextDouble();
            for (int k = 0; k < n; k++) {
                int i = random.nextInt(rows);
                int j = random.nextDouble() < skew ? Math.min(columns - 1, i % columns) : random.nextInt(columns);
                t[i][j]++;
            }
            if (Arrays.stream(t).allMatch(r -> Arrays.stream(r).sum() > 0) && columnsUsed(t)) {
                tables.add(t);
            }
        }
        Path input = Files.createTempFile("fisher-live", ".txt");
        Path script = Files.createTempFile("fisher-live", ".R");
        try {
            Files.write(input, tables.stream().map(FisherLiveRTest::line).toList(), StandardCharsets.UTF_8);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            Process r = new ProcessBuilder(rscript.toString(), script.toString(), input.toString())
                    .redirectErrorStream(true).start();
            String out = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(r.waitFor(5, TimeUnit.MINUTES) && r.exitValue() == 0, out);
            String[] values = out.trim().split("\\s+");
            assertEquals(tables.size(), values.length, out);
            AnalysisOptions o = AnalysisOptions.defaults();
            double worst = 0;
            for (int k = 0; k < tables.size(); k++) {
                double expected = Double.parseDouble(values[k]);
                FisherExactResult ours = FisherFreemanHalton.test(tables.get(k), o.fisherEnumerationLimit(),
                        o.fisherNetworkLimit(), o.fisherMonteCarloSamples(), o.fisherMonteCarloSeed(), o.fisherMonteCarloMaxN()).value();
                double relative = Math.abs(ours.p() - expected) / expected;
                worst = Math.max(worst, relative);
                assertTrue(ours.exact() && relative <= FisherAgainstRTest.AGREEMENT, String.format(Locale.ROOT,
                        "%s (tables from seed %d): ours %.17g (%s), R %.17g", line(tables.get(k)), seed, ours.p(),
                        ours.methodDescription(), expected));
            }
            System.out.printf(Locale.ROOT, "live R comparison: %d fresh tables, largest relative difference %.2e%n", tables.size(), worst);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(script);
        }
    }

    private static boolean columnsUsed(long[][] t) {
        for (int j = 0; j < t[0].length; j++) {
            long sum = 0;
            for (long[] row : t) {
                sum += row[j];
            }
            if (sum == 0) {
                return false;
            }
        }
        return true;
    }

    private static String line(long[][] t) {
        return Arrays.stream(t).map(r -> Arrays.stream(r).mapToObj(Long::toString).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }
}
