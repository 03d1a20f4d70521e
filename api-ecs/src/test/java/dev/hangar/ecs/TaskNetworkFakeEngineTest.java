package dev.hangar.ecs;

import dev.hangar.ecs.runtime.SubnetResolver;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.testsupport.junit.FakeContainer;
import dev.hangar.testsupport.junit.FakeContainerRuntime;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.Map;
import java.util.stream.Collectors;

import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An awsvpc task's network as Hangar asks the engine for it, on the fake runtime. */
class TaskNetworkFakeEngineTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("fakenet"));
    }

    @Test
    void theTasksContainersJoinAPauseContainerOnItsVpcNetworkAtItsEniAddress() {
        FakeContainerRuntime engine = hangar.fake();
        client.registerTaskDefinition(b -> b.family("pair").networkMode(NetworkMode.AWSVPC).containerDefinitions(
                container("a", "img/a").portMappings(PortMapping.builder().containerPort(80).build()).build(),
                container("b", "img/b").build()));
        String subnet = SubnetResolver.defaultSubnetId("000000000000", "us-east-1", 2);
        Task task = client.runTask(b -> b.cluster("fakenet").taskDefinition("pair")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().get(0);
        Task running = awaitStatus(client, "fakenet", task.taskArn(), "RUNNING");

        Attachment eni = running.attachments().get(0);
        Map<String, String> details = eni.details().stream()
                .collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
        String ip = details.get("privateIPv4Address");
        // the default VPC's third zone: 172.31.32.0/20, without its first four addresses and its last
        assertTrue(ip.startsWith("172.31.") && Integer.parseInt(ip.split("\\.")[2]) >= 32
                && Integer.parseInt(ip.split("\\.")[2]) < 48, ip);
        assertTrue(!ip.matches("172\\.31\\.32\\.[0-3]") && !ip.equals("172.31.47.255"), ip);
        assertEquals(subnet, details.get("subnetId"));

        String vpcNetwork = "hangar-vpc-172-31-0-0-16";
        assertEquals("172.31.0.0/16", engine.networks().get(vpcNetwork).subnet());
        assertEquals("172.31.0.1", engine.networks().get(vpcNetwork).gateway());
        FakeContainer pause = engine.containers().stream().filter(c -> c.spec().name().contains("internalecspause"))
                .findFirst().orElseThrow();
        ContainerSpec spec = pause.spec();
        assertEquals(vpcNetwork, spec.networkMode());
        assertEquals(ip, spec.ipv4Address());
        assertEquals(80, spec.ports().get(0).containerPort(), "the namespace owner publishes the task's ports");
        for (FakeContainer c : engine.containers()) {
            if (c != pause) {
                assertEquals("container:" + spec.name(), c.spec().networkMode());
                assertEquals("us-east-1", c.spec().environment().get("AWS_REGION"));
            }
        }

        client.stopTask(b -> b.cluster("fakenet").task(task.taskArn()));
        awaitStatus(client, "fakenet", task.taskArn(), "STOPPED");
        assertTrue(engine.removed(pause.id()), "the pause container goes with the task");
    }

    @Test
    void theDefaultVpcHasOneSubnetPerZone() {
        SubnetResolver resolver = SubnetResolver.defaultVpc();
        for (int k = 0; k < 3; k++) {
            SubnetResolver.Subnet s = resolver.resolve("111111111111", "eu-west-1",
                    SubnetResolver.defaultSubnetId("111111111111", "eu-west-1", k));
            assertEquals("172.31." + (16 * k) + ".0/20", s.cidr());
            assertEquals("eu-west-1" + "abc".charAt(k), s.availabilityZone());
            assertEquals(SubnetResolver.defaultVpcId("111111111111", "eu-west-1"), s.vpcId());
            assertTrue(s.vpcId().matches("vpc-[0-9a-f]{17}"), s.vpcId());
        }
        assertEquals(resolver.resolve("1", "us-east-1", "subnet-x"), resolver.resolve("1", "us-east-1", "subnet-x"));
    }
}
