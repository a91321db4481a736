package concord.server.web;

import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import io.micronaut.core.annotation.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.LinkedHashMap;

/**
 * How the dashboard's Table 1 is filtered and ordered, from query parameters so that plain links work
 * without JavaScript: {@code sort} = {@code study} (default), {@code outcome}, {@code domain}, {@code p}
 * (rank-test p, smallest first) or {@code differs} (differing outcomes first); {@code domain} = one
 * domain; {@code differs} = {@code yes} or {@code no}. Unknown values fall back to the defaults.
 */
public record Table1Query(String sort, String domain, String differs) {
    public static final List<String> SORTS = List.of("study", "outcome", "domain", "p", "differs");

    public Table1Query {
        sort = sort == null || !SORTS.contains(sort) ? "study" : sort;
        domain = domain == null ? "" : domain;
        differs = "yes".equals(differs) || "no".equals(differs) ? differs : "";
    }

    public static Table1Query of(@Nullable String sort, @Nullable String domain, @Nullable String differs) {
        return new Table1Query(sort == null ? null : sort.toLowerCase(Locale.ROOT), domain,
                differs == null ? null : differs.toLowerCase(Locale.ROOT));
    }

    public Table1Query withSort(String newSort) {
        return new Table1Query(newSort, domain, differs);
    }

    public Table1Query withDomain(String newDomain) {
        return new Table1Query(sort, newDomain, differs);
    }

    public Table1Query withDiffers(String newDiffers) {
        return new Table1Query(sort, domain, newDiffers);
    }

    /** The query string (without {@code ?}) for links; default values left out. */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!sort.equals("study")) {
            out.put("sort", sort);
        }
        if (!domain.isEmpty()) {
            out.put("domain", domain);
        }
        if (!differs.isEmpty()) {
            out.put("differs", differs);
        }
        return out;
    }

    /** The domains present in the result, sorted, for the filter. */
    public static List<String> domains(StudyResult result) {
        TreeSet<String> domains = new TreeSet<>();
        result.outcomes().forEach(o -> domains.add(o.outcome().domain()));
        return List.copyOf(domains);
    }

    /** The result with only the selected outcomes, in the selected order (statistics untouched). */
    public StudyResult apply(StudyResult result) {
        List<OutcomeResult> outcomes = result.outcomes().stream()
                .filter(o -> domain.isEmpty() || o.outcome().domain().equals(domain))
                .filter(o -> differs.isEmpty() || o.comparison().differs() == differs.equals("yes"))
                .sorted(comparator())
                .toList();
        return new StudyResult(result.title(), result.groups(), outcomes, result.participantCharacteristics(),
                result.scale(), result.consensusRule(), result.options(), result.methods());
    }

    private Comparator<OutcomeResult> comparator() {
        return switch (sort) {
            case "outcome" -> Comparator.comparing((OutcomeResult o) -> o.outcome().label(), String.CASE_INSENSITIVE_ORDER);
            case "domain" -> Comparator.comparing((OutcomeResult o) -> o.outcome().domain(), String.CASE_INSENSITIVE_ORDER);
            case "p" -> Comparator.comparingDouble((OutcomeResult o) -> orLast(o.comparison().rankTestP()));
            case "differs" -> Comparator.comparing((OutcomeResult o) -> !o.comparison().differs());
            default -> (a, b) -> 0; // stable sort keeps study order
        };
    }

    private static double orLast(OptionalDouble p) {
        return p.isPresent() ? p.getAsDouble() : Double.MAX_VALUE;
    }
}
