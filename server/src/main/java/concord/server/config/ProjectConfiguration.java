package concord.server.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.util.List;

/**
 * One REDCap project Concord analyses, bound from {@code concord.projects.<id>.*}.
 *
 * <p>Every key can be overridden from the environment: {@code CONCORD_PROJECTS_<ID>_TOKEN} sets
 * {@code concord.projects.<id>.token}. The token and the DET secret never appear in
 * {@link #toString()}.
 *
 * @param id                 Concord's name for the project (the key under {@code concord.projects})
 * @param apiUrl             REDCap API endpoint, e.g. {@code https://redcap.example.org/api/}
 * @param token              API token of a user with export rights (and import/file-repository rights to publish)
 * @param redcapProjectId    REDCap's numeric {@code project_id}; Data Entry Triggers must carry it
 * @param title              optional display title (default: REDCap's project title)
 * @param groupField         field holding the stakeholder group (radio or dropdown)
 * @param outcomes           rating fields: one instrument name, a list of field names, or an action tag such as {@code @CONCORD-OUTCOME}
 * @param domains            where an outcome's domain comes from
 * @param demographicFields  fields summarised per group in the report
 * @param consensus          consensus rule, e.g. {@code 80/15} or {@code comet}
 * @param event              unique event name to read in longitudinal projects (default: the first event carrying the rating form)
 * @param repeatInstance     repeat instance to read for repeating forms/events (default: the first one present)
 * @param detSecret          secret that the Data Entry Trigger URL must carry ({@code ?secret=})
 * @param schedule           cron expression for scheduled runs (blank: none)
 * @param publish            where results go back into REDCap
 */
@EachProperty("concord.projects")
public record ProjectConfiguration(
        @Parameter String id,
        URI apiUrl,
        @Nullable String token,
        @Nullable Long redcapProjectId,
        @Nullable String title,
        String groupField,
        @Bindable(defaultValue = "@CONCORD-OUTCOME") List<String> outcomes,
        @Bindable(defaultValue = "ANNOTATION") DomainSource domains,
        @Nullable List<String> demographicFields,
        @Bindable(defaultValue = "80/15") String consensus,
        @Nullable String event,
        @Nullable Integer repeatInstance,
        @Nullable String detSecret,
        @Nullable String schedule,
        @Nullable PublishConfiguration publish) {

    public ProjectConfiguration {
        outcomes = outcomes == null ? List.of("@CONCORD-OUTCOME") : List.copyOf(outcomes);
        demographicFields = demographicFields == null ? List.of() : List.copyOf(demographicFields);
        domains = domains == null ? DomainSource.ANNOTATION : domains;
        consensus = consensus == null || consensus.isBlank() ? "80/15" : consensus.trim();
        publish = publish == null ? PublishConfiguration.defaults() : publish;
    }

    /** How the configured outcome list is to be read. */
    public OutcomeSelection outcomeSelection() {
        return OutcomeSelection.parse(outcomes);
    }

    public String displayTitle() {
        return title == null || title.isBlank() ? id : title;
    }

    @Override
    public String toString() {
        return "ProjectConfiguration[id=" + id + ", apiUrl=" + apiUrl + ", redcapProjectId=" + redcapProjectId
                + ", groupField=" + groupField + ", outcomes=" + outcomes + ", domains=" + domains
                + ", consensus=" + consensus + ", event=" + event + ", repeatInstance=" + repeatInstance
                + ", token=" + (token == null ? "unset" : "***") + ", detSecret=" + (detSecret == null ? "unset" : "***")
                + ", schedule=" + schedule + ", publish=" + publish + "]";
    }
}
