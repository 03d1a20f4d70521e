package dev.hangar.core.port;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs ECS tasks for another service (Step Functions' ecs:runTask, EventBridge targets) and says when they stop. */
public interface TaskPort {

    /**
     * @param cluster        a cluster name or ARN, null for "default"
     * @param taskDefinition family, family:revision or ARN
     * @param environment    container name → extra environment variables (RunTask's containerOverrides)
     * @param startedBy      RunTask's startedBy, or null
     */
    record Launch(String account, String region, String cluster, String taskDefinition, int count,
                  Map<String, Map<String, String>> environment, String startedBy) {
    }

    /** How a task ended: its stop code and reason and each container's exit code (null when it had none). */
    record Stopped(String taskArn, String stopCode, String stoppedReason, Map<String, Integer> exitCodes) {
    }

    /** @return the ARNs of the started tasks; failed with ECS's own exception when RunTask would answer an error */
    CompletableFuture<List<String>> run(Launch launch);

    /** Completes when the task is STOPPED (at once when it is already); failed when there is no such task. */
    CompletableFuture<Stopped> whenStopped(String account, String region, String taskArn);
}
