package concord.analysis;

import java.util.Map;

/**
 * One row block of the participant-characteristics table: a characteristic summarised per group.
 *
 * @param variable the characteristic
 * @param groups   summaries keyed by group label, in study order
 */
public record ParticipantCharacteristic(DemographicVariable variable, Map<String, CharacteristicSummary> groups) {

    public ParticipantCharacteristic {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
    }
}
