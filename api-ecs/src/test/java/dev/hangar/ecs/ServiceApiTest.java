package dev.hangar.ecs;

import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.message;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service operations' members, listings, tags and refusals, on the fake engine. */
class ServiceApiTest {

    private static final String CLUSTER = "api-svc";

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void setUp() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
        register(client, "plain", container("app", "img/app"));
        client.registerTaskDefinition(b -> b.family("vpc").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                .containerDefinitions(container("app", "img/app").memory(null).build()));
    }

    private static InvalidParameterException refused(Runnable call) {
        return assertThrows(InvalidParameterException.class, call::run);
    }

    @Test
    void createShowsWhatWasAskedWithEcsDefaults() {
        Service s = client.createService(b -> b.cluster(CLUSTER).serviceName("shown").taskDefinition("plain")
                .desiredCount(0).tags(Tag.builder().key("team").value("a").build())
                .propagateTags(PropagateTags.SERVICE).enableECSManagedTags(true)
                .healthCheckGracePeriodSeconds(30)).service();
        assertEquals("arn:aws:ecs:us-east-1:000000000000:service/" + CLUSTER + "/shown", s.serviceArn());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/" + CLUSTER, s.clusterArn());
        assertEquals(LaunchType.EC2, s.launchType());
        assertEquals(SchedulingStrategy.REPLICA, s.schedulingStrategy());
        assertEquals(DeploymentControllerType.ECS, s.deploymentController().type());
        assertEquals(false, s.deploymentConfiguration().deploymentCircuitBreaker().enable());
        assertEquals(30, s.healthCheckGracePeriodSeconds());
        assertEquals(PropagateTags.SERVICE, s.propagateTags());
        assertTrue(s.taskDefinition().endsWith("task-definition/plain:1"));
        assertEquals("arn:aws:iam::000000000000:root", s.createdBy());
        assertNotNull(s.currentServiceDeployment());
        assertTrue(s.currentServiceDeployment().startsWith(
                "arn:aws:ecs:us-east-1:000000000000:service-deployment/" + CLUSTER + "/shown/"));
        String revision = s.currentServiceRevisions().get(0).arn();
        assertEquals("arn:aws:ecs:us-east-1:000000000000:service-revision/" + CLUSTER + "/shown/"
                + s.deployments().get(0).id().substring("ecs-svc/".length()), revision);
        assertFalse(s.hasTags() && !s.tags().isEmpty(), "tags only with include TAGS");

        Service withTags = client.describeServices(b -> b.cluster(CLUSTER).services("shown")
                .include(ServiceField.TAGS)).services().get(0);
        assertEquals(List.of(Tag.builder().key("team").value("a").build()), withTags.tags());
        assertEquals(withTags.tags(), client.listTagsForResource(b -> b.resourceArn(s.serviceArn())).tags());
        client.tagResource(b -> b.resourceArn(s.serviceArn()).tags(Tag.builder().key("env").value("dev").build()));
        assertEquals(2, client.listTagsForResource(b -> b.resourceArn(s.serviceArn())).tags().size());

        var missing = client.describeServices(b -> b.cluster(CLUSTER).services("shown", "nope"));
        assertEquals(1, missing.services().size());
        assertEquals("MISSING", missing.failures().get(0).reason());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:service/" + CLUSTER + "/nope", missing.failures().get(0).arn());
        assertEquals(1, client.describeClusters(b -> b.clusters(CLUSTER)).clusters().get(0).activeServicesCount()
                >= 1 ? 1 : 0);
    }

    @Test
    void serviceTasksCarryTheServicesTagsAndEcsManagedTags() {
        client.createService(b -> b.cluster(CLUSTER).serviceName("tagged").taskDefinition("plain").desiredCount(1)
                .tags(Tag.builder().key("owner").value("me").build())
                .propagateTags(PropagateTags.SERVICE).enableECSManagedTags(true));
        List<String> arns = Await.until("a task", () -> client.listTasks(b -> b.cluster(CLUSTER)
                .serviceName("tagged")).taskArns(), l -> !l.isEmpty());
        Task task = client.describeTasks(b -> b.cluster(CLUSTER).tasks(arns).include(TaskField.TAGS)).tasks().get(0);
        Map<String, String> tags = task.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
        assertEquals(Map.of("owner", "me", "aws:ecs:serviceName", "tagged", "aws:ecs:clusterName", CLUSTER), tags);
        assertEquals("service:tagged", task.group());
        client.deleteService(b -> b.cluster(CLUSTER).service("tagged").force(true));
    }

    @Test
    void refusesWhatEcsRefuses() {
        assertEquals("Creation of service was not idempotent.", message(refused(() -> {
            client.createService(b -> b.cluster(CLUSTER).serviceName("twice").taskDefinition("plain").desiredCount(0));
            client.createService(b -> b.cluster(CLUSTER).serviceName("twice").taskDefinition("plain").desiredCount(0));
        })));
        assertTrue(message(refused(() -> client.createService(b -> b.cluster(CLUSTER).serviceName("bad name!")
                .taskDefinition("plain").desiredCount(1)))).startsWith("Invalid service name."));
        assertTrue(message(refused(() -> client.createService(b -> b.cluster(CLUSTER).serviceName("cd")
                .taskDefinition("plain").desiredCount(1)
                .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))))).contains("CODE_DEPLOY"));
        assertEquals("Network Configuration must be provided when networkMode 'awsvpc' is specified.",
                message(refused(() -> client.createService(b -> b.cluster(CLUSTER).serviceName("novpc")
                        .taskDefinition("vpc").launchType(LaunchType.FARGATE).desiredCount(1)))));
        assertEquals("The daemon scheduling strategy does not support a desired count for services.",
                message(refused(() -> client.createService(b -> b.cluster(CLUSTER).serviceName("daemon")
                        .taskDefinition("plain").schedulingStrategy(SchedulingStrategy.DAEMON).desiredCount(2)))));
        assertEquals("TaskDefinition not found.", message(assertThrows(ClientException.class,
                () -> client.createService(b -> b.cluster(CLUSTER).serviceName("nodef").taskDefinition("nothing")
                        .desiredCount(1)))));
        assertEquals("Service not found.", message(assertThrows(ServiceNotFoundException.class,
                () -> client.updateService(b -> b.cluster(CLUSTER).service("ghost").desiredCount(1)))));
        assertTrue(message(refused(() -> client.updateService(b -> b.cluster(CLUSTER).service("twice")
                .deploymentConfiguration(d -> d.minimumHealthyPercent(150))))).contains("minimumHealthyPercent"));
        // nothing half-made: the refused names are not there
        var described = client.describeServices(b -> b.cluster(CLUSTER).services("cd", "novpc", "daemon"));
        assertEquals(3, described.failures().size());
    }

    @Test
    void listsByLaunchTypeAndStrategyInPages() {
        client.createCluster(b -> b.clusterName("paged"));
        for (int i = 0; i < 12; i++) {
            int n = i;
            client.createService(b -> b.cluster("paged").serviceName("s" + n).taskDefinition("plain").desiredCount(0));
        }
        client.createService(b -> b.cluster("paged").serviceName("d").taskDefinition("plain")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListServicesResponse page = client.listServices(b -> b.cluster("paged").nextToken(t));
            all.addAll(page.serviceArns());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(13, all.size());
        assertEquals(2, pages, "ten a page unless maxResults says otherwise");
        assertEquals(1, client.listServices(b -> b.cluster("paged").schedulingStrategy(SchedulingStrategy.DAEMON))
                .serviceArns().size());
        assertEquals(0, client.listServices(b -> b.cluster("paged").launchType(LaunchType.FARGATE))
                .serviceArns().size());
        Service daemon = client.describeServices(b -> b.cluster("paged").services("d")).services().get(0);
        assertEquals(1, daemon.desiredCount(), "one task per container instance: the local Docker host");
        assertEquals(100, daemon.deploymentConfiguration().maximumPercent());
        assertEquals(0, daemon.deploymentConfiguration().minimumHealthyPercent());
        Await.until("the daemon's task", () -> client.listTasks(b -> b.cluster("paged").serviceName("d")
                .desiredStatus(DesiredStatus.RUNNING)).taskArns(), l -> l.size() == 1);
    }

    @Test
    void aTaskNoInstanceHasRoomForIsNotPlacedAndTheEventSaysWhy() {
        register(client, "huge", container("app", "img/app").memory(64 * 1024 * 1024));
        client.createService(b -> b.cluster(CLUSTER).serviceName("huge").taskDefinition("huge").desiredCount(1));
        Service s = Await.until("the placement event", () -> client.describeServices(b -> b.cluster(CLUSTER)
                .services("huge")).services().get(0), x -> !x.events().isEmpty()
                && x.events().get(0).message().contains("was unable to place a task"));
        assertTrue(s.events().get(0).message().startsWith("(service huge) was unable to place a task because no"
                + " container instance met all of its requirements. The closest matching (container-instance "),
                s.events().get(0).message());
        assertTrue(s.events().get(0).message().contains(") has insufficient memory available."));
        assertEquals(0, s.runningCount() + s.pendingCount());
        assertEquals(1, s.events().stream().filter(e -> e.message().contains("unable to place")).count(),
                "said once while it repeats");
        client.deleteService(b -> b.cluster(CLUSTER).service("huge").force(true));
    }

    @Test
    void aNullTagInTheBodyIsInvalidNotAFault() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(hangar.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateService")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/ecs/aws4_request, "
                        + "SignedHeaders=host, Signature=00")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"cluster\":\"" + CLUSTER
                        + "\",\"serviceName\":\"nulltag\",\"taskDefinition\":\"plain\",\"desiredCount\":0,"
                        + "\"tags\":[null]}"))
                .build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("InvalidParameterException"), response.body());
    }

    @Test
    void listsByServiceConnectNamespace() {
        client.createService(b -> b.cluster(CLUSTER).serviceName("connected").taskDefinition("plain").desiredCount(0)
                .serviceConnectConfiguration(c -> c.enabled(true).namespace("local")));
        assertEquals(List.of("arn:aws:ecs:us-east-1:000000000000:service/" + CLUSTER + "/connected"),
                client.listServicesByNamespace(b -> b.namespace("local")).serviceArns());
        assertEquals(List.of(), client.listServicesByNamespace(b -> b.namespace("elsewhere")).serviceArns());
    }

    @Test
    void anEngineThatComesBackBringsTheServiceBackToItsCount() {
        FakeContainerRuntime engine = hangar.fake();
        client.createService(b -> b.cluster(CLUSTER).serviceName("outage").taskDefinition("plain").desiredCount(2));
        Await.until("two running", () -> client.describeServices(b -> b.cluster(CLUSTER).services("outage"))
                .services().get(0).runningCount(), n -> n == 2);
        List<String> before = client.listTasks(b -> b.cluster(CLUSTER).serviceName("outage")).taskArns();
        List<Task> tasks = client.describeTasks(b -> b.cluster(CLUSTER).tasks(before)).tasks();
        // the engine goes away and its containers die with it
        engine.unavailable("engine restarting");
        tasks.forEach(t -> engine.die(t.containers().get(0).runtimeId(), 137));
        Await.until("the old tasks stopped", () -> client.describeTasks(b -> b.cluster(CLUSTER).tasks(before)).tasks(),
                l -> l.stream().allMatch(t -> t.lastStatus().equals("STOPPED")));
        engine.available();
        Service back = Await.until("two running again", () -> client.describeServices(b -> b.cluster(CLUSTER)
                .services("outage")).services().get(0), s -> s.runningCount() == 2);
        assertFalse(back.events().stream().anyMatch(e -> e.message().contains("unable to consistently start")),
                "a missing engine is no fault of the task definition: " + back.events());
        client.deleteService(b -> b.cluster(CLUSTER).service("outage").force(true));
    }
}
