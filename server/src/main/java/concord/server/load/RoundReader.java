package concord.server.load;

import concord.analysis.DelphiAccumulator;
import concord.analysis.Round;
import concord.connector.Choice;
import concord.connector.FieldMetadata;
import concord.connector.FieldType;
import concord.connector.FormEventMapping;
import concord.connector.RedcapEvent;
import concord.server.load.internal.Texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves a project's {@link RoundSource} against its dictionary and events; every misfit is a problem naming the fix. */
final class RoundReader {
    private RoundReader() {
    }

    /** The rounds, or null for a single survey (or when a problem was added). */
    static StudyRounds resolve(StudySpec spec, Map<String, FieldMetadata> byName, List<String> ratingForms,
                               List<FormEventMapping> mappings, List<RedcapEvent> events, List<String> problems,
                               List<String> warnings, String where) {
        RoundSource source = spec.rounds();
        return switch (source.kind()) {
            case NONE -> null;
            case FIELD -> byField(spec, source.field(), byName, ratingForms, problems, warnings, where);
            case EVENTS -> byEvents(spec, source.events(), ratingForms, mappings, events, problems, where);
        };
    }

    private static StudyRounds byField(StudySpec spec, String name, Map<String, FieldMetadata> byName, List<String> ratingForms,
                                       List<String> problems, List<String> warnings, String where) {
        FieldMetadata f = byName.get(name);
        String it = "round-field '" + name + "'";
        if (f == null) {
            problems.add(where + it + " is not in the data dictionary; add the field (radio or dropdown, one choice per "
                    + "round: 1, Round 1 | 2, Round 2 | …) or correct round-field.");
            return null;
        }
        if (name.equals(spec.groupField()) || spec.demographicFields().contains(name)) {
            problems.add(where + it + " is also the group field or a demographic field; the round needs a field of its own.");
            return null;
        }
        if (f.fieldType() != FieldType.RADIO && f.fieldType() != FieldType.DROPDOWN) {
            problems.add(where + it + " has type " + f.fieldType().code() + "; it must be a radio or dropdown field whose "
                    + "choices are the rounds in order (1, Round 1 | 2, Round 2 | …).");
            return null;
        }
        List<Choice> choices = f.choices();
        if (choices.isEmpty() || choices.size() > DelphiAccumulator.MAX_ROUNDS) {
            problems.add(where + it + " has " + choices.size() + " choices; a Delphi study has 1 to "
                    + DelphiAccumulator.MAX_ROUNDS + " rounds, one choice each.");
            return null;
        }
        if (!ratingForms.contains(f.formName())) {
            warnings.add(where + it + " is on instrument '" + f.formName() + "', the ratings on " + ratingForms
                    + "; each round's ratings are read with the round field of the same row, so put the round field on "
                    + "the rating instrument (a repeating instrument: one instance per round).");
        }
        List<Round> rounds = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Choice c : choices) {
            String label = Texts.plain(c.label());
            if (label.isBlank() || !labels.add(label)) {
                label = (label.isBlank() ? "Round" : label) + " (" + c.code() + ")";
                labels.add(label);
            }
            rounds.add(new Round(rounds.size() + 1, c.code(), label));
        }
        return new StudyRounds(rounds, name);
    }

    private static StudyRounds byEvents(StudySpec spec, List<String> configured, List<String> ratingForms,
                                        List<FormEventMapping> mappings, List<RedcapEvent> events, List<String> problems,
                                        String where) {
        if (spec.event() != null && !spec.event().isBlank()) {
            problems.add(where + "event '" + spec.event() + "' and rounds: events are both set; with rounds: events every "
                    + "event carrying the rating form is a round, so remove the event setting.");
            return null;
        }
        if (mappings.isEmpty() && configured.isEmpty()) {
            problems.add(where + "rounds: events needs a longitudinal project (one event per round), but this project has "
                    + "no events; define the rounds as events, or use round-field with a field holding the round.");
            return null;
        }
        List<String> order = new ArrayList<>();
        if (mappings.isEmpty()) {
            order.addAll(configured); // an export file: the events named, in that order
        } else {
            List<String> eventOrder = new ArrayList<>();
            events.forEach(e -> eventOrder.add(e.uniqueEventName()));
            mappings.forEach(m -> {
                if (!eventOrder.contains(m.uniqueEventName())) {
                    eventOrder.add(m.uniqueEventName());
                }
            });
            List<String> carrying = eventOrder.stream().filter(e -> mappings.stream()
                    .anyMatch(m -> m.uniqueEventName().equals(e) && ratingForms.contains(m.form()))).toList();
            if (configured.isEmpty()) {
                order.addAll(carrying);
            } else {
                for (String e : configured) {
                    if (!carrying.contains(e)) {
                        problems.add(where + "round event '" + e + "' " + (eventOrder.contains(e) ? "does not carry the rating form "
                                + ratingForms : "does not exist") + "; events with the rating form: " + carrying + ".");
                    }
                }
                order.addAll(configured);
            }
            Set<Integer> arms = new java.util.TreeSet<>();
            mappings.stream().filter(m -> order.contains(m.uniqueEventName())).forEach(m -> arms.add(m.armNumber()));
            if (arms.size() > 1) {
                problems.add(where + "the round events " + order + " are in arms " + arms + "; a Delphi study's rounds are the "
                        + "events of one arm. Designate the rating form for the events of one arm only.");
            }
        }
        if (order.isEmpty()) {
            problems.add(where + "no event carries the rating form " + ratingForms + "; designate it for one event per round "
                    + "in Define My Events.");
            return null;
        }
        if (order.size() > DelphiAccumulator.MAX_ROUNDS) {
            problems.add(where + order.size() + " events carry the rating form " + ratingForms + " (" + order + "); a Delphi "
                    + "study has at most " + DelphiAccumulator.MAX_ROUNDS + " rounds.");
            return null;
        }
        List<Round> rounds = new ArrayList<>();
        for (String unique : order) {
            String label = events.stream().filter(e -> e.uniqueEventName().equals(unique)).map(RedcapEvent::eventName)
                    .filter(n -> n != null && !n.isBlank()).map(Texts::plain).findFirst().orElse("Round " + (rounds.size() + 1));
            String finalLabel = label;
            if (rounds.stream().anyMatch(r -> r.label().equals(finalLabel))) {
                label = label + " (" + unique + ")";
            }
            rounds.add(new Round(rounds.size() + 1, unique, label));
        }
        return problems.isEmpty() ? new StudyRounds(rounds, null) : null;
    }
}
