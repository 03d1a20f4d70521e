package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the containers an earlier Hangar left behind: labelled hangar.managed=true with another hangar.instance.
 * Containers without the label are never candidates. A candidate whose owner process is still alive is spared,
 * because another Hangar on the same engine is not an earlier one: parallel test JVMs, or Hangar in a sibling
 * container (its host name is its container id), would otherwise remove each other's workloads.
 */
final class OrphanReaper {

    private static final Logger log = LoggerFactory.getLogger(OrphanReaper.class);
    /** Slack between the start time the owner wrote and the one the OS reports now. */
    private static final long START_TIME_SLACK_MILLIS = 2_000;
    private static final java.util.regex.Pattern CONTAINER_ID = java.util.regex.Pattern.compile("[0-9a-f]{12,64}");

    private final DockerClient client;
    private final String instanceId;
    /**
     * Hangar runs in a container of this engine: an owner on another host that is no container of the engine is
     * most likely a Hangar on the engine's host, whose processes this one cannot see, so its containers are spared.
     */
    private final boolean inContainer;

    OrphanReaper(DockerClient client, String instanceId) {
        this(client, instanceId, false);
    }

    OrphanReaper(DockerClient client, String instanceId, boolean inContainer) {
        this.client = client;
        this.instanceId = instanceId;
        this.inContainer = inContainer;
    }

    /** The ids to remove. */
    List<String> findOrphans() {
        List<Container> managed = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(HangarLabels.MANAGED, "true"))
                .exec();
        List<Container> running = managed.stream().filter(c -> "running".equals(c.getState())).toList();
        Predicate<String> runsAsSiblingContainer = host -> !host.isEmpty() && (running.stream()
                .anyMatch(c -> c.getId().startsWith(host)) || runningContainerWithIdPrefix(host));
        return managed.stream()
                .filter(c -> c.getLabels() != null && "true".equals(c.getLabels().get(HangarLabels.MANAGED)))
                .filter(c -> !instanceId.equals(c.getLabels().get(HangarLabels.INSTANCE)))
                .filter(c -> {
                    HangarLabels.ProcessOwner owner = HangarLabels.ProcessOwner.parse(c.getLabels().get(HangarLabels.OWNER));
                    boolean alive = owner != null && ownerAlive(owner, runsAsSiblingContainer, inContainer);
                    if (alive) {
                        log.debug("Sparing container {} of live Hangar instance {} ({})", c.getId(),
                                c.getLabels().get(HangarLabels.INSTANCE), owner.label());
                    }
                    return !alive;
                })
                .map(Container::getId)
                .toList();
    }

    private static boolean ownerAlive(HangarLabels.ProcessOwner owner, Predicate<String> runsAsSiblingContainer,
                                      boolean inContainer) {
        HangarLabels.ProcessOwner self = HangarLabels.ProcessOwner.current();
        if (owner.host().equals(self.host())) {
            Optional<ProcessHandle> process = ProcessHandle.of(owner.pid());
            if (process.isEmpty() || !process.get().isAlive()) {
                return false;
            }
            long started = process.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            // a recycled pid belongs to a process started at another time
            return owner.startMillis() == 0 || started == 0
                    || Math.abs(started - owner.startMillis()) <= START_TIME_SLACK_MILLIS;
        }
        if (inContainer && !CONTAINER_ID.matcher(owner.host()).matches()) {
            return true;
        }
        return runsAsSiblingContainer.test(owner.host());
    }

    /** Hangar itself usually runs unlabelled, so its container is not in the managed list. */
    private boolean runningContainerWithIdPrefix(String host) {
        if (!CONTAINER_ID.matcher(host).matches()) {
            return false;
        }
        return client.listContainersCmd().withIdFilter(List.of(host)).exec().stream()
                .anyMatch(c -> c.getId().startsWith(host) && "running".equals(c.getState()));
    }
}
