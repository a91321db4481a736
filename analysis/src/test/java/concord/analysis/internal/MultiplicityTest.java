package concord.analysis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MultiplicityTest {

    @Test
    void matchesScipyBenjaminiHochbergAndIndependentHolm() throws Exception {
        JsonNode m;
        try (InputStream in = getClass().getResourceAsStream("/concord/analysis/reference/reference-cases.json")) {
            m = new ObjectMapper().readTree(in).get("multiplicity");
        }
        double[] p = toArray(m.get("p"));
        assertArrayEquals(toArray(m.get("q")), Multiplicity.benjaminiHochberg(p), 1e-15);
        assertArrayEquals(toArray(m.get("holm")), Multiplicity.holm(p), 1e-15);
    }

    @Test
    void smallHandCases() {
        assertArrayEquals(new double[]{0.03, 0.03, 0.03}, Multiplicity.benjaminiHochberg(new double[]{0.01, 0.02, 0.03}), 1e-15);
        assertArrayEquals(new double[]{0.03, 0.04, 0.04}, Multiplicity.holm(new double[]{0.01, 0.02, 0.04}), 1e-15);
        assertArrayEquals(new double[]{0.03, 1.0}, Multiplicity.bonferroni(new double[]{0.015, 0.6}), 1e-15);
        assertEquals(0, Multiplicity.benjaminiHochberg(new double[0]).length);
    }

    private static double[] toArray(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }
}
