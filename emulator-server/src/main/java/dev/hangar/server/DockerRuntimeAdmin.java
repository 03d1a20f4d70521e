package dev.hangar.server;

import dev.hangar.core.admin.RuntimeAdmin;
import dev.hangar.runtime.RuntimeStatus;
import dev.hangar.runtime.SelfContainer;
import dev.hangar.runtime.RuntimeUnavailableException;

/** Shows the container runtime to the admin endpoints. */
final class DockerRuntimeAdmin implements RuntimeAdmin {

    private final ConnectingRuntime runtime;

    DockerRuntimeAdmin(ConnectingRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        // health answers at once, "connecting" included, rather than waiting for the engine
        RuntimeStatus status = runtime.statusNow();
        // found at start (Hangar.serviceEnvironment) when in a container, so known before the runtime connects
        SelfContainer self = runtime.self() != null ? runtime.self() : SelfContainer.known().orElse(null);
        return new Health(status.available(), "docker", status.detail(), self == null ? null
                : new Container(self.id().substring(0, Math.min(12, self.id().length())), self.network(),
                        self.ipAddress()));
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
