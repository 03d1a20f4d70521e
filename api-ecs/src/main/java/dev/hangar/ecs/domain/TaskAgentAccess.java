package dev.hangar.ecs.domain;

/**
 * How a task's containers reach what the ECS agent serves them (the task metadata and credentials endpoints) and
 * Hangar's API, fixed when the task's network is provisioned.
 *
 * @param agentNetwork       the Docker network the task's namespace joins to reach them, null for host networking
 * @param agentBase          "http://169.254.170.2" (port 80) or "http://169.254.170.2:&lt;port&gt;"
 * @param credentialsId      the id in /v2/credentials/&lt;id&gt;; null when the task has no task role
 * @param fullCredentialsUri the endpoint is not on port 80: containers get AWS_CONTAINER_CREDENTIALS_FULL_URI
 * @param awsEndpointUrl     AWS_ENDPOINT_URL for the containers, null = not set
 */
public record TaskAgentAccess(String agentNetwork, String agentBase, String credentialsId, boolean fullCredentialsUri,
                              String awsEndpointUrl) {
}
