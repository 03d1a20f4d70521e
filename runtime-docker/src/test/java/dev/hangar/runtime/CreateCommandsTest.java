package dev.hangar.runtime;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a ContainerSpec becomes in the engine's create request (no engine needed). */
class CreateCommandsTest {

    private static CreateContainerCmd create(ContainerSpec spec) {
        return CreateCommands.apply(new CreateContainerCmdImpl(command -> null, null, spec.image()), spec, "h-test");
    }

    @Test
    void healthCheckBecomesTheEnginesInNanoseconds() {
        CreateContainerCmd cmd = create(ContainerSpec.builder("img").healthCheck(new ContainerSpec.HealthCheck(
                List.of("CMD-SHELL", "true"), Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ZERO)).build());
        assertEquals(List.of("CMD-SHELL", "true"), cmd.getHealthcheck().getTest());
        assertEquals(5_000_000_000L, cmd.getHealthcheck().getInterval());
        assertEquals(2_000_000_000L, cmd.getHealthcheck().getTimeout());
        assertEquals(3, cmd.getHealthcheck().getRetries());
        assertEquals(0L, cmd.getHealthcheck().getStartPeriod());
        assertEquals(List.of("NONE"), create(ContainerSpec.builder("img").healthCheck(ContainerSpec.HealthCheck.NONE)
                .build()).getHealthcheck().getTest());
        assertNull(create(ContainerSpec.builder("img").build()).getHealthcheck(), "the image's own by default");
    }

    @Test
    void linuxMembersGoToTheHostConfig() {
        CreateContainerCmd cmd = create(ContainerSpec.builder("img")
                .hostname("box").privileged(true).readonlyRootfs(true).tty(true).openStdin(true)
                .capAdd(List.of("NET_ADMIN")).capDrop(List.of("CAP_CHOWN"))
                .shmSizeBytes(128L << 20).tmpfs(Map.of("/scratch", "noexec,size=16m"))
                .devices(List.of(new ContainerSpec.Device("/dev/fuse", null, "rw")))
                .ulimits(List.of(new ContainerSpec.Ulimit("nofile", 1024, 2048)))
                .dnsServers(List.of("10.0.0.2")).dnsSearch(List.of("corp.example"))
                .securityOpts(List.of("no-new-privileges")).sysctls(Map.of("net.ipv4.ip_forward", "1"))
                .memoryBytes(64L << 20).swapBytes(32L << 20).swappiness(10)
                .volumeMounts(List.of(new ContainerSpec.VolumeMount("vol1", "/data", true)))
                .volumesFrom(List.of(new ContainerSpec.VolumesFrom("other", true)))
                .build());
        HostConfig host = cmd.getHostConfig();
        assertEquals("box", cmd.getHostName());
        assertTrue(cmd.isTty() && cmd.isStdinOpen());
        assertTrue(host.getPrivileged() && host.getReadonlyRootfs());
        assertArrayEquals(new Capability[]{Capability.NET_ADMIN}, host.getCapAdd());
        assertArrayEquals(new Capability[]{Capability.CHOWN}, host.getCapDrop());
        assertEquals(128L << 20, host.getShmSize());
        assertEquals(Map.of("/scratch", "noexec,size=16m"), host.getTmpFs());
        assertEquals("/dev/fuse", host.getDevices()[0].getPathInContainer());
        assertEquals("rw", host.getDevices()[0].getcGroupPermissions());
        assertEquals("nofile", host.getUlimits()[0].getName());
        assertEquals(2048L, host.getUlimits()[0].getHardLong());
        assertEquals(List.of("10.0.0.2"), List.of(host.getDns()));
        assertEquals(List.of("corp.example"), List.of(host.getDnsSearch()));
        assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), host.getSysctls());
        assertEquals(96L << 20, host.getMemorySwap(), "swap on top of the memory limit");
        assertEquals(10L, host.getMemorySwappiness());
        assertEquals(MountType.VOLUME, host.getMounts().get(0).getType());
        assertEquals("vol1", host.getMounts().get(0).getSource());
        assertEquals("/data", host.getMounts().get(0).getTarget());
        assertTrue(host.getMounts().get(0).getReadOnly());
        assertEquals("other", host.getVolumesFrom()[0].getContainer());
        assertEquals(AccessMode.ro, host.getVolumesFrom()[0].getAccessMode());
    }

    @Test
    void withoutSwapTheLimitIsTheMemoryAndAnUnknownCapabilityIsRefused() {
        assertEquals(64L << 20, create(ContainerSpec.builder("img").memoryBytes(64L << 20).build())
                .getHostConfig().getMemorySwap());
        assertThrows(ContainerRuntimeException.class,
                () -> create(ContainerSpec.builder("img").capAdd(List.of("FLY")).build()));
    }

    @Test
    void containerModeKeepsEveryOtherMember() {
        ContainerSpec spec = ContainerSpec.builder("img").hostname("h").mounts(List.of(
                new ContainerSpec.Mount("/a", "/b", false))).volumeMounts(List.of(
                new ContainerSpec.VolumeMount("v", "/c", false))).build();
        ContainerSpec copied = MountCopies.withoutMounts(spec);
        assertEquals(List.of(), copied.mounts());
        assertEquals(spec.volumeMounts(), copied.volumeMounts(), "engine volumes need no copy");
        assertEquals(spec.withMounts(List.of()), copied);
    }
}
