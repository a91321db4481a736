package concord.server.run;

import concord.connector.DataAccessGroup;
import concord.connector.FieldMetadata;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.server.config.ProjectConfiguration;
import concord.server.load.LoadedStudy;
import concord.server.load.QualitativeData;
import concord.server.load.QualitativeInstrument;
import concord.server.load.QuoteReader;

import java.util.List;
import java.util.Optional;

/**
 * A run's coded quotes: one more export, of the qualitative instrument's fields only, when the dictionary has the
 * instrument (docs/service.md, "Qualitative data"); a data access group's run keeps its group's instances only.
 */
final class RunQuotes {
    private RunQuotes() {
    }

    /** The quotes, or empty when the project has no qualitative instrument (no API call is made then). */
    static Optional<QualitativeData> read(ProjectConfiguration project, RedcapClient redcap, List<FieldMetadata> dictionary,
                                          LoadedStudy loaded, DataAccessGroup group) {
        Optional<QualitativeInstrument> instrument = QualitativeInstrument.find(dictionary, project.qualitative().instrument(),
                project.id());
        if (instrument.isEmpty()) {
            return Optional.empty();
        }
        QuoteReader reader = new QuoteReader(loaded, project.id(), instrument.get());
        RecordQuery query = RecordQuery.all().withFields(instrument.get().exportFields(loaded.recordIdField()));
        if (group == null) {
            redcap.exportRecordRows(query, reader);
        } else {
            redcap.exportRecordRows(query.withDataAccessGroups(true), GroupRecords.only(project, group, reader));
        }
        return Optional.of(reader.finish());
    }

}
