package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.WEB;
import static dev.hangar.ecs.EcsTestData.await;
import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a task's containers see of their network on real containers: awsvpc namespaces shared on localhost, the ENI's
 * address reachable from the host and from another task of the VPC, bridge links; and (TaskAgentTest) the metadata
 * and credentials endpoints.
 */
class TaskNetworkingTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime().build();
    static EcsClient client;
    private static final String CLUSTER = "net";

    /** A shell loop asking host:port for the web image's page until it answers, for at most 20 s. */
    static String fetch(String host) {
        return "timeout 20 sh -c 'until printf \"GET / HTTP/1.0\\r\\n\\r\\n\" | nc " + host
                + " 8080 | grep -q \"hangar-test web\"; do sleep 0.1; done'";
    }

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
        client.registerTaskDefinition(b -> b.family("vpc-pair").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(
                        container("web", WEB).portMappings(PortMapping.builder().containerPort(8080).build()).build(),
                        container("client", BUSYBOX, "sh", "-c", fetch("127.0.0.1")).essential(false).build()));
        client.registerTaskDefinition(b -> b.family("vpc-client").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(container("client", BUSYBOX, "sh", "-c", fetch("$TARGET")).build()));
    }

    private static Task run(String family, Map<String, String> environment) {
        return client.runTask(b -> b.cluster(CLUSTER).taskDefinition(family)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                .overrides(o -> o.containerOverrides(environment.isEmpty() ? List.of() : List.of(
                        software.amazon.awssdk.services.ecs.model.ContainerOverride.builder().name("client")
                                .environment(environment.entrySet().stream().map(e -> KeyValuePair.builder()
                                        .name(e.getKey()).value(e.getValue()).build()).toList()).build()))))
                .tasks().get(0);
    }

    private static Map<String, String> details(Attachment eni) {
        return eni.details().stream().collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
    }

    @Test
    void awsvpcTaskSharesLocalhostAndItsEniIsReachableFromTheHostAndTheVpc() throws Exception {
        Task task = run("vpc-pair", Map.of());
        // the task's second container reaches the first on localhost, as on ECS: one namespace per task
        Task running = await(client, CLUSTER, task.taskArn(), Duration.ofSeconds(60), t -> t.containers().stream()
                .anyMatch(c -> c.name().equals("client") && c.exitCode() != null) && t.containers().stream()
                .anyMatch(c -> c.name().equals("web") && !c.networkBindings().isEmpty()));
        assertEquals(0, running.containers().stream().filter(c -> c.name().equals("client")).findFirst().orElseThrow()
                .exitCode(), "the client reached httpd on 127.0.0.1:8080");

        assertEquals(1, running.attachments().size());
        Attachment eni = running.attachments().get(0);
        assertEquals("ElasticNetworkInterface", eni.type());
        assertEquals("ATTACHED", eni.status());
        Map<String, String> d = details(eni);
        assertEquals("subnet-0123456789abcdef0", d.get("subnetId"));
        assertTrue(d.get("networkInterfaceId").matches("eni-[0-9a-f]{17}"), d.toString());
        String ip = d.get("privateIPv4Address");
        assertTrue(ip.matches("172\\.31\\.\\d+\\.\\d+"), ip);
        assertEquals("ip-" + ip.replace('.', '-') + ".ec2.internal", d.get("privateDnsName"));
        assertTrue(d.get("macAddress").matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"), d.toString());
        running.containers().forEach(c -> {
            assertEquals(eni.id(), c.networkInterfaces().get(0).attachmentId());
            assertEquals(ip, c.networkInterfaces().get(0).privateIpv4Address());
        });

        // the host reaches the task at its private address, and still on the published 127.0.0.1 port
        assertTrue(get(URI.create("http://" + ip + ":8080/")).contains("hangar-test web"));
        int hostPort = running.containers().stream().filter(c -> c.name().equals("web")).findFirst().orElseThrow()
                .networkBindings().get(0).hostPort();
        assertTrue(get(URI.create("http://127.0.0.1:" + hostPort + "/")).contains("hangar-test web"));

        // another task of the VPC reaches it by that address
        Task other = run("vpc-client", Map.of("TARGET", ip));
        Task done = awaitStatus(client, CLUSTER, other.taskArn(), "STOPPED");
        assertEquals(0, done.containers().get(0).exitCode(), "the other task reached " + ip + ":8080");
        assertTrue(!details(done.attachments().get(0)).get("privateIPv4Address").equals(ip));
        assertEquals("DELETED", done.attachments().get(0).status());

        client.stopTask(b -> b.cluster(CLUSTER).task(task.taskArn()));
        awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
    }

    @Test
    void bridgeLinksResolveTheTasksContainersByName() {
        client.registerTaskDefinition(b -> b.family("linked")
                .containerDefinitions(
                        container("web", WEB).essential(false).build(),
                        container("client", BUSYBOX, "sh", "-c", fetch("backend")).links("web:backend").build()));
        Task task = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("linked")).tasks().get(0);
        Task done = await(client, CLUSTER, task.taskArn(), Duration.ofSeconds(60), t -> t.containers().stream()
                .anyMatch(c -> c.name().equals("client") && c.exitCode() != null));
        assertEquals(0, done.containers().stream().filter(c -> c.name().equals("client")).findFirst().orElseThrow()
                .exitCode(), "the client resolved its link 'backend' to the web container");
        assertTrue(done.attachments().isEmpty(), "no ENI in bridge mode");
    }

    /** GET, tried again while the server in the container comes up. */
    static String get(URI uri) {
        return Await.until("GET " + uri, Duration.ofSeconds(20), () -> {
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                try (InputStream in = c.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }, body -> body != null);
    }
}
