package concord.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How Concord talks to REDCap ({@code concord.redcap.*}), for every project.
 *
 * @param batchSize       records per export request
 * @param interBatchPause least time between export requests (REDCap bans IPs above ~600 requests a minute)
 * @param readTimeout     per-request read time-out
 */
@ConfigurationProperties("concord.redcap")
public record RedcapConfiguration(
        @Bindable(defaultValue = "500") int batchSize,
        @Bindable(defaultValue = "500ms") Duration interBatchPause,
        @Bindable(defaultValue = "5m") Duration readTimeout) {
}
