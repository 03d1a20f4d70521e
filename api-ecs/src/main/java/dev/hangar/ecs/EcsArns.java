package dev.hangar.ecs;

import dev.hangar.core.resource.Arn;
import dev.hangar.core.resource.ArnScope;

/**
 * ECS's ARN formats: cluster/&lt;name&gt;, task/&lt;cluster&gt;/&lt;id&gt;, container/&lt;cluster&gt;/&lt;task-id&gt;/&lt;uuid&gt;,
 * task-definition/&lt;family&gt;:&lt;revision&gt;, and parsing of the "name or ARN" parameters that accept either.
 */
public final class EcsArns {

    private final ArnScope scope;

    public EcsArns(String region, String account) {
        this.scope = ArnScope.of("ecs", region, account);
    }

    public String cluster(String name) {
        return scope.arn("cluster/" + name);
    }

    public String task(String clusterName, String taskId) {
        return scope.arn("task/" + clusterName + "/" + taskId);
    }

    public String container(String clusterName, String taskId, String containerId) {
        return scope.arn("container/" + clusterName + "/" + taskId + "/" + containerId);
    }

    public String service(String clusterName, String serviceName) {
        return scope.arn("service/" + clusterName + "/" + serviceName);
    }

    public String serviceRevision(String clusterName, String serviceName, String number) {
        return scope.arn("service-revision/" + clusterName + "/" + serviceName + "/" + number);
    }

    public String serviceDeployment(String clusterName, String serviceName, String id) {
        return scope.arn("service-deployment/" + clusterName + "/" + serviceName + "/" + id);
    }

    /**
     * A service parameter (name, new-style ARN service/cluster/name or old-style service/name) as a name; null for
     * an ARN that names no service of this account and region, or one of another cluster.
     */
    String serviceName(String nameOrArn, String clusterName) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return null;
        }
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn.contains("/") ? null : nameOrArn;
        }
        String rest = scope.resourceOf(nameOrArn, "service/");
        if (rest == null) {
            return null;
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return rest;
        }
        return rest.substring(0, slash).equals(clusterName) ? rest.substring(slash + 1) : null;
    }

    public String containerInstance(String clusterName, String id) {
        return scope.arn("container-instance/" + clusterName + "/" + id);
    }

    public String taskDefinition(String family, int revision) {
        return scope.arn("task-definition/" + family + ":" + revision);
    }

    public String taskDefinitionFamily(String family) {
        return scope.arn("task-definition/" + family);
    }

    /** The resource part ("cluster/x") of an ECS ARN of this account and region, or null if it is not one. */
    String resourceOf(String arn) {
        return scope.resourceOf(arn);
    }

    /** A cluster parameter (name or ARN) as a name; null for an ARN that names no cluster of ours. */
    String clusterName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return "default";
        }
        return nameOrArn.startsWith("arn:") ? scope.resourceOf(nameOrArn, "cluster/") : nameOrArn;
    }

    /** A task parameter (id, new-style ARN task/cluster/id, or old-style task/id) as its id; null if malformed. */
    static String taskId(String idOrArn) {
        if (idOrArn == null || idOrArn.isEmpty()) {
            return null;
        }
        if (!idOrArn.startsWith("arn:")) {
            return idOrArn.contains("/") ? null : idOrArn;
        }
        Arn parsed = Arn.parse(idOrArn);
        if (parsed == null || !parsed.resource().startsWith("task/")) {
            return null;
        }
        String rest = parsed.resource().substring("task/".length());
        return rest.substring(rest.lastIndexOf('/') + 1);
    }
}
