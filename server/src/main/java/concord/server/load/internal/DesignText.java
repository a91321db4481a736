package concord.server.load.internal;

import concord.analysis.Study;
import concord.server.load.LoadedStudy;

import java.util.Map;
import java.util.TreeMap;

/** The design part of a feed's fingerprint ({@link Fingerprint#design}). */
public final class DesignText {
    private DesignText() {
    }

    /**
     * Everything of the dictionary that shapes the result, in a fixed order: a renamed label, a deleted group
     * choice or a moved domain must make the next run publish again, though no value changed.
     */
    public static String of(LoadedStudy loaded) {
        Study study = loaded.study();
        StringBuilder s = new StringBuilder(study.title()).append('\u001e').append(loaded.recordIdField()).append('\u001e')
                .append(loaded.groupField()).append('\u001e').append(study.scale().min()).append('-').append(study.scale().max());
        study.outcomes().forEach(o -> s.append("\u001eO").append(o.field()).append('\u001f').append(o.label())
                .append('\u001f').append(o.domain()));
        study.groups().forEach(g -> s.append("\u001eG").append(g.code()).append('\u001f').append(g.label()));
        study.demographics().forEach(d -> {
            s.append("\u001eD").append(d.field()).append('\u001f').append(d.label()).append('\u001f').append(d.kind());
            (d.choices() == null ? Map.<String, String>of() : new TreeMap<>(d.choices())).forEach((code, label) -> s.append('\u001f').append(code).append('=').append(label));
        });
        // the fingerprinted fields by name: the rows hash their values in this order, without the names
        s.append("\u001eF").append(String.join("\u001f", new java.util.TreeSet<>(loaded.exportFields())));
        if (loaded.rounds() != null) { // a single survey's design text stays what it was
            s.append("\u001eR").append(loaded.rounds().byEvent() ? "" : loaded.rounds().field());
            loaded.rounds().rounds().forEach(r -> s.append('\u001f').append(r.code()).append('=').append(r.label()));
        }
        return s.toString();
    }
}
