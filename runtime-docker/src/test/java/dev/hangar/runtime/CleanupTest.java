package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanupTest {

    private static RuntimeFixture fx;
    private static DockerClients clients;
    private static DockerClient raw;

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        clients = DockerClients.open(config);
        raw = clients.calls;
    }

    @AfterAll
    static void cleanUp() throws Exception {
        fx.close();
        clients.close();
    }

    @Test
    void removeAllRemovesThisInstancesContainersRunningOrNotAndNothingElse() {
        try (DockerContainerRuntime mine = DockerContainerRuntime.connect("test-mine-" + uuid());
             DockerContainerRuntime other = DockerContainerRuntime.connect("test-other-" + uuid())) {
            mine.start(mine.create(RuntimeFixture.busybox("sleep", "60").build()).id());
            mine.start(mine.create(RuntimeFixture.busybox("true").build()).id());
            mine.create(RuntimeFixture.busybox("true").build());
            ContainerHandle theirs = other.create(RuntimeFixture.busybox("sleep", "60").build());

            assertEquals(3, mine.removeAll());
            assertEquals(0, mine.removeAll());
            assertEquals(ContainerState.Status.CREATED, other.inspect(theirs.id()).status());
            assertEquals(1, other.removeAll());
        }
    }

    @Test
    void reapOrphansRemovesDeadInstancesContainersButNeverUnlabelledOnesOrLiveInstances() {
        String unlabelled = raw.createContainerCmd(TestImages.BUSYBOX).withCmd("sleep", "60")
                .withLabels(Map.of("purpose", "hangar reaper test")).exec().getId();
        // left by a Hangar whose process is gone: a pid that cannot be alive on this host
        HangarLabels.ProcessOwner me = HangarLabels.ProcessOwner.current();
        String deadOwner = new HangarLabels.ProcessOwner(me.host(), Integer.MAX_VALUE - 7, 1L).label();
        String orphan = raw.createContainerCmd(TestImages.BUSYBOX).withCmd("sleep", "60")
                .withLabels(Map.of(HangarLabels.MANAGED, "true", HangarLabels.INSTANCE, "dead-" + uuid(),
                        HangarLabels.OWNER, deadOwner)).exec().getId();
        raw.startContainerCmd(orphan).exec();
        // a Hangar from before the owner label existed counts as dead too
        String ownerless = raw.createContainerCmd(TestImages.BUSYBOX).withCmd("true")
                .withLabels(Map.of(HangarLabels.MANAGED, "true", HangarLabels.INSTANCE, "old-" + uuid())).exec().getId();
        try (DockerContainerRuntime live = DockerContainerRuntime.connect("test-live-" + uuid())) {
            ContainerHandle liveOnes = live.create(RuntimeFixture.busybox("sleep", "60").build());
            ContainerHandle ours = fx.runtime.create(RuntimeFixture.busybox("sleep", "60").build());
            try {
                int reaped = fx.runtime.reapOrphans();

                assertTrue(reaped >= 2, "reaped " + reaped);
                assertEquals(ContainerState.Status.GONE, fx.runtime.inspect(orphan).status());
                assertEquals(ContainerState.Status.GONE, fx.runtime.inspect(ownerless).status());
                assertEquals(ContainerState.Status.CREATED, fx.runtime.inspect(unlabelled).status());
                assertEquals(ContainerState.Status.CREATED, fx.runtime.inspect(ours.id()).status());
                assertEquals(ContainerState.Status.CREATED, live.inspect(liveOnes.id()).status());
            } finally {
                live.removeAll();
            }
        } finally {
            raw.removeContainerCmd(unlabelled).withForce(true).exec();
        }
    }

    @Test
    void labelsEveryContainerWithInstanceAndOwner() {
        ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("true")
                .labels(Map.of("app", "x", HangarLabels.INSTANCE, "spoofed")).build());
        Map<String, String> labels = raw.inspectContainerCmd(h.id()).exec().getConfig().getLabels();
        assertEquals("true", labels.get(HangarLabels.MANAGED));
        assertEquals(fx.runtime.instanceId(), labels.get(HangarLabels.INSTANCE));
        assertEquals(HangarLabels.ProcessOwner.current().label(), labels.get(HangarLabels.OWNER));
        assertEquals("x", labels.get("app"));
        fx.runtime.remove(h.id());
    }

    @Test
    void newInstanceIdsAreDistinctLabelValues() {
        String a = DockerContainerRuntime.newInstanceId();
        assertTrue(a.matches("h-[0-9a-f]{12}"), a);
        assertTrue(!a.equals(DockerContainerRuntime.newInstanceId()));
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
