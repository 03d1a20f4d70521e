package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.message;
import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request members that used to be accepted and dropped: each one is now either acted on as AWS does, or recorded
 * and shown back where AWS shows it.
 */
class RequestMembersApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    private static final String CLUSTER = "members";

    @BeforeAll
    static void setUp() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
        register(client, "quick", shell("main", "true"));
        client.registerTaskDefinition(b -> b.family("roled").taskRoleArn("arn:aws:iam::000000000000:role/app")
                .containerDefinitions(shell("main", "true").build())
                .tags(Tag.builder().key("team").value("core").build(), Tag.builder().key("tier").value("td").build()));
        client.registerTaskDefinition(b -> b.family("fargate").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(shell("main", "true").build()));
    }

    @Test
    void clusterServiceConnectDefaultsAndIncludedFields() {
        Cluster created = client.createCluster(b -> b.clusterName("connected")
                .serviceConnectDefaults(d -> d.namespace("local"))
                .configuration(c -> c.executeCommandConfiguration(e -> e.logging("DEFAULT")))).cluster();
        assertEquals("local", created.serviceConnectDefaults().namespace());
        assertEquals("containerInsights", created.settings().get(0).nameAsString());
        assertEquals("DEFAULT", created.configuration().executeCommandConfiguration().loggingAsString());

        Cluster plain = client.describeClusters(b -> b.clusters("connected")).clusters().get(0);
        assertEquals("local", plain.serviceConnectDefaults().namespace());
        assertTrue(plain.settings().isEmpty(), "settings only with include SETTINGS");
        assertNull(plain.configuration(), "configuration only with include CONFIGURATIONS");

        Cluster full = client.describeClusters(b -> b.clusters("connected")
                .include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS)).clusters().get(0);
        assertEquals("disabled", full.settings().get(0).value());
        assertEquals("DEFAULT", full.configuration().executeCommandConfiguration().loggingAsString());
    }

    @Test
    void enableExecuteCommandIsShownAndNeedsATaskRole() {
        InvalidParameterException noRole = assertThrows(InvalidParameterException.class, () -> client.runTask(
                b -> b.cluster(CLUSTER).taskDefinition("quick").enableExecuteCommand(true)));
        assertTrue(noRole.awsErrorDetails().errorMessage().startsWith(
                "The execute command failed because a valid task role is not being used."), noRole.getMessage());
        Task withRole = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("roled").enableExecuteCommand(true))
                .tasks().get(0);
        assertTrue(withRole.enableExecuteCommand());
        assertTrue(describe(client, CLUSTER, withRole.taskArn()).enableExecuteCommand());
        Task overridden = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quick").enableExecuteCommand(true)
                .overrides(o -> o.taskRoleArn("arn:aws:iam::000000000000:role/other"))).tasks().get(0);
        assertTrue(overridden.enableExecuteCommand());
        assertFalse(client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quick")).tasks().get(0)
                .enableExecuteCommand());
    }

    @Test
    void propagateTagsFromTheTaskDefinition() {
        Task propagated = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("roled")
                .propagateTags(PropagateTags.TASK_DEFINITION)
                .tags(Tag.builder().key("tier").value("task").build())).tasks().get(0);
        Map<String, String> tags = tagMap(client.describeTasks(b -> b.cluster(CLUSTER).tasks(propagated.taskArn())
                .include(TaskField.TAGS)).tasks().get(0).tags());
        assertEquals(Map.of("team", "core", "tier", "task"), tags, "the request's own tags win on the same key");
        assertEquals(Map.of("team", "core", "tier", "task"), tagMap(client.listTagsForResource(b -> b
                .resourceArn(propagated.taskArn())).tags()));

        Task notPropagated = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("roled")).tasks().get(0);
        assertTrue(client.listTagsForResource(b -> b.resourceArn(notPropagated.taskArn())).tags().isEmpty());
        Task none = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("roled").propagateTags(PropagateTags.NONE))
                .tasks().get(0);
        assertTrue(client.listTagsForResource(b -> b.resourceArn(none.taskArn())).tags().isEmpty());

        assertThrows(InvalidParameterException.class, () -> client.runTask(b -> b.cluster(CLUSTER)
                .taskDefinition("roled").propagateTags(PropagateTags.SERVICE)));
    }

    @Test
    void platformVersion() {
        Task pinned = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("fargate").launchType(LaunchType.FARGATE)
                .platformVersion("1.3.0").networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
                .tasks().get(0);
        assertEquals("1.3.0", pinned.platformVersion());
        assertEquals("1.3.0", describe(client, CLUSTER, pinned.taskArn()).platformVersion());
        Task latest = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("fargate").launchType(LaunchType.FARGATE)
                .platformVersion("LATEST").networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
                .tasks().get(0);
        assertEquals("1.4.0", latest.platformVersion());

        assertEquals("The platform version must be null when specifying an EC2 launch type.", message(assertThrows(
                InvalidParameterException.class, () -> client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quick")
                        .launchType(LaunchType.EC2).platformVersion("LATEST")))));
        assertNull(client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quick")).tasks().get(0).platformVersion());
    }

    @Test
    void clientTokenMakesRunTaskIdempotentPerCluster() {
        client.createCluster(b -> b.clusterName("members-other"));
        String token = "retry-" + System.nanoTime();
        List<Task> first = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quick").count(2)
                .startedBy("idem").clientToken(token)).tasks();
        List<Task> retry = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("quick").count(2)
                .startedBy("idem").clientToken(token)).tasks();
        assertEquals(2, first.size());
        assertEquals(Set.copyOf(first.stream().map(Task::taskArn).toList()),
                Set.copyOf(retry.stream().map(Task::taskArn).toList()), "a retry launches nothing more");
        List<String> all = new java.util.ArrayList<>(client.listTasks(b -> b.cluster(CLUSTER).startedBy("idem"))
                .taskArns());
        all.addAll(client.listTasks(b -> b.cluster(CLUSTER).startedBy("idem")
                .desiredStatus(software.amazon.awssdk.services.ecs.model.DesiredStatus.STOPPED)).taskArns());
        assertEquals(2, all.size());

        Task elsewhere = client.runTask(b -> b.cluster("members-other").taskDefinition("quick").clientToken(token))
                .tasks().get(0);
        assertFalse(first.stream().anyMatch(t -> t.taskArn().equals(elsewhere.taskArn())),
                "the same token in another cluster is another request");

        assertThrows(InvalidParameterException.class, () -> client.runTask(b -> b.cluster(CLUSTER)
                .taskDefinition("quick").clientToken("x".repeat(65))));
    }

    /** Every member of RegisterTaskDefinition and of ContainerDefinition comes back from DescribeTaskDefinition. */
    @Test
    void registerRoundTripsEveryMember() {
        ContainerDefinition side = ContainerDefinition.builder().name("side").image(BUSYBOX).memory(32)
                .essential(false).cpu(0).environment(List.of()).mountPoints(List.of()).volumesFrom(List.of())
                .systemControls(List.of()).portMappings(List.of()).build();
        ContainerDefinition app = ContainerDefinition.builder()
                .name("app").image(BUSYBOX)
                .repositoryCredentials(c -> c.credentialsParameter("arn:aws:secretsmanager:us-east-1:000000000000:secret:x"))
                .cpu(128).memory(256).memoryReservation(128)
                .links("side")
                .portMappings(p -> p.containerPort(80).hostPort(8080).protocol("tcp").name("web").appProtocol("http"))
                .essential(true)
                .restartPolicy(r -> r.enabled(true).ignoredExitCodes(0).restartAttemptPeriod(60))
                .entryPoint("sh", "-c").command("sleep 1")
                .environment(e -> e.name("A").value("1"))
                .environmentFiles(f -> f.value("arn:aws:s3:::bucket/app.env").type("s3"))
                .mountPoints(m -> m.sourceVolume("data").containerPath("/data").readOnly(true))
                .volumesFrom(v -> v.sourceContainer("side").readOnly(true))
                .linuxParameters(l -> l.initProcessEnabled(true).sharedMemorySize(64)
                        .capabilities(c -> c.add("NET_ADMIN").drop("MKNOD"))
                        .tmpfs(t -> t.containerPath("/tmp").size(16).mountOptions("rw")))
                .secrets(s -> s.name("PASSWORD").valueFrom("arn:aws:ssm:us-east-1:000000000000:parameter/pw"))
                .dependsOn(d -> d.containerName("side").condition(ContainerCondition.START))
                .startTimeout(30).stopTimeout(5)
                .versionConsistency("disabled")
                .hostname("app-host").user("1000:1000").workingDirectory("/srv")
                .disableNetworking(false).privileged(true).readonlyRootFilesystem(true)
                .dnsServers("10.0.0.2").dnsSearchDomains("example.internal")
                .extraHosts(h -> h.hostname("db").ipAddress("10.0.0.5"))
                .dockerSecurityOptions("no-new-privileges")
                .interactive(true).pseudoTerminal(true)
                .dockerLabels(Map.of("team", "core"))
                .ulimits(u -> u.name("nofile").softLimit(1024).hardLimit(4096))
                .logConfiguration(l -> l.logDriver(LogDriver.JSON_FILE).options(Map.of("max-size", "1m")))
                .healthCheck(h -> h.command("CMD-SHELL", "true").interval(10).timeout(2).retries(3).startPeriod(1))
                .systemControls(s -> s.namespace("net.core.somaxconn").value("1024"))
                .resourceRequirements(r -> r.type("GPU").value("1"))
                .firelensConfiguration(f -> f.type("fluentbit").options(Map.of("enable-ecs-log-metadata", "true")))
                .credentialSpecs("credentialspecdomainless:arn:aws:s3:::bucket/spec.json")
                .build();
        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                .family("everything")
                .taskRoleArn("arn:aws:iam::000000000000:role/task")
                .executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(app, side)
                .volumes(v -> v.name("data").host(h -> h.sourcePath("/srv/data")))
                .placementConstraints(p -> p.type("memberOf").expression("attribute:ecs.instance-type =~ t2.*"))
                .requiresCompatibilities(Compatibility.EC2)
                .cpu("512").memory("1024")
                .tags(Tag.builder().key("k").value("v").build())
                .pidMode("task").ipcMode("none")
                .proxyConfiguration(p -> p.type("APPMESH").containerName("side")
                        .properties(kv -> kv.name("ProxyIngressPort").value("15000")))
                .inferenceAccelerators(i -> i.deviceName("device1").deviceType("eia2.medium"))
                .ephemeralStorage(e -> e.sizeInGiB(30))
                .runtimePlatform(r -> r.cpuArchitecture("X86_64").operatingSystemFamily("LINUX"))
                .enableFaultInjection(true)
                .build();
        client.registerTaskDefinition(request);
        TaskDefinition described = client.describeTaskDefinition(b -> b.taskDefinition("everything")).taskDefinition();

        assertSameMembers(app, described.containerDefinitions().get(0), Set.of());
        assertSameMembers(side, described.containerDefinitions().get(1), Set.of());
        // request members that are also TaskDefinition members (tags come back apart, with include TAGS)
        Map<String, SdkField<?>> byName = new java.util.HashMap<>();
        described.sdkFields().forEach(f -> byName.put(f.memberName(), f));
        for (SdkField<?> f : request.sdkFields()) {
            if (Set.of("containerDefinitions", "tags").contains(f.memberName())) {
                continue;
            }
            SdkField<?> out = byName.get(f.memberName());
            assertTrue(out != null, "TaskDefinition has no member " + f.memberName());
            assertEquals(f.getValueOrDefault(request), out.getValueOrDefault(described),
                    "RegisterTaskDefinition member " + f.memberName() + " is echoed back");
        }
    }

    private static void assertSameMembers(SdkPojo expected, SdkPojo actual, Set<String> skip) {
        for (SdkField<?> f : expected.sdkFields()) {
            if (!skip.contains(f.memberName())) {
                assertEquals(f.getValueOrDefault(expected), f.getValueOrDefault(actual),
                        "ContainerDefinition member " + f.memberName() + " is echoed back");
            }
        }
    }

    private static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> out = new java.util.HashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
