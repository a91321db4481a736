package concord.analysis.report.internal;

import concord.analysis.CategoryCount;
import concord.analysis.CharacteristicSummary;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.ParticipantCharacteristic;
import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import java.util.ArrayList;
import java.util.List;

/** Every text a report shows that came from outside the code: labels from REDCap, methods, provenance. */
public final class ReportTexts {

    private ReportTexts() {
    }

    public static List<String> of(StudyResult result, ReportContext context) {
        List<String> texts = new ArrayList<>();
        texts.add(result.title());
        for (GroupSummary group : result.groups()) {
            texts.add(group.label());
        }
        for (OutcomeResult outcome : result.outcomes()) {
            texts.add(outcome.outcome().label());
            texts.add(outcome.outcome().domain());
            texts.addAll(outcome.comparison().reasons());
            texts.addAll(outcome.comparison().notComputable().values());
            outcome.groups().values().forEach(g -> texts.addAll(g.notComputable().values()));
        }
        for (ParticipantCharacteristic characteristic : result.participantCharacteristics()) {
            texts.add(characteristic.variable().label());
            for (CharacteristicSummary summary : characteristic.groups().values()) {
                summary.categories().stream().map(CategoryCount::label).forEach(texts::add);
                texts.addAll(summary.notComputable().values());
            }
        }
        texts.addAll(JointDisplayText.texts(result));
        RoundsView.of(result).ifPresent(rounds -> texts.addAll(rounds.texts()));
        texts.addAll(result.methods());
        context.provenance().forEach((k, v) -> {
            texts.add(k);
            texts.add(v);
        });
        return texts;
    }
}
