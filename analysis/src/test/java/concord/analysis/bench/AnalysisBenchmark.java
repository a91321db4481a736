package concord.analysis.bench;

import concord.analysis.Outcome;
import concord.analysis.Participant;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Accumulates 1,000,000 participants × 57 outcomes (3% missing answers) on one thread, then
 * computes the full result. Prints ratings/s, analysis time, and the heap in use after
 * accumulating 10,000 and 1,000,000 participants (it should not grow).
 *
 * <pre>
 * mvn -B -q -pl analysis -am test-compile
 * java -cp "analysis/target/test-classes:analysis/target/classes:$(cat analysis/target/bench.classpath)" \
 *     concord.analysis.bench.AnalysisBenchmark [participants]
 * </pre>
 * (see docs/analysis.md for the one-line command that also writes {@code bench.classpath}).
 */
public final class AnalysisBenchmark {

    private static final int OUTCOMES = 57;
    private static final int BLOCK = 10_000;

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Outcome> outcomes = new ArrayList<>();
        for (int o = 0; o < OUTCOMES; o++) {
            outcomes.add(new Outcome("q" + o, "Outcome " + o, "Domain " + (o % 17)));
        }
        Study study = Study.of("benchmark", outcomes,
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")));

        // Pre-generated ratings (0 = missing), replayed block by block, so the timing is accumulation only.
        SplittableRandom random = new SplittableRandom(1);
        byte[] scores = new byte[BLOCK * OUTCOMES];
        int[] groups = new int[BLOCK];
        for (int p = 0; p < BLOCK; p++) {
            groups[p] = random.nextInt(100) < 46 ? 0 : 1;
            for (int o = 0; o < OUTCOMES; o++) {
                scores[p * OUTCOMES + o] = (byte) (random.nextInt(100) < 3 ? 0 : 1 + random.nextInt(9));
            }
        }

        for (int warm = 0; warm < 5; warm++) {
            accumulate(study, scores, groups, Math.min(participants, 200_000));
        }
        long heapSmall = usedHeapAfter(accumulate(study, scores, groups, BLOCK));
        double[] rates = new double[5];
        RatingAccumulator full = null;
        for (int run = 0; run < rates.length; run++) {
            long start = System.nanoTime();
            full = accumulate(study, scores, groups, participants);
            long nanos = System.nanoTime() - start;
            rates[run] = (double) participants * OUTCOMES / (nanos / 1e9);
        }
        long heapFull = usedHeapAfter(full);

        // The validated record path the server uses: Participant objects with field-name maps.
        List<Participant> records = new ArrayList<>();
        for (int p = 0; p < BLOCK; p++) {
            Map<String, Integer> ratings = new HashMap<>();
            for (int o = 0; o < OUTCOMES; o++) {
                int s = scores[p * OUTCOMES + o];
                if (s != 0) {
                    ratings.put("q" + o, s);
                }
            }
            records.add(new Participant("r" + p, groups[p] == 0 ? "1" : "2", ratings, Map.of()));
        }
        double recordRate = 0;
        for (int run = 0; run < 10; run++) {
            RatingAccumulator viaRecords = new RatingAccumulator(study);
            long start = System.nanoTime();
            for (int rep = 0; rep < 10; rep++) {
                records.forEach(viaRecords::add);
            }
            recordRate = Math.max(recordRate, 10.0 * BLOCK * OUTCOMES / ((System.nanoTime() - start) / 1e9));
        }

        StudyAnalyzer analyzer = StudyAnalyzer.withDefaults();
        StudyResult result = null;
        double[] millis = new double[20];
        for (int run = 0; run < 30 + millis.length; run++) {
            long start = System.nanoTime();
            result = analyzer.analyze(full);
            if (run >= 30) {
                millis[run - 30] = (System.nanoTime() - start) / 1e6;
            }
        }
        long jsonStart = System.nanoTime();
        int jsonLength = StudyResultJson.write(result).length();
        double jsonMillis = (System.nanoTime() - jsonStart) / 1e6;

        Arrays.sort(rates);
        Arrays.sort(millis);
        System.out.printf("participants            %,d × %d outcomes = %,d ratings%n", participants, OUTCOMES,
                (long) participants * OUTCOMES);
        System.out.printf("accumulation            median %.1f M ratings/s (min %.1f, max %.1f) on one thread%n",
                rates[rates.length / 2] / 1e6, rates[0] / 1e6, rates[rates.length - 1] / 1e6);
        System.out.printf("record path (Participant) best %.1f M ratings/s (%,d records × 10)%n", recordRate / 1e6, BLOCK);
        System.out.printf("analysis (57 outcomes)  median %.2f ms (min %.2f, max %.2f)%n",
                millis[millis.length / 2], millis[0], millis[millis.length - 1]);
        System.out.printf("JSON rendering          %.1f ms, %,d characters%n", jsonMillis, jsonLength);
        System.out.printf("heap in use             %,d KiB after %,d participants, %,d KiB after %,d%n",
                heapSmall / 1024, BLOCK, heapFull / 1024, participants);
        System.out.printf("check                   Doctor n = %,d, outcome q0 Fisher: %s%n",
                result.groups().get(0).n(),
                result.outcomes().get(0).comparison().notComputable().getOrDefault("fisherExactP", "computed"));
    }

    private static RatingAccumulator accumulate(Study study, byte[] scores, int[] groups, int participants) {
        RatingAccumulator acc = new RatingAccumulator(study);
        for (int done = 0; done < participants; done += BLOCK) {
            int count = Math.min(BLOCK, participants - done);
            for (int p = 0; p < count; p++) {
                int g = groups[p];
                acc.addParticipant(g);
                int base = p * OUTCOMES;
                for (int o = 0; o < OUTCOMES; o++) {
                    int s = scores[base + o];
                    if (s == 0) {
                        acc.addMissing(g, o);
                    } else {
                        acc.add(g, o, s);
                    }
                }
            }
        }
        return acc;
    }

    /** Heap in use after a full GC while {@code keep} is still reachable. */
    private static long usedHeapAfter(Object keep) {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = rt.totalMemory() - rt.freeMemory();
        if (keep.hashCode() == 42) {
            System.out.print("");
        }
        return used;
    }
}
