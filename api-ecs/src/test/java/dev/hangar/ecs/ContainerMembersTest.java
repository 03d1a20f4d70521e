package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.Ulimit;
import software.amazon.awssdk.services.ecs.model.UlimitName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Container definition members and volumes as a program inside the container sees them. Each container prints what
 * it finds; the awslogs driver brings the lines to the captured log sink.
 */
class ContainerMembersTest {

    static final CapturedLogs logs = new CapturedLogs();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime()
            .port(LogSink.class, logs).build();
    static EcsClient client;
    private static final String CLUSTER = "members";

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
    }

    /** A container printing the script's output to the log group. */
    private static ContainerDefinition.Builder printing(String name, String group, String script) {
        return shell(name, script).logConfiguration(l -> l.logDriver("awslogs")
                .options(Map.of("awslogs-group", group, "awslogs-stream-prefix", "t")));
    }

    private static String run(String family) {
        return client.runTask(b -> b.cluster(CLUSTER).taskDefinition(family)).tasks().get(0).taskArn();
    }

    /** The lines of the group, once one says "done" (each script ends so). */
    private static List<String> output(String group, String container) {
        return Await.until(group + " to be printed", () -> logs.lines().stream()
                        .filter(l -> l.group().equals(group) && l.stream().startsWith("t/" + container + "/"))
                        .map(CapturedLogs.Line::message).toList(),
                lines -> lines.contains("done"));
    }

    @Test
    void linuxParametersAndTheOtherMembersApply() {
        register(client, "members", printing("box", "/members", String.join("; ",
                        "grep CapEff /proc/self/status", "echo host=$(hostname)",
                        "touch /written 2>/dev/null && echo root-writable || echo root-read-only",
                        "echo nofile=$(ulimit -n)", "echo shm=$(df -k /dev/shm | tail -1 | awk '{print $2}')",
                        "grep -q ' /scratch tmpfs' /proc/mounts && echo scratch=tmpfs", "touch /scratch/x && echo scratch-writable",
                        "grep nameserver /etc/resolv.conf", "grep search /etc/resolv.conf",
                        "echo port-start=$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start)", "echo done"))
                .hostname("box1")
                .readonlyRootFilesystem(true)
                .ulimits(Ulimit.builder().name(UlimitName.NOFILE).softLimit(1234).hardLimit(2048).build())
                .dnsServers("10.9.8.7")
                .dnsSearchDomains("corp.example")
                .systemControls(s -> s.namespace("net.ipv4.ip_unprivileged_port_start").value("99"))
                .linuxParameters(l -> l.capabilities(c -> c.drop("ALL").add("NET_ADMIN"))
                        .sharedMemorySize(32)
                        .tmpfs(t -> t.containerPath("/scratch").size(8).mountOptions("noexec"))
                        .initProcessEnabled(true)));
        run("members");
        List<String> out = output("/members", "box");
        // NET_ADMIN alone is bit 12
        assertTrue(out.contains("CapEff:\t0000000000001000"), out.toString());
        assertTrue(out.contains("host=box1"), out.toString());
        assertTrue(out.contains("root-read-only"), out.toString());
        assertTrue(out.contains("nofile=1234"), out.toString());
        assertTrue(out.contains("shm=32768"), out.toString());
        assertTrue(out.contains("scratch=tmpfs") && out.contains("scratch-writable"), out.toString());
        // a bridge task is also on the agent network (169.254.170.2), where Docker's embedded DNS answers and forwards
        // to the dnsServers; on the default bridge alone they are resolv.conf's own
        assertTrue(out.contains("nameserver 10.9.8.7") || out.contains("nameserver 127.0.0.11"), out.toString());
        assertTrue(out.contains("search corp.example"), out.toString());
        assertTrue(out.contains("port-start=99"), out.toString());
    }

    @Test
    void hostPathsScratchVolumesAndVolumesFromAreSharedAsOnEcs() throws Exception {
        Path dir = Files.createTempDirectory("hangar-ecs-host");
        Files.writeString(dir.resolve("in.txt"), "from-host\n");
        dir.toFile().setWritable(true, false);
        client.registerTaskDefinition(b -> b.family("volumes")
                .volumes(v -> v.name("host").host(h -> h.sourcePath(dir.toString())),
                        v -> v.name("scratch"))
                .containerDefinitions(
                        printing("writer", "/volumes", "cat /mnt/host/in.txt; echo written > /mnt/host/out.txt;"
                                + " echo shared > /data/f; echo done").essential(false)
                                .mountPoints(m -> m.sourceVolume("host").containerPath("/mnt/host"),
                                        m -> m.sourceVolume("scratch").containerPath("/data"))
                                .build(),
                        printing("reader", "/volumes", "cat /data/f; echo done")
                                .mountPoints(m -> m.sourceVolume("scratch").containerPath("/data").readOnly(true))
                                .dependsOn(d -> d.containerName("writer").condition("SUCCESS")).build(),
                        printing("borrower", "/volumes", "cat /data/f; touch /data/g 2>/dev/null || echo read-only;"
                                + " cat /mnt/host/in.txt; echo done")
                                .volumesFrom(f -> f.sourceContainer("writer").readOnly(true))
                                .dependsOn(d -> d.containerName("writer").condition("SUCCESS")).build()));
        String arn = run("volumes");
        assertTrue(output("/volumes", "writer").contains("from-host"));
        assertTrue(output("/volumes", "reader").contains("shared"), "a task's containers share its scratch volume");
        List<String> borrowed = output("/volumes", "borrower");
        assertTrue(borrowed.containsAll(List.of("shared", "read-only", "from-host")), borrowed.toString());
        Task stopped = awaitStatus(client, CLUSTER, arn, "STOPPED");
        assertEquals("written", Files.readString(dir.resolve("out.txt")).trim(), "a host path is bound, not copied");
        String scratch = "ecs-volumes-1-scratch-" + arn.substring(arn.lastIndexOf('/') + 1);
        assertFalse(hangar.runtime().volumeExists(scratch), "the scratch volume goes with its task: " + stopped);
    }

    @Test
    void sharedDockerVolumesAndEfsFileSystemsOutliveTheirTasks() {
        String shared = "hangar-it-" + UUID.randomUUID().toString().substring(0, 8);
        client.registerTaskDefinition(b -> b.family("keeper")
                .volumes(v -> v.name(shared).dockerVolumeConfiguration(d -> d.scope("shared").autoprovision(true)),
                        v -> v.name("files").efsVolumeConfiguration(e -> e.fileSystemId("fs-0123abcd")))
                .containerDefinitions(printing("c", "/keeper", "cat /shared/f /efs/f 2>/dev/null;"
                        + " echo $TEXT > /shared/f; echo $TEXT > /efs/f; echo done")
                        .environment(e -> e.name("TEXT").value("first"))
                        .mountPoints(m -> m.sourceVolume(shared).containerPath("/shared"),
                                m -> m.sourceVolume("files").containerPath("/efs")).build()));
        String first = run("keeper");
        awaitStatus(client, CLUSTER, first, "STOPPED");
        assertTrue(hangar.runtime().volumeExists(shared), "a shared volume stays after its task");
        client.registerTaskDefinition(b -> b.family("reader")
                .volumes(v -> v.name("fs").efsVolumeConfiguration(e -> e.fileSystemId("fs-0123abcd")),
                        v -> v.name(shared).dockerVolumeConfiguration(d -> d.scope("shared").autoprovision(false)))
                .containerDefinitions(printing("r", "/reader", "cat /mnt/efs/f; cat /mnt/shared/f; echo done")
                        .mountPoints(m -> m.sourceVolume("fs").containerPath("/mnt/efs").readOnly(true),
                                m -> m.sourceVolume(shared).containerPath("/mnt/shared")).build()));
        run("reader");
        List<String> read = output("/reader", "r");
        assertEquals(List.of("first", "first", "done"), read,
                "another task, another family, the same file system and the same shared volume");
    }

    @Test
    void aSharedVolumeThatIsMissingWithoutAutoprovisionFailsTheTask() {
        client.registerTaskDefinition(b -> b.family("missing")
                .volumes(v -> v.name("nowhere-" + UUID.randomUUID().toString().substring(0, 8))
                        .dockerVolumeConfiguration(d -> d.scope("shared")))
                .containerDefinitions(shell("c", "true").build()));
        Task stopped = awaitStatus(client, CLUSTER, run("missing"), "STOPPED");
        assertEquals("TaskFailedToStart", stopped.stopCodeAsString());
        assertTrue(stopped.stoppedReason().startsWith("ResourceInitializationError: initialize volume: volume detection"
                + " failed, volume 'nowhere-"), stopped.stoppedReason());
    }
}
