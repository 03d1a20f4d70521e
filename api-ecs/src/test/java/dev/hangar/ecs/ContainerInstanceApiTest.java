package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static dev.hangar.ecs.EcsTestData.await;
import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container instance standing for the Docker host (the fake one: 2 CPUs, 4096 MiB) and placement on it: what
 * DescribeContainerInstances / ListContainerInstances show, RESOURCE:MEMORY / RESOURCE:CPU / RESOURCE:PORTS
 * failures, and remaining resources going down as tasks are placed and back up when they stop. One cluster per
 * test, so that each test has its own instance.
 */
class ContainerInstanceApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void definitions() {
        client = hangar.client(EcsClient.class);
        register(client, "m3000", container("main", "img/any").memory(3000));
        register(client, "m1500", container("main", "img/any").memory(1500));
        register(client, "cpu4096", container("main", "img/any").cpu(4096));
        register(client, "port80", container("main", "img/any").portMappings(p -> p.containerPort(80).hostPort(8081)));
    }

    private static String instanceOf(String cluster) {
        client.createCluster(b -> b.clusterName(cluster));
        List<String> arns = client.listContainerInstances(b -> b.cluster(cluster)).containerInstanceArns();
        assertEquals(1, arns.size());
        return arns.get(0);
    }

    private static ContainerInstance describe(String cluster, String arn) {
        DescribeContainerInstancesResponse r = client.describeContainerInstances(b -> b.cluster(cluster)
                .containerInstances(arn));
        assertEquals(List.of(), r.failures());
        return r.containerInstances().get(0);
    }

    private static Resource resource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static int remaining(String cluster, String arn, String name) {
        return resource(describe(cluster, arn).remainingResources(), name).integerValue();
    }

    @Test
    void everyClusterHasOneInstanceStandingForTheHost() {
        String arn = instanceOf("ci-show");
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        assertTrue(arn.matches("arn:aws:ecs:us-east-1:000000000000:container-instance/ci-show/[0-9a-f]{32}"), arn);
        assertEquals(1, client.describeClusters(b -> b.clusters("ci-show")).clusters().get(0)
                .registeredContainerInstancesCount());

        ContainerInstance instance = describe("ci-show", id);
        assertEquals(arn, instance.containerInstanceArn());
        assertTrue(instance.ec2InstanceId().matches("i-[0-9a-f]{17}"), instance.ec2InstanceId());
        assertEquals("ACTIVE", instance.status());
        assertTrue(instance.agentConnected());
        assertEquals(2048, resource(instance.registeredResources(), "CPU").integerValue());
        assertEquals(4096, resource(instance.registeredResources(), "MEMORY").integerValue());
        assertEquals("INTEGER", resource(instance.registeredResources(), "MEMORY").type());
        assertEquals(List.of("22", "2375", "2376", "51678", "51679"),
                resource(instance.registeredResources(), "PORTS").stringSetValue());
        assertEquals(List.of(), resource(instance.registeredResources(), "PORTS_UDP").stringSetValue());
        assertEquals(0, instance.runningTasksCount());
        assertEquals("DockerVersion: fake", instance.versionInfo().dockerVersion());
        assertTrue(instance.attributes().contains(Attribute.builder().name("ecs.os-type").value("linux").build()));
        assertTrue(instance.attributes().stream().anyMatch(a -> a.name().equals(
                "com.amazonaws.ecs.capability.logging-driver.awslogs")));
        assertNotNullNorEmpty(instance.registeredAt());

        DescribeContainerInstancesResponse unknown = client.describeContainerInstances(b -> b.cluster("ci-show")
                .containerInstances("0123456789abcdef0123456789abcdef"));
        assertEquals(List.of(), unknown.containerInstances());
        assertEquals("MISSING", unknown.failures().get(0).reason());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:container-instance/ci-show/0123456789abcdef0123456789abcdef",
                unknown.failures().get(0).arn());
    }

    private static void assertNotNullNorEmpty(Object value) {
        assertFalse(value == null || value.toString().isEmpty());
    }

    @Test
    void listFiltersByStatusAndAttributeAndPages() {
        String arn = instanceOf("ci-list");
        ListContainerInstancesResponse first = client.listContainerInstances(b -> b.cluster("ci-list").maxResults(1));
        assertEquals(List.of(arn), first.containerInstanceArns());
        assertNull(first.nextToken());
        assertEquals(List.of(arn), client.listContainerInstances(b -> b.cluster("ci-list")
                .status(ContainerInstanceStatus.ACTIVE)).containerInstanceArns());
        assertEquals(List.of(), client.listContainerInstances(b -> b.cluster("ci-list")
                .status(ContainerInstanceStatus.DRAINING)).containerInstanceArns());
        assertEquals(List.of(arn), client.listContainerInstances(b -> b.cluster("ci-list")
                .filter("attribute:ecs.os-type == linux")).containerInstanceArns());
        assertEquals(List.of(), client.listContainerInstances(b -> b.cluster("ci-list")
                .filter("attribute:ecs.os-type == windows and runningTasksCount == 0")).containerInstanceArns());
        assertEquals(List.of(arn), client.listContainerInstances(b -> b.cluster("ci-list")
                .filter("runningTasksCount < 1")).containerInstanceArns());
        assertThrows(InvalidParameterException.class, () -> client.listContainerInstances(b -> b.cluster("ci-list")
                .nextToken("made-up")));
    }

    @Test
    void aTaskThatDoesNotFitIsNotStartedAndResourcesComeBackWhenItStops() {
        String arn = instanceOf("ci-mem");
        long version = describe("ci-mem", arn).version();
        RunTaskResponse first = client.runTask(b -> b.cluster("ci-mem").taskDefinition("m3000"));
        assertEquals(List.of(), first.failures());
        Task task = first.tasks().get(0);
        assertEquals(arn, task.containerInstanceArn());
        assertEquals(4096 - 3000, remaining("ci-mem", arn, "MEMORY"));
        assertEquals(2048, remaining("ci-mem", arn, "CPU"));
        assertTrue(describe("ci-mem", arn).version() > version);

        RunTaskResponse second = client.runTask(b -> b.cluster("ci-mem").taskDefinition("m3000"));
        assertEquals(List.of(), second.tasks());
        assertEquals("RESOURCE:MEMORY", second.failures().get(0).reason());
        assertEquals(arn, second.failures().get(0).arn());

        awaitStatus(client, "ci-mem", task.taskArn(), "RUNNING");
        assertEquals(1, describe("ci-mem", arn).runningTasksCount());
        client.stopTask(b -> b.cluster("ci-mem").task(task.taskArn()));
        awaitStatus(client, "ci-mem", task.taskArn(), "STOPPED");
        assertEquals(4096, remaining("ci-mem", arn, "MEMORY"));
        assertEquals(0, describe("ci-mem", arn).runningTasksCount());
        assertEquals(List.of(), client.runTask(b -> b.cluster("ci-mem").taskDefinition("m3000")).failures());
    }

    @Test
    void aRunTaskOfSeveralStartsOnlyWhatFits() {
        String arn = instanceOf("ci-count");
        RunTaskResponse r = client.runTask(b -> b.cluster("ci-count").taskDefinition("m1500").count(3));
        assertEquals(2, r.tasks().size());
        assertEquals(1, r.failures().size());
        assertEquals("RESOURCE:MEMORY", r.failures().get(0).reason());
        assertEquals(4096 - 3000, remaining("ci-count", arn, "MEMORY"));
    }

    @Test
    void cpuAndStaticPortsAreReservedToo() {
        String arn = instanceOf("ci-cpu");
        RunTaskResponse cpu = client.runTask(b -> b.cluster("ci-cpu").taskDefinition("cpu4096"));
        assertEquals("RESOURCE:CPU", cpu.failures().get(0).reason());
        assertEquals(arn, cpu.failures().get(0).arn());

        Task web = client.runTask(b -> b.cluster("ci-cpu").taskDefinition("port80")).tasks().get(0);
        assertTrue(resource(describe("ci-cpu", arn).remainingResources(), "PORTS").stringSetValue().contains("8081"));
        RunTaskResponse again = client.runTask(b -> b.cluster("ci-cpu").taskDefinition("port80"));
        assertEquals("RESOURCE:PORTS", again.failures().get(0).reason());
        client.stopTask(b -> b.cluster("ci-cpu").task(web.taskArn()));
        await(client, "ci-cpu", web.taskArn(), Duration.ofSeconds(10), t -> "STOPPED".equals(t.lastStatus()));
        assertFalse(resource(describe("ci-cpu", arn).remainingResources(), "PORTS").stringSetValue().contains("8081"));
    }

    @Test
    void bridgeTasksStartPendingAndAwsvpcTasksProvisioningFargateOnNoInstance() {
        instanceOf("ci-status");
        Task bridge = client.runTask(b -> b.cluster("ci-status").taskDefinition("m1500")).tasks().get(0);
        assertEquals("PENDING", bridge.lastStatus());

        client.registerTaskDefinition(b -> b.family("fg").networkMode("awsvpc").requiresCompatibilitiesWithStrings(
                "FARGATE").cpu("256").memory("512").containerDefinitions(container("main", "img/any").build()));
        Task fargate = client.runTask(b -> b.cluster("ci-status").taskDefinition("fg").launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0);
        assertEquals("PROVISIONING", fargate.lastStatus());
        assertNull(fargate.containerInstanceArn());
        Task running = awaitStatus(client, "ci-status", fargate.taskArn(), "RUNNING");
        assertNull(running.containerInstanceArn());
    }
}
