package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fargate's task sizes: refused at RegisterTaskDefinition (FARGATE required) and at RunTask with overrides. */
class FargateSizeTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("fg"));
    }

    private static TaskDefinition fargate(String family, String cpu, String memory) {
        return client.registerTaskDefinition(b -> b.family(family).networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE").cpu(cpu).memory(memory)
                .containerDefinitions(container("main", "img/any").memory(null).build())).taskDefinition();
    }

    private static String refused(String cpu, String memory) {
        return message(assertThrows(ClientException.class, () -> fargate("bad", cpu, memory)));
    }

    @Test
    void onlyFargatesPairsRegister() {
        for (String[] ok : new String[][]{{"256", "512"}, {"256", "2048"}, {"512", "4096"}, {"1024", "8192"},
                {"2048", "5120"}, {"4096", "30720"}, {"8192", "20480"}, {"16384", "122880"}, {"1 vCPU", "2 GB"}}) {
            assertTrue(fargate("ok", ok[0], ok[1]).compatibilities().contains(Compatibility.FARGATE));
        }
        assertEquals("No Fargate configuration exists for given values: 256 CPU, 1536 memory. See the Amazon ECS"
                + " documentation for the valid values.", refused("256", "1536"));
        assertEquals("No Fargate configuration exists for given values: 512 CPU, 512 memory. See the Amazon ECS"
                + " documentation for the valid values.", refused("512", "512"));
        refused("8192", "18432");
        refused("4096", "31744");
        refused("128", "512");
        // without requiresCompatibilities FARGATE the size is EC2's business: registered, but not Fargate-compatible
        TaskDefinition ec2 = client.registerTaskDefinition(b -> b.family("ec2only").networkMode("awsvpc").cpu("256")
                .memory("1536").containerDefinitions(container("main", "img/any").build())).taskDefinition();
        assertFalse(ec2.compatibilities().contains(Compatibility.FARGATE));
    }

    @Test
    void runTaskOverridesMustStayAFargateSize() {
        fargate("small", "512", "1024");
        ClientException e = assertThrows(ClientException.class, () -> client.runTask(b -> b.cluster("fg")
                .taskDefinition("small").launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .overrides(o -> o.memory("5120"))));
        assertEquals("No Fargate configuration exists for given values: 512 CPU, 5120 memory. See the Amazon ECS"
                + " documentation for the valid values.", message(e));
        assertEquals("2048", client.runTask(b -> b.cluster("fg").taskDefinition("small").launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .overrides(o -> o.memory("2048"))).tasks().get(0).memory());
    }
}
