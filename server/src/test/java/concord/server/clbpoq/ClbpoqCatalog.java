package concord.server.clbpoq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The CLBPOQ questionnaire: its 57 outcomes (the paper's labels, Concord's field names and short
 * definitions) and the 17 COMET taxonomy domains they are grouped in. Read from
 * {@code clbpoq/outcomes.tsv} and {@code clbpoq/domains.tsv}; the domain assignment is Concord's
 * (see docs/reference-study.md).
 */
record ClbpoqCatalog(List<Domain> domains, List<Outcome> outcomes) {

    /** A COMET (Dodd et al. 2018) outcome domain and the matrix group holding its outcomes. */
    record Domain(String name, String coreArea, String matrix) {
    }

    /** One questionnaire item. */
    record Outcome(String label, String field, String domain, String definition) {
    }

    static ClbpoqCatalog load() {
        List<Domain> domains = new ArrayList<>();
        for (String[] row : tsv("clbpoq/domains.tsv")) {
            domains.add(new Domain(row[0], row[1], row[2]));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String[] row : tsv("clbpoq/outcomes.tsv")) {
            outcomes.add(new Outcome(row[0], row[1], row[2], row[3]));
        }
        return new ClbpoqCatalog(domains, outcomes);
    }

    ClbpoqCatalog {
        domains = List.copyOf(domains);
        outcomes = List.copyOf(outcomes);
        List<String> names = domains.stream().map(Domain::name).toList();
        for (Outcome o : outcomes) {
            if (!names.contains(o.domain())) {
                throw new IllegalStateException("Outcome '" + o.label() + "' has domain '" + o.domain()
                        + "', which is not in clbpoq/domains.tsv");
            }
        }
    }

    Domain domain(String name) {
        return domains.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalStateException("Outcome domain '" + name + "' is not in clbpoq/domains.tsv"));
    }

    Outcome byLabel(String label) {
        return outcomes.stream().filter(o -> o.label().equals(label)).findFirst().orElseThrow(() ->
                new IllegalStateException("Outcome '" + label + "' is not in clbpoq/outcomes.tsv"));
    }

    /**
     * Outcomes in questionnaire order: by domain (COMET order, so that each domain is one matrix),
     * and within a domain in the order of the paper's Table 1.
     */
    List<Outcome> questionnaireOrder() {
        List<Outcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(Comparator.comparingInt((Outcome o) -> domains.indexOf(domain(o.domain())))
                .thenComparingInt(outcomes::indexOf));
        return ordered;
    }

    private static List<String[]> tsv(String resource) {
        InputStream in = ClbpoqCatalog.class.getClassLoader().getResourceAsStream(resource);
        Objects.requireNonNull(in, () -> "Test resource " + resource + " is missing");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
