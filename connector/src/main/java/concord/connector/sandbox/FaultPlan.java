package concord.connector.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults a sandbox project injects into its API answers, drawn from a random sequence seeded by {@link #seed()}:
 * the same plan and the same sequence of requests give the same faults.
 *
 * @param seed                    seed of the fault sequence
 * @param latency                 delay added before every answer
 * @param serverErrorShare        share (0–1) of requests answered 500, 502 or 504 (chosen by the sequence)
 * @param htmlShare               share of requests answered 200 with an HTML page instead of data
 * @param droppedRecordShare      share of records silently left out of each record export
 * @param outOfMemoryAboveRecords a record export of more than this many records fails with REDCap's
 *                                out-of-memory error (500), unless it exports only the record-ID field (as
 *                                clients do to list IDs before batching); 0 disables
 * @param banAfterRequestsPerMinute the client IP is banned after more than this many requests within a minute;
 *                                the ban persists until {@link RedcapSandbox#liftBans()}; 0 disables
 * @param uploadFailureShare      share of file uploads (File Upload field and File Repository) that fail with 500
 */
public record FaultPlan(long seed, Duration latency, double serverErrorShare, double htmlShare, double droppedRecordShare,
                        int outOfMemoryAboveRecords, int banAfterRequestsPerMinute, double uploadFailureShare) {

    public FaultPlan {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        share("serverErrorShare", serverErrorShare);
        share("htmlShare", htmlShare);
        share("droppedRecordShare", droppedRecordShare);
        share("uploadFailureShare", uploadFailureShare);
        if (serverErrorShare + htmlShare > 1) {
            throw new IllegalArgumentException("serverErrorShare + htmlShare must not exceed 1");
        }
        if (outOfMemoryAboveRecords < 0 || banAfterRequestsPerMinute < 0) {
            throw new IllegalArgumentException("outOfMemoryAboveRecords and banAfterRequestsPerMinute must be 0 (off) or positive");
        }
    }

    private static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + v);
        }
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(0, Duration.ZERO, 0, 0, 0, 0, 0, 0);
    }

    public boolean isNone() {
        return equals(none().withSeed(seed));
    }

    public FaultPlan withSeed(long seed) {
        return new FaultPlan(seed, latency, serverErrorShare, htmlShare, droppedRecordShare, outOfMemoryAboveRecords,
                banAfterRequestsPerMinute, uploadFailureShare);
    }

    public FaultPlan withLatency(Duration latency) {
        return new FaultPlan(seed, latency, serverErrorShare, htmlShare, droppedRecordShare, outOfMemoryAboveRecords,
                banAfterRequestsPerMinute, uploadFailureShare);
    }

    public FaultPlan withServerErrorShare(double share) {
        return new FaultPlan(seed, latency, share, htmlShare, droppedRecordShare, outOfMemoryAboveRecords,
                banAfterRequestsPerMinute, uploadFailureShare);
    }

    public FaultPlan withHtmlShare(double share) {
        return new FaultPlan(seed, latency, serverErrorShare, share, droppedRecordShare, outOfMemoryAboveRecords,
                banAfterRequestsPerMinute, uploadFailureShare);
    }

    public FaultPlan withDroppedRecordShare(double share) {
        return new FaultPlan(seed, latency, serverErrorShare, htmlShare, share, outOfMemoryAboveRecords,
                banAfterRequestsPerMinute, uploadFailureShare);
    }

    public FaultPlan withOutOfMemoryAboveRecords(int records) {
        return new FaultPlan(seed, latency, serverErrorShare, htmlShare, droppedRecordShare, records,
                banAfterRequestsPerMinute, uploadFailureShare);
    }

    public FaultPlan withBanAfterRequestsPerMinute(int requests) {
        return new FaultPlan(seed, latency, serverErrorShare, htmlShare, droppedRecordShare, outOfMemoryAboveRecords,
                requests, uploadFailureShare);
    }

    public FaultPlan withUploadFailureShare(double share) {
        return new FaultPlan(seed, latency, serverErrorShare, htmlShare, droppedRecordShare, outOfMemoryAboveRecords,
                banAfterRequestsPerMinute, share);
    }
}
