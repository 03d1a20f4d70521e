package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Named volumes on the engine: create, look up, remove, and remove every one of this instance (reset). */
final class EngineVolumes {

    private static final Logger log = LoggerFactory.getLogger(EngineVolumes.class);

    private final DockerClient client;
    private final String instanceId;

    EngineVolumes(DockerClient client, String instanceId) {
        this.client = client;
        this.instanceId = instanceId;
    }

    /** False when a volume of that name exists already (it is then left as it is). */
    boolean create(VolumeSpec spec) {
        if (exists(spec.name())) {
            return false;
        }
        var cmd = client.createVolumeCmd().withName(spec.name())
                .withLabels(HangarLabels.forContainer(spec.labels(), instanceId));
        if (spec.driver() != null && !spec.driver().isBlank()) {
            cmd.withDriver(spec.driver());
        }
        if (!spec.driverOpts().isEmpty()) {
            cmd.withDriverOpts(spec.driverOpts());
        }
        cmd.exec();
        log.info("Created volume {}", spec.name());
        return true;
    }

    boolean exists(String name) {
        try {
            InspectVolumeResponse ignored = client.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** No error when it is gone; a volume still in use stays and the engine's refusal is thrown. */
    void remove(String name) {
        try {
            client.removeVolumeCmd(name).exec();
            log.info("Removed volume {}", name);
        } catch (NotFoundException e) {
            log.debug("Volume {} to remove is gone", name);
        }
    }

    /** Every volume this instance created; call after its containers are gone. Returns how many. */
    int removeAll() {
        List<InspectVolumeResponse> ours = client.listVolumesCmd()
                .withFilter("label", List.of(HangarLabels.MANAGED + "=true", HangarLabels.INSTANCE + "=" + instanceId))
                .exec().getVolumes();
        int removed = 0;
        for (InspectVolumeResponse v : ours == null ? List.<InspectVolumeResponse>of() : ours) {
            try {
                client.removeVolumeCmd(v.getName()).exec();
                removed++;
            } catch (NotFoundException | ConflictException e) {
                log.debug("Volume {} not removed: {}", v.getName(), EngineErrors.engineMessage(e));
            }
        }
        if (removed > 0) {
            log.info("Removed {} volume(s) of Hangar instance {}", removed, instanceId);
        }
        return removed;
    }
}
