package concord.connector.sandbox.internal;

import concord.connector.sandbox.FaultPlan;
import java.util.Random;

/**
 * Draws a project's faults from its plan's seeded sequence. Draws are serialized so that a given sequence of
 * requests meets the same faults on every run.
 */
public final class FaultInjector {
    /** The fault chosen for one request. */
    public enum Outcome { NONE, SERVER_ERROR_500, BAD_GATEWAY_502, GATEWAY_TIMEOUT_504, HTML_PAGE }

    private final FaultPlan plan;
    private final Random random;

    public FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
    }

    public FaultPlan plan() {
        return plan;
    }

    public synchronized Outcome nextOutcome() {
        if (plan.serverErrorShare() == 0 && plan.htmlShare() == 0) {
            return Outcome.NONE;
        }
        double r = random.nextDouble();
        if (r < plan.serverErrorShare()) {
            return switch (random.nextInt(3)) {
                case 0 -> Outcome.SERVER_ERROR_500;
                case 1 -> Outcome.BAD_GATEWAY_502;
                default -> Outcome.GATEWAY_TIMEOUT_504;
            };
        }
        return r < plan.serverErrorShare() + plan.htmlShare() ? Outcome.HTML_PAGE : Outcome.NONE;
    }

    /** Whether the next record of an export is dropped. */
    public synchronized boolean dropRecord() {
        return plan.droppedRecordShare() > 0 && random.nextDouble() < plan.droppedRecordShare();
    }

    public synchronized boolean uploadFails() {
        return plan.uploadFailureShare() > 0 && random.nextDouble() < plan.uploadFailureShare();
    }
}
