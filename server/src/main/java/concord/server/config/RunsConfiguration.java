package concord.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How triggers become runs and how workers execute them ({@code concord.runs.*}).
 *
 * @param debounce       a trigger starts a run only after this much quiet time
 * @param maxWait        ... but never later than this after the first trigger of a burst
 * @param lease          how long a claimed run stays owned without a heartbeat
 * @param heartbeat      how often a running worker renews its lease and reports progress
 * @param pollInterval   how often an idle worker looks for due runs
 * @param maxAttempts    how many times a run whose worker vanished is re-queued before it fails
 * @param workerEnabled  false: this instance only accepts triggers (another instance runs them)
 * @param workerId       name of this worker in the run table (default: host and process id)
 */
@ConfigurationProperties("concord.runs")
public record RunsConfiguration(
        @Bindable(defaultValue = "30s") Duration debounce,
        @Bindable(defaultValue = "10m") Duration maxWait,
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "20s") Duration heartbeat,
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "true") boolean workerEnabled,
        @Nullable String workerId) {

    public RunsConfiguration {
        if (workerId == null || workerId.isBlank()) {
            workerId = ManagementFactory.getRuntimeMXBean().getName();
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("concord.runs.max-attempts must be at least 1");
        }
        if (!heartbeat.minus(lease).isNegative()) {
            throw new IllegalArgumentException("concord.runs.heartbeat (" + heartbeat
                    + ") must be shorter than concord.runs.lease (" + lease + ")");
        }
    }
}
