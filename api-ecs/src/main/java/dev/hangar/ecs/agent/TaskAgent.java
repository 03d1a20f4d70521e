package dev.hangar.ecs.agent;

import dev.hangar.core.http.Listener;
import dev.hangar.core.http.Listeners;
import dev.hangar.core.port.CredentialsPort;
import dev.hangar.core.port.Ports;
import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.TaskAgentAccess;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerRuntimeException;
import dev.hangar.runtime.NetworkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What the ECS agent serves inside tasks, at 169.254.170.2 as on ECS: the task metadata endpoint (v3, v4) and the
 * task role's credentials, plus Hangar's own API for the containers' AWS_ENDPOINT_URL.
 * <p>
 * 169.254.170.2 is reached through a Docker network, {@value #NETWORK} (169.254.170.0/24), that every task's network
 * namespace joins: on the engine's host its gateway is 169.254.170.2, the host's end of the bridge, where Hangar
 * listens; in container mode the gateway is .1 and Hangar's own container joins the network at .2. Nothing on the
 * user's network changes beyond Docker's own bridge. Set up at the first task that needs it (on an engine thread).
 */
public final class TaskAgent {

    private static final Logger LOG = LoggerFactory.getLogger(TaskAgent.class);

    public static final String NETWORK = "hangar-ecs-agent";
    public static final String ADDRESS = "169.254.170.2";
    static final String SUBNET = "169.254.170.0/24";
    static final String GATEWAY_IN_CONTAINER_MODE = "169.254.170.1";

    private final ContainerRuntime runtime;
    private final Listeners listeners;
    private final Supplier<URI> hangarEndpoint;
    private final AgentSettings settings;
    private final AgentRequests requests;
    /** Tasks served, by task id (metadata ids are "&lt;task id&gt;-&lt;container index&gt;"), and by credentials id. */
    private final Map<String, TaskRecord> byTaskId = new ConcurrentHashMap<>();
    private final Map<String, TaskRecord> byCredentialsId = new ConcurrentHashMap<>();
    private final RoleSessions sessions;

    private volatile Listener agentListener;
    private volatile Listener apiListener;
    private volatile String apiUrl;

    public TaskAgent(ContainerRuntime runtime, Listeners listeners, Supplier<URI> hangarEndpoint,
                     Ports.Ref<CredentialsPort> credentials, HangarClock clock, ExecutorService engine,
                     AgentSettings settings) {
        this.runtime = runtime;
        this.listeners = listeners;
        this.hangarEndpoint = hangarEndpoint;
        this.settings = settings;
        this.sessions = new RoleSessions(credentials, clock);
        this.requests = new AgentRequests(this, runtime, engine, sessions);
    }

    /**
     * Registers the task and says how its containers reach the agent; null when the agent could not be set up (the
     * task then runs without metadata and credentials, and the log says why).
     */
    public TaskAgentAccess register(TaskRecord task) {
        if (!ready()) {
            return null;
        }
        String role = taskRole(task);
        String credentialsId = role == null ? null : UUID.randomUUID().toString();
        byTaskId.put(task.id(), task);
        if (credentialsId != null) {
            byCredentialsId.put(credentialsId, task);
        }
        String execution = executionRole(task);
        if (execution != null) {
            // what Hangar does on the task's behalf (pulls, secrets, logs) runs with these, as the agent's would
            sessions.current(task.id(), execution);
        }
        String mode = task.definition().networkModeAsString();
        int port = agentListener.port();
        return new TaskAgentAccess(NetworkMode.HOST.toString().equals(mode) ? null : NETWORK,
                "http://" + ADDRESS + (port == 80 ? "" : ":" + port), credentialsId, port != 80, apiUrl);
    }

    public void unregister(TaskRecord task) {
        byTaskId.remove(task.id(), task);
        TaskAgentAccess access = task.agentAccess();
        if (access != null && access.credentialsId() != null) {
            byCredentialsId.remove(access.credentialsId(), task);
        }
        sessions.forget(task.id());
        requests.forget(task);
    }

    TaskRecord taskById(String taskId) {
        return byTaskId.get(taskId);
    }

    TaskRecord taskByCredentialsId(String id) {
        return byCredentialsId.get(id);
    }

    static String taskRole(TaskRecord task) {
        if (task.overrides() != null && task.overrides().taskRoleArn() != null) {
            return task.overrides().taskRoleArn();
        }
        return task.definition().taskRoleArn();
    }

    static String executionRole(TaskRecord task) {
        if (task.overrides() != null && task.overrides().executionRoleArn() != null) {
            return task.overrides().executionRoleArn();
        }
        return task.definition().executionRoleArn();
    }

    /** The network and listeners, made once; tried again at the next task after a failure. */
    private synchronized boolean ready() {
        if (agentListener != null) {
            return true;
        }
        try {
            String self = runtime.selfContainerId();
            NetworkSpec network = runtime.ensureNetwork(new NetworkSpec(NETWORK, SUBNET,
                    self == null ? ADDRESS : GATEWAY_IN_CONTAINER_MODE,
                    Map.of(NetworkSpec.KEEP_LABEL, "true")));
            if (!SUBNET.equals(network.subnet())) {
                throw new ContainerRuntimeException("network " + NETWORK + " exists with subnet " + network.subnet()
                        + " instead of " + SUBNET);
            }
            if (self != null) {
                runtime.connectSelf(NETWORK, ADDRESS);
            } else if (!ADDRESS.equals(network.gateway())) {
                throw new ContainerRuntimeException("network " + NETWORK + " has gateway " + network.gateway()
                        + " (made by a Hangar in a container?); on the engine's host it must be " + ADDRESS);
            }
            agentListener = open();
            apiUrl = openApi();
            LOG.info("ECS task metadata and credentials endpoints at {}:{} on network {}{}", ADDRESS,
                    agentListener.port(), NETWORK, apiUrl == null ? "" : "; tasks' AWS_ENDPOINT_URL " + apiUrl);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("ECS tasks get no metadata or credentials endpoint: {}", e.getMessage());
            return false;
        }
    }

    private Listener open() {
        try {
            return listeners.open(ADDRESS, settings.port(), requests);
        } catch (IllegalStateException e) {
            if (!settings.portFallback()) {
                throw e;
            }
            LOG.info("Port {} of {} unavailable ({}); the endpoints take a free port and containers get "
                    + "AWS_CONTAINER_CREDENTIALS_FULL_URI", settings.port(), ADDRESS, e.getMessage());
            return listeners.open(ADDRESS, 0, requests);
        }
    }

    /** Hangar's API at 169.254.170.2 on Hangar's own port, unless the main listener already takes every address. */
    private String openApi() {
        if (settings.awsEndpointUrl() != null) {
            return settings.awsEndpointUrl().isEmpty() ? null : settings.awsEndpointUrl();
        }
        URI endpoint = hangarEndpoint.get();
        if (endpoint == null) {
            return null;
        }
        String host = endpoint.getHost();
        boolean everyAddress = host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")
                || host.equals("[0:0:0:0:0:0:0:0]");
        if (!everyAddress) {
            try {
                apiListener = listeners.openApi(ADDRESS, endpoint.getPort());
            } catch (IllegalStateException e) {
                LOG.warn("Hangar's API not reachable from tasks at {}: {}", ADDRESS, e.getMessage());
                return null;
            }
        }
        return "http://" + ADDRESS + ":" + endpoint.getPort();
    }

    public void close() {
        for (Listener l : new Listener[]{agentListener, apiListener}) {
            if (l != null) {
                l.close();
            }
        }
    }
}
