package dev.hangar.server;

import dev.hangar.core.admin.RuntimeAdmin;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.RuntimeStatus;
import dev.hangar.runtime.RuntimeUnavailableException;

/** Shows the container runtime to the admin endpoints. */
final class DockerRuntimeAdmin implements RuntimeAdmin {

    private final ContainerRuntime runtime;

    DockerRuntimeAdmin(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        RuntimeStatus status = runtime.status();
        return new Health(status.available(), "docker", status.detail());
    }

    @Override
    public int removeAllContainers() {
        try {
            return runtime.removeAll();
        } catch (RuntimeUnavailableException e) {
            return 0;
        }
    }
}
