package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces of container mode (Hangar in a container of the engine it drives) that can be proven from the host:
 * mounts copied into a created container, finding a container by id, and the reaper's rule for owners it cannot
 * see. The whole of it runs in hangar-testcontainers' HangarContainerTest.
 */
class ContainerModeTest {

    private static RuntimeFixture fx;
    private static DockerClients clients;
    private static DockerClient raw;

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
        clients = DockerClients.open(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
        raw = clients.calls;
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
        clients.close();
    }

    @Test
    void mountedFoldersAreCopiedIntoTheCreatedContainerWithTheirExecutableBits(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "alpha\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "beta\n");
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho ran\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ContainerSpec spec = RuntimeFixture.busybox("sh", "-c", "cat /var/task/a.txt /var/task/sub/b.txt; /var/task/run.sh")
                .mounts(List.of(new ContainerSpec.Mount(dir.toString(), "/var/task", true))).build();

        ContainerHandle h = fx.runtime.create(MountCopies.withoutMounts(spec));
        MountCopies.copyInto(raw, h.id(), spec.mounts());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> seen = new ArrayList<>();
        try (AutoCloseable follow = fx.runtime.followLogs(h.id(), line -> lines.add(line.text()))) {
            fx.runtime.start(h.id());
            for (int i = 0; i < 3; i++) {
                String line = lines.poll(20, TimeUnit.SECONDS);
                if (line == null) {
                    break;
                }
                seen.add(line);
            }
        }
        assertEquals(List.of("alpha", "beta", "ran"), seen);
        assertTrue(raw.inspectContainerCmd(h.id()).exec().getHostConfig().getBinds() == null
                || raw.inspectContainerCmd(h.id()).exec().getHostConfig().getBinds().length == 0, "no bind mount");
        fx.runtime.remove(h.id());
    }

    @Test
    void findsAContainerByItsIdAndItsNetworkButNotByAName() throws Exception {
        String name = "hangar-self-" + UUID.randomUUID().toString().substring(0, 8);
        ContainerHandle h = fx.run(RuntimeFixture.busybox("sleep", "30").name(name));
        try {
            Optional<SelfContainer> self = SelfContainer.inspect(raw, Set.of(h.id().substring(0, 12)));
            assertTrue(self.isPresent());
            assertEquals(h.id(), self.get().id());
            assertEquals("bridge", self.get().network());
            assertTrue(self.get().ipAddress().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), self.get().ipAddress());
            assertFalse(self.get().hostNetwork());

            assertEquals(Optional.empty(), SelfContainer.inspect(raw, Set.of(name)));
            // the start path's own request over the socket reads the same
            Path socket = SocketInspect.socket(System.getenv("DOCKER_HOST")).orElseThrow();
            assertEquals(self, SocketInspect.inspect(socket, h.id().substring(0, 12)));
            assertEquals(Optional.empty(), SocketInspect.inspect(socket, name));
            assertEquals(Optional.empty(), SocketInspect.inspect(socket, "0123456789abcdef"));
        } finally {
            fx.runtime.remove(h.id());
        }
    }

    @Test
    void inAContainerTheReaperSparesOwnersOnHostsItCannotSeeButNotDeadSiblingContainers() {
        String hostOwned = labelled("engine-host:" + (Integer.MAX_VALUE - 7) + ":1");
        String deadSibling = labelled("0123456789ab" + "0".repeat(52) + ":1:1");
        try {
            List<String> fromHost = new OrphanReaper(raw, "test-reaper", false).findOrphans();
            assertTrue(fromHost.containsAll(List.of(hostOwned, deadSibling)), "host mode reaps both");

            List<String> fromContainer = new OrphanReaper(raw, "test-reaper", true).findOrphans();
            assertFalse(fromContainer.contains(hostOwned), "a Hangar on the engine's host may be alive");
            assertTrue(fromContainer.contains(deadSibling), "a sibling container that is not running is dead");
        } finally {
            // another Hangar on this engine may have reaped them meanwhile: remove() does not mind
            fx.runtime.remove(hostOwned);
            fx.runtime.remove(deadSibling);
        }
    }

    private static String labelled(String owner) {
        // labelled as another, dead Hangar's; never started, so nothing runs
        return raw.createContainerCmd(TestImages.BUSYBOX).withCmd("true")
                .withLabels(Map.of(HangarLabels.MANAGED, "true", HangarLabels.INSTANCE, "gone-" + UUID.randomUUID(),
                        HangarLabels.OWNER, owner)).exec().getId();
    }
}
