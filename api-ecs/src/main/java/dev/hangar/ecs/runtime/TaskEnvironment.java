package dev.hangar.ecs.runtime;

import dev.hangar.ecs.domain.TaskAgentAccess;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a task's container: what ECS sets in every container (AWS_REGION, AWS_DEFAULT_REGION, the
 * metadata endpoint's ECS_CONTAINER_METADATA_URI_V4 and ECS_CONTAINER_METADATA_URI, and, with a task role,
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, or _FULL_URI when the endpoint is not on port 80), Hangar's
 * AWS_ENDPOINT_URL unless switched off, then the definition's and the overrides' own variables, which win.
 */
public final class TaskEnvironment {

    private TaskEnvironment() {
    }

    public static Map<String, String> of(TaskRecord task, TaskContainer container) {
        Map<String, String> env = new LinkedHashMap<>();
        String region = task.arn().split(":")[3];
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        TaskAgentAccess access = task.agentAccess();
        if (access != null) {
            String id = metadataId(task, container);
            env.put("ECS_CONTAINER_METADATA_URI_V4", access.agentBase() + "/v4/" + id);
            env.put("ECS_CONTAINER_METADATA_URI", access.agentBase() + "/v3/" + id);
            if (access.credentialsId() != null) {
                String path = "/v2/credentials/" + access.credentialsId();
                if (access.fullCredentialsUri()) {
                    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", access.agentBase() + path);
                } else {
                    env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", path);
                }
            }
            if (access.awsEndpointUrl() != null) {
                env.put("AWS_ENDPOINT_URL", access.awsEndpointUrl());
            }
        }
        env.putAll(container.environment());
        return env;
    }

    /** "&lt;task id&gt;-&lt;the container's index in the task&gt;", as Fargate's look. */
    public static String metadataId(TaskRecord task, TaskContainer container) {
        return task.id() + "-" + task.containers().indexOf(container);
    }
}
