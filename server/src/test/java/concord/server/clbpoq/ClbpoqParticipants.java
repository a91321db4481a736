package concord.server.clbpoq;

import concord.analysis.reconstruction.ReconstructedParticipant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The 56 demo participants as REDCap records (raw values by field name): reconstructed ratings plus
 * demographics consistent with the paper's participant description. Where the paper gives only
 * totals (specialties, diagnoses named but not counted, titles not given), the split is Concord's
 * and documented in docs/reference-study.md.
 */
final class ClbpoqParticipants {

    static final int DOCTORS = 26;
    static final int PATIENTS = 30;

    /** Diagnosis code → number of patients (the paper names the diagnoses but not their counts). */
    static final int[] DIAGNOSIS_COUNTS = {10, 11, 4, 2, 3};
    /** Specialty code → number of doctors (acupuncture 5, tuina 10, rehabilitation 3, orthopedics 5, anesthesia 3). */
    static final int[] SPECIALTY_COUNTS = {5, 10, 3, 5, 3};
    /** Professional title code → number of doctors, by increasing experience (not in the paper). */
    static final int[] TITLE_COUNTS = {3, 9, 9, 5};
    /** Years with pain: median 2, range 0.25–40 (paper); the other values are Concord's. */
    static final double[] PAIN_YEARS = {0.25, 0.5, 0.5, 0.75, 1, 1, 1, 1.5, 1.5, 1.5, 1.5, 2, 2, 2, 2, 2, 2, 3, 3,
            4, 5, 5, 6, 8, 10, 10, 12, 15, 20, 40};

    private ClbpoqParticipants() {
    }

    /** Records in record-ID order; record IDs are assigned in a seeded random order of the participants. */
    static List<Map<String, String>> records(List<ReconstructedParticipant> people, ClbpoqCatalog catalog, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, String>> doctors = doctors(random);
        List<Map<String, String>> patients = patients(random);
        List<Map<String, String>> all = new ArrayList<>();
        for (ReconstructedParticipant p : people) {
            Map<String, String> r = new LinkedHashMap<>();
            boolean doctor = p.group().equals("Doctor");
            r.put("group", doctor ? "1" : "2");
            r.putAll((doctor ? doctors : patients).get(p.number() - 1));
            for (ClbpoqCatalog.Outcome o : catalog.questionnaireOrder()) {
                Integer score = p.ratings().get(o.label());
                r.put(o.field(), score == null ? "" : Integer.toString(score));
            }
            all.add(r);
        }
        int[] order = shuffle(IntStream.range(0, all.size()).toArray(), random);
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("record_id", Integer.toString(i + 1));
            r.putAll(all.get(order[i]));
            r.put("participant_complete", "2");
            r.put("outcome_ratings_complete", "2");
            records.add(r);
        }
        return records;
    }

    private static List<Map<String, String>> doctors(SplittableRandom random) {
        int[] ages = FittedSample.integers(random, DOCTORS, 30, 59, 41.7, 0.049, 6.7, 0.049);
        int[] practice = FittedSample.integers(random, DOCTORS, 2, 37, 16.3, 0.049, 8.5, 0.049);
        Arrays.sort(ages);
        Arrays.sort(practice);   // the oldest have practised longest (age − practice >= 22 is checked by a test)
        int[] sex = shuffle(codes(new int[] {4, DOCTORS - 4}), random);
        int[] specialty = shuffle(codes(SPECIALTY_COUNTS), random);
        int[] title = codes(TITLE_COUNTS);   // by increasing experience, like ages and practice years
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < DOCTORS; i++) {
            Map<String, String> r = demographics(ages[i], sex[i]);
            r.put("specialty", Integer.toString(specialty[i]));
            r.put("qualification", Integer.toString(title[i]));
            r.put("practice_years", Integer.toString(practice[i]));
            rows.add(r);
        }
        return shuffled(rows, random);
    }

    private static List<Map<String, String>> patients(SplittableRandom random) {
        int[] ages = shuffle(FittedSample.integers(random, PATIENTS, 20, 72, 45.0, 0.0049, 11.74, 0.0049), random);
        int[] sex = shuffle(codes(new int[] {21, PATIENTS - 21}), random);
        int[] diagnosis = shuffle(codes(DIAGNOSIS_COUNTS), random);
        double[] years = PAIN_YEARS.clone();
        int[] yearOrder = shuffle(IntStream.range(0, PATIENTS).toArray(), random);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            Map<String, String> r = demographics(ages[i], sex[i]);
            r.put("diagnosis", Integer.toString(diagnosis[i]));
            r.put("pain_years", plain(years[yearOrder[i]]));
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, String> demographics(int age, int sex) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("age", Integer.toString(age));
        r.put("sex", Integer.toString(sex));
        return r;
    }

    /** {1,1,…,2,2,…}: code k repeated counts[k−1] times. */
    private static int[] codes(int[] counts) {
        return IntStream.range(0, counts.length).flatMap(k -> IntStream.generate(() -> k + 1).limit(counts[k]))
                .toArray();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static <T> List<T> shuffled(List<T> list, SplittableRandom random) {
        int[] order = shuffle(IntStream.range(0, list.size()).toArray(), random);
        return Arrays.stream(order).mapToObj(list::get).toList();
    }

    static int[] shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static Comparator<Map<String, String>> byRecordId() {
        return Comparator.comparingInt(r -> Integer.parseInt(r.get("record_id")));
    }
}
