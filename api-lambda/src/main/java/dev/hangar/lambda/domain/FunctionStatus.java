package dev.hangar.lambda.domain;

import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * A version's State and LastUpdateStatus with AWS's reasons. Creation: Pending/Creating → Active (or Failed);
 * an update keeps State Active and moves LastUpdateStatus InProgress → Successful (or Failed). Both statuses are
 * the SDK's own enums (whose values are the wire's), so they are compared as enums here and written as they are.
 *
 * @param lastUpdateStatus null while the version is being created, as AWS reports it
 */
public record FunctionStatus(
        State state,
        String stateReason,
        String stateReasonCode,
        LastUpdateStatus lastUpdateStatus,
        String lastUpdateStatusReason,
        String lastUpdateStatusReasonCode) {

    private static final String CREATING_REASON = "The function is being created.";

    public static FunctionStatus creating() {
        return new FunctionStatus(State.PENDING, CREATING_REASON, "Creating", null, null, null);
    }

    public static FunctionStatus active() {
        return new FunctionStatus(State.ACTIVE, null, null, LastUpdateStatus.SUCCESSFUL, null, null);
    }

    public static FunctionStatus failed(String reasonCode, String reason) {
        return new FunctionStatus(State.FAILED, reason, reasonCode, LastUpdateStatus.FAILED, reason, reasonCode);
    }

    /** AWS reports an update with the creation texts (sic: "The function is being created.", "Creating"). */
    public static FunctionStatus updating() {
        return new FunctionStatus(State.ACTIVE, null, null, LastUpdateStatus.IN_PROGRESS, CREATING_REASON,
                "Creating");
    }

    public static FunctionStatus updateFailed(String reasonCode, String reason) {
        return new FunctionStatus(State.ACTIVE, null, null, LastUpdateStatus.FAILED, reason, reasonCode);
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }

    public boolean isUpdating() {
        return lastUpdateStatus == LastUpdateStatus.IN_PROGRESS;
    }

    /** Invoke answers ResourceConflictException unless the version is Active. */
    public boolean isInvocable() {
        return state == State.ACTIVE;
    }
}
