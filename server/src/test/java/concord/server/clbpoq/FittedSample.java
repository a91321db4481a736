package concord.server.clbpoq;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Integer samples with a published mean, SD (n − 1) and range, e.g. "age 45 ± 11.74, range 20–72":
 * the minimum and maximum are pinned, the rest start near the mean and are nudged by ±1 steps
 * (greedy, seeded) until mean and SD round to the published values.
 */
final class FittedSample {

    private FittedSample() {
    }

    static int[] integers(SplittableRandom random, int n, int min, int max, double mean, double meanTolerance,
                          double sd, double sdTolerance) {
        int[] x = new int[n];
        x[0] = min;
        x[1] = max;
        for (int i = 2; i < n; i++) {
            x[i] = (int) Math.max(min, Math.min(max, Math.round(mean + sd * gaussian(random))));
        }
        double score = score(x, mean, meanTolerance, sd, sdTolerance);
        for (int step = 0; step < 200_000 && score > 0; step++) {
            int[] candidate = x.clone();
            int i = 2 + random.nextInt(n - 2);
            int j = 2 + random.nextInt(n - 2);
            int di = random.nextBoolean() ? 1 : -1;
            candidate[i] += di;
            if (random.nextBoolean() && i != j) {
                candidate[j] -= di;   // a pair move keeps the sum and changes only the spread
            }
            if (candidate[i] < min || candidate[i] > max || candidate[j] < min || candidate[j] > max) {
                continue;
            }
            double s = score(candidate, mean, meanTolerance, sd, sdTolerance);
            if (s <= score) {
                x = candidate;
                score = s;
            }
        }
        if (score > 0) {
            throw new IllegalStateException("Could not fit " + n + " integers in " + min + ".." + max + " to mean "
                    + mean + " and SD " + sd + "; got " + Arrays.toString(x));
        }
        return x;
    }

    static double mean(double[] x) {
        return Mean.of(x).getAsDouble();
    }

    static double sd(double[] x) {
        return StandardDeviation.of(x).getAsDouble();
    }

    private static double score(int[] x, double mean, double meanTolerance, double sd, double sdTolerance) {
        double[] d = Arrays.stream(x).asDoubleStream().toArray();
        double m = Math.max(0, Math.abs(mean(d) - mean) - meanTolerance) / meanTolerance;
        double s = Math.max(0, Math.abs(sd(d) - sd) - sdTolerance) / sdTolerance;
        return m + s;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
