package dev.hangar.lambda.domain;

/**
 * A version's State and LastUpdateStatus with AWS's reasons. Creation: Pending/Creating → Active (or Failed);
 * an update keeps State Active and moves LastUpdateStatus InProgress → Successful (or Failed).
 */
public record FunctionStatus(
        String state,
        String stateReason,
        String stateReasonCode,
        String lastUpdateStatus,
        String lastUpdateStatusReason,
        String lastUpdateStatusReasonCode) {

    private static final String CREATING_REASON = "The function is being created.";

    public static FunctionStatus creating() {
        return new FunctionStatus("Pending", CREATING_REASON, "Creating", null, null, null);
    }

    public static FunctionStatus active() {
        return new FunctionStatus("Active", null, null, "Successful", null, null);
    }

    public static FunctionStatus failed(String reasonCode, String reason) {
        return new FunctionStatus("Failed", reason, reasonCode, "Failed", reason, reasonCode);
    }

    /** AWS reports an update with the creation texts (sic: "The function is being created.", "Creating"). */
    public static FunctionStatus updating() {
        return new FunctionStatus("Active", null, null, "InProgress", CREATING_REASON, "Creating");
    }

    public static FunctionStatus updateFailed(String reasonCode, String reason) {
        return new FunctionStatus("Active", null, null, "Failed", reason, reasonCode);
    }

    public boolean isPending() {
        return "Pending".equals(state);
    }

    public boolean isFailed() {
        return "Failed".equals(state);
    }

    public boolean isUpdating() {
        return "InProgress".equals(lastUpdateStatus);
    }

    /** Invoke answers ResourceConflictException unless the version is Active. */
    public boolean isInvocable() {
        return "Active".equals(state);
    }
}
