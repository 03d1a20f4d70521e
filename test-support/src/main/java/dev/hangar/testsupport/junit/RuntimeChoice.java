package dev.hangar.testsupport.junit;

import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.RuntimeStatus;

import java.util.UUID;
import java.util.function.Supplier;

/** Which container runtime a {@link HangarExtension} provides, made anew for each Hangar it starts. */
final class RuntimeChoice {

    /** No runtime port at all: services that need none (Logs). */
    static final RuntimeChoice NONE = new RuntimeChoice(null, false);

    private final Supplier<ContainerRuntime> make;
    /** A real engine's containers are removed when the Hangar closes; a caller's runtime may be unreachable. */
    private final boolean docker;

    private RuntimeChoice(Supplier<ContainerRuntime> make, boolean docker) {
        this.make = make;
        this.docker = docker;
    }

    static RuntimeChoice fake() {
        return new RuntimeChoice(FakeContainerRuntime::new, false);
    }

    /**
     * The local Docker engine under an instance id of this run's own, so that only this Hangar's containers are
     * removed at close. Fails, never skips, when no engine answers: the suites that need one need it.
     */
    static RuntimeChoice docker() {
        return new RuntimeChoice(() -> {
            DockerContainerRuntime runtime = DockerContainerRuntime.connect("test-"
                    + UUID.randomUUID().toString().substring(0, 8));
            RuntimeStatus status = runtime.status();
            if (!status.available()) {
                runtime.close();
                throw new AssertionError("Docker must be running for this test (bash scripts/docker-up.sh): "
                        + status.detail());
            }
            return runtime;
        }, true);
    }

    static RuntimeChoice custom(Supplier<? extends ContainerRuntime> make) {
        return new RuntimeChoice(make::get, false);
    }

    /** Null for {@link #NONE}. */
    ContainerRuntime make() {
        return make == null ? null : make.get();
    }

    boolean removesContainersAtClose() {
        return docker;
    }
}
