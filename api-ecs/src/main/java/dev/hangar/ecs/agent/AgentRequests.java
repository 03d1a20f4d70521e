package dev.hangar.ecs.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.http.HttpHandler;
import dev.hangar.core.port.CredentialsPort.TemporaryCredentials;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.ecs.runtime.Cidrs;
import dev.hangar.ecs.runtime.TaskNetwork;
import dev.hangar.runtime.ContainerDetails;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The requests a task's containers make to 169.254.170.2: GET /v2/credentials/&lt;id&gt; (and /v1/credentials?id=)
 * and the metadata paths /v4/&lt;id&gt;[/task|/taskWithTags|/stats|/task/stats] (v3 alike). Only callers on the agent
 * network (or the engine's host itself, for host-networking tasks) are answered. Reads that ask the engine run on its
 * executor, never on the event loop.
 */
final class AgentRequests implements HttpHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentRequests.class);

    private final TaskAgent agent;
    private final ContainerRuntime runtime;
    private final ExecutorService engine;
    private final RoleSessions sessions;
    private final NetworkRates rates = new NetworkRates();
    /** Each served task's addresses on the agent network, by task id. */
    private final Map<String, Set<String>> sources = new java.util.concurrent.ConcurrentHashMap<>();

    AgentRequests(TaskAgent agent, ContainerRuntime runtime, ExecutorService engine, RoleSessions sessions) {
        this.agent = agent;
        this.runtime = runtime;
        this.engine = engine;
        this.sessions = sessions;
    }

    void forget(TaskRecord task) {
        task.runtimeIds().forEach(rates::forget);
        sources.remove(task.id());
    }

    @Override
    public CompletableFuture<AwsHttpResponse> handle(AwsHttpRequest request) {
        if (!fromAgentNetwork(request.remoteAddress())) {
            return done(error(403, "AccessDenied", "Only containers of ECS tasks may call this endpoint, not "
                    + request.remoteAddress()));
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return done(error(405, "MethodNotAllowed", "Only GET is served"));
        }
        String path = request.path();
        if (path.startsWith("/v2/credentials/")) {
            return credentials(path.substring("/v2/credentials/".length()), request.remoteAddress());
        }
        if (path.equals("/v1/credentials")) {
            return credentials(request.queryParam("id"), request.remoteAddress());
        }
        if (path.startsWith("/v4/") || path.startsWith("/v3/")) {
            return metadata(path.substring(4), request.remoteAddress());
        }
        return done(error(404, "NotFound", "No such endpoint: " + path));
    }

    private CompletableFuture<AwsHttpResponse> credentials(String id, String remote) {
        TaskRecord task = id == null ? null : agent.taskByCredentialsId(id);
        if (task == null) {
            return done(error(400, "InvalidIdInRequest", "CredentialsV2Request: Credentials not found"));
        }
        return ifCallerIsTask(task, remote, () -> credentials(task));
    }

    private AwsHttpResponse credentials(TaskRecord task) {
        TemporaryCredentials c = sessions.current(task.id(), TaskAgent.taskRole(task));
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("RoleArn", c.roleArn());
        n.put("AccessKeyId", c.accessKeyId());
        n.put("SecretAccessKey", c.secretAccessKey());
        n.put("Token", c.sessionToken());
        n.put("Expiration", c.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
        return AwsHttpResponse.json(200, n.toString());
    }

    /** "&lt;task id&gt;-&lt;index&gt;[/what]" */
    private CompletableFuture<AwsHttpResponse> metadata(String rest, String remote) {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String what = slash < 0 ? "" : rest.substring(slash);
        int dash = id.lastIndexOf('-');
        TaskRecord task = dash < 0 ? null : agent.taskById(id.substring(0, dash));
        TaskContainer container = null;
        if (task != null) {
            try {
                int index = Integer.parseInt(id.substring(dash + 1));
                container = index >= 0 && index < task.containers().size() ? task.containers().get(index) : null;
            } catch (NumberFormatException e) {
                container = null;
            }
        }
        if (container == null) {
            return done(error(400, "InvalidIdInRequest", "V4 metadata handler: unable to get task arn from request: "
                    + "unable to get container id " + id));
        }
        TaskRecord t = task;
        TaskContainer c = container;
        return ifCallerIsTask(t, remote, () -> null).thenCompose(refused -> refused != null ? done(refused)
                : metadata(t, c, what));
    }

    private CompletableFuture<AwsHttpResponse> metadata(TaskRecord t, TaskContainer c, String what) {
        return switch (what) {
            case "", "/" -> onEngine(() -> json(MetadataDocuments.container(t, t.toSdk(false), c, details(c))));
            case "/task" -> onEngine(() -> json(MetadataDocuments.task(t, t.toSdk(false), allDetails(t), false)));
            case "/taskWithTags" -> onEngine(() -> json(MetadataDocuments.task(t, t.toSdk(true), allDetails(t), true)));
            case "/stats" -> onEngine(() -> json(stats(t, c)));
            case "/task/stats" -> taskStats(t).thenApply(AgentRequests::json);
            default -> done(error(404, "NotFound", "No such metadata path: " + what));
        };
    }

    /**
     * Runs the answer when the caller is the task itself: its address on the agent network is one of the task's (its
     * pause container's, or one of its bridge containers'), learned from the engine at the task's first request and
     * again when an address is not known yet; a host-networking task calls from the host's addresses. Else 403.
     */
    private CompletableFuture<AwsHttpResponse> ifCallerIsTask(TaskRecord task, String remote,
                                                             java.util.function.Supplier<AwsHttpResponse> answer) {
        String caller = host(remote);
        if ("host".equals(task.definition().networkModeAsString())
                || sources.getOrDefault(task.id(), Set.of()).contains(caller)) {
            return done(answer.get());
        }
        return onEngine(() -> {
            Set<String> known = agentAddresses(task);
            sources.put(task.id(), known);
            return known.contains(caller) ? answer.get() : error(403, "AccessDenied",
                    "The caller " + caller + " is not a container of task " + task.id());
        });
    }

    /** The task's addresses on the agent network, as the engine has them now. */
    private Set<String> agentAddresses(TaskRecord task) {
        Set<String> out = new java.util.HashSet<>();
        List<String> ids = new ArrayList<>(task.runtimeIds());
        if (task.networkInterface() != null) {
            ids.add(TaskNetwork.pauseName(task));
        }
        for (String id : ids) {
            try {
                ContainerDetails.Endpoint e = runtime.details(id).networks().get(TaskAgent.NETWORK);
                if (e != null && e.ipv4Address() != null) {
                    out.add(e.ipv4Address());
                }
            } catch (ContainerRuntimeException e) {
                // gone, or not created yet
            }
        }
        return out;
    }

    /** "/169.254.170.5:40000" → "169.254.170.5" (an IPv4 address mapped into IPv6 as its IPv4 form). */
    static String host(String remote) {
        if (remote == null) {
            return "";
        }
        String host = remote.startsWith("/") ? remote.substring(1) : remote;
        if (host.startsWith("[")) {
            host = host.substring(1, host.indexOf(']'));
        } else if (host.lastIndexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        try {
            return java.net.InetAddress.getByName(host).getHostAddress();
        } catch (java.io.IOException e) {
            return host;
        }
    }

    private ContainerDetails details(TaskContainer c) {
        if (c.runtimeId() == null) {
            return null;
        }
        try {
            return runtime.details(c.runtimeId());
        } catch (ContainerRuntimeException e) {
            return null;
        }
    }

    private Map<String, ContainerDetails> allDetails(TaskRecord task) {
        Map<String, ContainerDetails> out = new HashMap<>();
        for (TaskContainer c : task.containers()) {
            ContainerDetails d = details(c);
            if (d != null) {
                out.put(c.runtimeId(), d);
            }
        }
        return out;
    }

    private JsonNode stats(TaskRecord task, TaskContainer c) {
        if (c.runtimeId() == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        JsonNode stats = MetadataDocuments.stats(runtime.statsJson(c.runtimeId()), rates, c.runtimeId());
        if (stats instanceof ObjectNode o && !o.has("networks") && task.networkInterface() != null) {
            // awsvpc: the namespace, and so its interface counters, belong to the task's pause container
            JsonNode owner = MetadataDocuments.stats(runtime.statsJson(TaskNetwork.pauseName(task)), rates,
                    TaskNetwork.pauseName(task));
            if (owner.has("networks")) {
                o.set("networks", owner.get("networks"));
                o.set("network_rate_stats", owner.get("network_rate_stats"));
            }
        }
        return stats;
    }

    /** The engine takes about a second per reading: all containers' at once, no thread waiting on another. */
    private CompletableFuture<JsonNode> taskStats(TaskRecord task) {
        Map<String, CompletableFuture<JsonNode>> readings = new java.util.LinkedHashMap<>();
        for (TaskContainer c : task.containers()) {
            if (c.runtimeId() != null) {
                readings.put(c.runtimeId(), CompletableFuture.supplyAsync(() -> stats(task, c), engine));
            }
        }
        return CompletableFuture.allOf(readings.values().toArray(CompletableFuture[]::new)).handle((ok, failed) -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            readings.forEach((id, reading) -> out.set(id, reading.isCompletedExceptionally()
                    ? JsonNodeFactory.instance.nullNode() : reading.join()));
            return out;
        });
    }

    private CompletableFuture<AwsHttpResponse> onEngine(java.util.function.Supplier<AwsHttpResponse> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.warn("ECS agent endpoint failed", e);
                return error(500, "InternalError", String.valueOf(e.getMessage()));
            }
        }, engine);
    }

    private static AwsHttpResponse json(JsonNode node) {
        return AwsHttpResponse.json(200, node.toString());
    }

    private static AwsHttpResponse error(int status, String code, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("code", code);
        n.put("message", message);
        return AwsHttpResponse.json(status, n.toString());
    }

    private static CompletableFuture<AwsHttpResponse> done(AwsHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private static final Map<String, Boolean> LOCAL = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isLocal(java.net.InetAddress address) {
        try {
            return java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    /** "/169.254.170.5:40000", or an IPv4 address mapped into IPv6 ("/[0:0:0:0:0:ffff:a9fe:aa05]:40000"). */
    static boolean fromAgentNetwork(String remote) {
        if (remote == null) {
            return false;
        }
        String host = remote.startsWith("/") ? remote.substring(1) : remote;
        if (host.startsWith("[")) {
            host = host.substring(1, host.indexOf(']'));
        } else if (host.lastIndexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host);
            if (address.isLoopbackAddress()
                    || address instanceof java.net.Inet4Address && Cidrs.contains(TaskAgent.SUBNET, address.getHostAddress())) {
                return true;
            }
            // a host-networking task on the engine's host calls from one of the host's own addresses
            return LOCAL.computeIfAbsent(address.getHostAddress(), a -> isLocal(address));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
