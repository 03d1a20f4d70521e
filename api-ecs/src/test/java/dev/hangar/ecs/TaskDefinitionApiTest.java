package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.ArrayList;
import java.util.List;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.message;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskDefinitionApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(EcsClient.class);
    }

    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:task-definition/";

    @Test
    void revisionsAndDescribe() {
        TaskDefinition first = register(client, "rev", container("app", BUSYBOX, "true"));
        TaskDefinition second = register(client, "rev", container("app", BUSYBOX, "false")
                .portMappings(PortMapping.builder().containerPort(80).build()));
        assertEquals(1, first.revision());
        assertEquals(2, second.revision());
        assertEquals(ARN + "rev:2", second.taskDefinitionArn());
        assertEquals(TaskDefinitionStatus.ACTIVE, second.status());
        assertNotNull(second.registeredAt());
        assertEquals(NetworkMode.BRIDGE, second.networkMode());
        assertEquals(List.of(Compatibility.EC2), second.compatibilities());
        ContainerDefinition app = second.containerDefinitions().get(0);
        assertEquals(true, app.essential(), "essential defaults to true");
        assertEquals(0, app.cpu());
        assertEquals(0, app.portMappings().get(0).hostPort(), "bridge: dynamic host port");
        assertEquals("tcp", app.portMappings().get(0).protocolAsString());
        assertTrue(app.hasEnvironment() && app.hasMountPoints() && app.hasVolumesFrom(),
                "AWS answers [] for these rather than leaving them out");

        assertEquals(2, client.describeTaskDefinition(b -> b.taskDefinition("rev")).taskDefinition().revision());
        assertEquals(1, client.describeTaskDefinition(b -> b.taskDefinition("rev:1")).taskDefinition().revision());
        assertEquals(1, client.describeTaskDefinition(b -> b.taskDefinition(ARN + "rev:1")).taskDefinition()
                .revision());
        for (String unknown : List.of("nope", "rev:9", "rev:x", ARN + "nope:1")) {
            ClientException e = assertThrows(ClientException.class,
                    () -> client.describeTaskDefinition(b -> b.taskDefinition(unknown)));
            assertEquals("Unable to describe task definition.", message(e));
        }
    }

    @Test
    void tagsOnRegisterAndDescribe() {
        TaskDefinition td = client.registerTaskDefinition(b -> b.family("tagged")
                .containerDefinitions(container("app", BUSYBOX).build())
                .tags(Tag.builder().key("k").value("v").build())).taskDefinition();
        assertEquals("v", client.describeTaskDefinition(b -> b.taskDefinition("tagged")
                .include(TaskDefinitionField.TAGS)).tags().get(0).value());
        assertTrue(client.describeTaskDefinition(b -> b.taskDefinition("tagged")).tags().isEmpty());
        client.tagResource(b -> b.resourceArn(td.taskDefinitionArn()).tags(Tag.builder().key("k2").value("v2").build()));
        assertEquals(2, client.listTagsForResource(b -> b.resourceArn(td.taskDefinitionArn())).tags().size());
    }

    @Test
    void listDeregisterDelete() {
        for (int i = 0; i < 3; i++) {
            register(client, "lister", container("app", BUSYBOX));
        }
        register(client, "lister-other", container("app", BUSYBOX));

        assertEquals(List.of(ARN + "lister:1", ARN + "lister:2", ARN + "lister:3"),
                client.listTaskDefinitions(b -> b.familyPrefix("lister")).taskDefinitionArns());
        assertEquals(List.of(ARN + "lister:3", ARN + "lister:2", ARN + "lister:1"),
                client.listTaskDefinitions(b -> b.familyPrefix("lister").sort(SortOrder.DESC)).taskDefinitionArns());

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListTaskDefinitionsResponse page = client.listTaskDefinitions(b -> b.familyPrefix("lister")
                    .maxResults(2).nextToken(t));
            assertTrue(page.taskDefinitionArns().size() <= 2);
            paged.addAll(page.taskDefinitionArns());
            token = page.nextToken();
        } while (token != null);
        assertEquals(3, paged.size());

        List<String> families = client.listTaskDefinitionFamilies(b -> b.familyPrefix("lister")).families();
        assertEquals(List.of("lister", "lister-other"), families);

        TaskDefinition gone = client.deregisterTaskDefinition(b -> b.taskDefinition("lister:3")).taskDefinition();
        assertEquals(TaskDefinitionStatus.INACTIVE, gone.status());
        assertNotNull(gone.deregisteredAt());
        assertEquals(2, client.describeTaskDefinition(b -> b.taskDefinition("lister")).taskDefinition().revision(),
                "the family now resolves to its latest ACTIVE revision");
        assertEquals(List.of(ARN + "lister:3"), client.listTaskDefinitions(b -> b.familyPrefix("lister")
                .status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns());
        assertThrows(ClientException.class, () -> client.deregisterTaskDefinition(b -> b.taskDefinition("lister")),
                "deregistering needs a revision");

        DeleteTaskDefinitionsResponse deleted = client.deleteTaskDefinitions(b -> b
                .taskDefinitions("lister:3", "lister:1", "lister:99"));
        assertEquals(1, deleted.taskDefinitions().size());
        assertEquals(TaskDefinitionStatus.DELETE_IN_PROGRESS, deleted.taskDefinitions().get(0).status());
        assertNotNull(deleted.taskDefinitions().get(0).deleteRequestedAt());
        assertEquals(2, deleted.failures().size());
        assertEquals(ARN + "lister:1", deleted.failures().get(0).arn());
        assertEquals(ARN + "lister:99", deleted.failures().get(1).arn());
        assertTrue(client.listTaskDefinitions(b -> b.familyPrefix("lister").status(TaskDefinitionStatus.INACTIVE))
                .taskDefinitionArns().isEmpty());

        // a family with no ACTIVE revision left is INACTIVE
        client.deregisterTaskDefinition(b -> b.taskDefinition("lister-other:1"));
        assertEquals(List.of("lister-other"), client.listTaskDefinitionFamilies(b -> b.familyPrefix("lister")
                .status(TaskDefinitionFamilyStatus.INACTIVE)).families());
        assertEquals(List.of("lister"), client.listTaskDefinitionFamilies(b -> b.familyPrefix("lister")
                .status(TaskDefinitionFamilyStatus.ACTIVE)).families());
        // revision numbers are never reused
        assertEquals(4, register(client, "lister", container("app", BUSYBOX)).revision());
    }

    @Test
    void validation() {
        assertEquals("Family contains invalid characters.", message(assertThrows(ClientException.class,
                () -> register(client, "bad family", container("app", BUSYBOX)))));
        assertEquals("Container list cannot be empty.", message(assertThrows(ClientException.class,
                () -> client.registerTaskDefinition(b -> b.family("empty").containerDefinitions(List.of())))));
        assertTrue(message(assertThrows(ClientException.class,
                () -> register(client, "dup", container("app", BUSYBOX), container("app", BUSYBOX)))).contains("unique"));
        assertEquals("Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be"
                + " specified.", message(assertThrows(ClientException.class, () -> register(client, "nomem",
                ContainerDefinition.builder().name("app").image(BUSYBOX)))));
        assertEquals("Container.name contains invalid characters.", message(assertThrows(ClientException.class,
                () -> register(client, "badname", container("a b", BUSYBOX)))));
        assertTrue(message(assertThrows(ClientException.class, () -> client.registerTaskDefinition(b -> b
                .family("fg").requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(container("app", BUSYBOX).build())))).startsWith("Fargate only supports"));
        assertEquals("Fargate requires that 'cpu' be defined at the task level.", message(assertThrows(
                ClientException.class, () -> client.registerTaskDefinition(b -> b.family("fg")
                        .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).memory("512")
                        .containerDefinitions(container("app", BUSYBOX).build())))));
        assertThrows(ClientException.class, () -> register(client, "deps", container("app", BUSYBOX)
                .dependsOn(d -> d.containerName("ghost").condition("START"))));

        // task-level memory is enough, "1 vCPU"/"2 GB" become units and MiB, Fargate-compatible when awsvpc
        TaskDefinition fargate = client.registerTaskDefinition(b -> b.family("fg")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                .cpu("1 vCPU").memory("2 GB")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(BUSYBOX)
                        .portMappings(PortMapping.builder().containerPort(8080).build()).build())).taskDefinition();
        assertEquals("1024", fargate.cpu());
        assertEquals("2048", fargate.memory());
        assertEquals(List.of(Compatibility.EC2, Compatibility.FARGATE), fargate.compatibilities());
        assertEquals(8080, fargate.containerDefinitions().get(0).portMappings().get(0).hostPort());
        assertNull(fargate.deregisteredAt());
    }
}
