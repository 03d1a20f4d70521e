package dev.hangar.server;

import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.runtime.RuntimeStatus;
import dev.hangar.runtime.RuntimeUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Docker runtime connects off the start path, but at once when it is used. */
class ConnectingRuntimeTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void healthAskingStartsConnectingAndSaysSoUntilConnected() {
        ConnectingRuntime runtime = new ConnectingRuntime(DockerContainerRuntime.newInstanceId());
        runtime.connectAfter(NEVER);
        try {
            RuntimeStatus first = runtime.statusNow();
            assertTrue(first.available() || first.detail().equals("connecting to the Docker engine"), first.detail());
            // a launch asks status() and waits for the connection instead of failing for an engine not yet connected
            RuntimeStatus connected = runtime.status();
            assertTrue(connected.available(), "Docker must be running (bash scripts/docker-up.sh): " + connected.detail());
            assertEquals(connected, runtime.statusNow());
        } finally {
            runtime.close();
        }
    }

    @Test
    void anEngineCallConnectsWithoutWaitingForTheDelay() {
        ConnectingRuntime runtime = new ConnectingRuntime(DockerContainerRuntime.newInstanceId());
        runtime.connectAfter(NEVER);
        try {
            runtime.imagePresent("hangar-test/busybox:latest");
            assertTrue(runtime.statusNow().available(), runtime.statusNow().detail());
        } finally {
            runtime.close();
        }
    }

    @Test
    void closingBeforeConnectingConnectsNothing() {
        ConnectingRuntime runtime = new ConnectingRuntime(DockerContainerRuntime.newInstanceId());
        runtime.connectAfter(NEVER);
        assertEquals(0, runtime.removeAll());
        runtime.close();
        assertThrows(RuntimeUnavailableException.class, () -> runtime.create(null));
        assertTrue(!runtime.statusNow().available());
    }

    @Test
    void usedBeforeTheServerListensItConnectsAnyway() {
        ConnectingRuntime runtime = new ConnectingRuntime(DockerContainerRuntime.newInstanceId());
        try {
            assertTrue(runtime.status().available(), runtime.status().detail());
        } finally {
            runtime.close();
        }
    }
}
