package concord.server.clbpoq;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo participants' characteristics are those the paper reports (study.md, "Participants"). */
class ClbpoqDemographicsTest {

    static List<Map<String, String>> doctors;
    static List<Map<String, String>> patients;

    @BeforeAll
    static void read() throws Exception {
        List<Map<String, String>> records = DeployFiles.csvRecords(ClbpoqGenerator.RECORDS);
        doctors = records.stream().filter(r -> r.get("group").equals("1")).toList();
        patients = records.stream().filter(r -> r.get("group").equals("2")).toList();
    }

    @Test
    void patients() {
        assertEquals(30, patients.size());
        assertEquals(21, count(patients, "sex", "1"), "female patients");
        double[] age = numbers(patients, "age");
        assertEquals("45.00", f2(FittedSample.mean(age)));
        assertEquals("11.74", f2(FittedSample.sd(age)));
        assertEquals(20, min(age));
        assertEquals(72, max(age));
        double[] years = numbers(patients, "pain_years");
        Arrays.sort(years);
        assertEquals(2.0, (years[14] + years[15]) / 2, "median years with pain");
        assertEquals(0.25, years[0]);
        assertEquals(40, years[29]);
        for (int code = 1; code <= 5; code++) {
            assertEquals(ClbpoqParticipants.DIAGNOSIS_COUNTS[code - 1], count(patients, "diagnosis", "" + code));
        }
        for (String doctorOnly : List.of("specialty", "qualification", "practice_years")) {
            assertEquals(30, count(patients, doctorOnly, ""), doctorOnly + " is hidden for patients");
        }
    }

    @Test
    void doctors() {
        assertEquals(26, doctors.size());
        assertEquals(4, count(doctors, "sex", "1"), "female doctors");
        double[] age = numbers(doctors, "age");
        assertEquals("41.7", f1(FittedSample.mean(age)));
        assertEquals("6.7", f1(FittedSample.sd(age)));
        assertEquals(30, min(age));
        assertEquals(59, max(age));
        double[] practice = numbers(doctors, "practice_years");
        assertEquals("16.3", f1(FittedSample.mean(practice)));
        assertEquals("8.5", f1(FittedSample.sd(practice)));
        assertEquals(2, min(practice));
        assertEquals(37, max(practice));
        int[] specialties = {5, 10, 3, 5, 3};   // acupuncture, tuina, rehabilitation, orthopedics, anesthesia
        for (int code = 1; code <= 5; code++) {
            assertEquals(specialties[code - 1], count(doctors, "specialty", "" + code));
        }
        for (Map<String, String> d : doctors) {
            int years = Integer.parseInt(d.get("practice_years"));
            assertTrue(Integer.parseInt(d.get("age")) - years >= 22, "record " + d.get("record_id")
                    + " started practice before 22");
            assertTrue(d.get("diagnosis").isEmpty() && d.get("pain_years").isEmpty());
            assertTrue(!d.get("qualification").isEmpty());
        }
    }

    private static long count(List<Map<String, String>> rows, String field, String value) {
        return rows.stream().filter(r -> r.get(field).equals(value)).count();
    }

    private static double[] numbers(List<Map<String, String>> rows, String field) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(field))).toArray();
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElseThrow();
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElseThrow();
    }

    private static String f1(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
