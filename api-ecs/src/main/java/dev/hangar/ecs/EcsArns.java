package dev.hangar.ecs;

import dev.hangar.core.state.Arns;

/**
 * ECS's ARN formats: cluster/&lt;name&gt;, task/&lt;cluster&gt;/&lt;id&gt;, container/&lt;cluster&gt;/&lt;task-id&gt;/&lt;uuid&gt;,
 * task-definition/&lt;family&gt;:&lt;revision&gt;, and parsing of the "name or ARN" parameters that accept either.
 */
public final class EcsArns {

    private final String region;
    private final String account;

    public EcsArns(String region, String account) {
        this.region = region;
        this.account = account;
    }

    public String cluster(String name) {
        return Arns.of("ecs", region, account, "cluster/" + name);
    }

    public String task(String clusterName, String taskId) {
        return Arns.of("ecs", region, account, "task/" + clusterName + "/" + taskId);
    }

    public String container(String clusterName, String taskId, String containerId) {
        return Arns.of("ecs", region, account, "container/" + clusterName + "/" + taskId + "/" + containerId);
    }

    public String taskDefinition(String family, int revision) {
        return Arns.of("ecs", region, account, "task-definition/" + family + ":" + revision);
    }

    public String taskDefinitionFamily(String family) {
        return Arns.of("ecs", region, account, "task-definition/" + family);
    }

    /** The resource part ("cluster/x") of an ECS ARN of this account and region, or null if it is not one. */
    String resourceOf(String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        if (parsed == null || !"ecs".equals(parsed.service()) || !region.equals(parsed.region())
                || !account.equals(parsed.account())) {
            return null;
        }
        return parsed.resource();
    }

    /** A cluster parameter (name or ARN) as a name; null for an ARN that names no cluster of ours. */
    String clusterName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return "default";
        }
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        String resource = resourceOf(nameOrArn);
        return resource != null && resource.startsWith("cluster/") ? resource.substring("cluster/".length()) : null;
    }

    /** A task parameter (id, new-style ARN task/cluster/id, or old-style task/id) as its id; null if malformed. */
    static String taskId(String idOrArn) {
        if (idOrArn == null || idOrArn.isEmpty()) {
            return null;
        }
        if (!idOrArn.startsWith("arn:")) {
            return idOrArn.contains("/") ? null : idOrArn;
        }
        Arns.Parsed parsed = Arns.parse(idOrArn);
        if (parsed == null || !parsed.resource().startsWith("task/")) {
            return null;
        }
        String rest = parsed.resource().substring("task/".length());
        return rest.substring(rest.lastIndexOf('/') + 1);
    }
}
