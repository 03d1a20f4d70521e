package dev.hangar.ecs;

import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;

import java.nio.charset.StandardCharsets;

import static dev.hangar.ecs.EcsTestData.register;
import static dev.hangar.ecs.EcsTestData.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An admin reset drops the state, and launches still in flight do not leave containers behind, on the real engine
 * (whose create may finish after the reset's removeAll). FakeEngineTaskTest holds a launch at the pull to catch the
 * same race without one.
 */
class ResetTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime().build();

    @Test
    void resetDuringLaunchesLeavesNoContainer() {
        EcsClient client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("r"));
        register(client, "r", shell("main", "sleep 600"), shell("side", "sleep 600").essential(false));
        client.runTask(b -> b.cluster("r").taskDefinition("r").count(5));

        hangar.reset();
        assertThrows(ClusterNotFoundException.class, () -> client.listTasks(b -> b.cluster("r")));

        String left = Await.until("no container of this Hangar left after the reset", ResetTest::ours,
                String::isEmpty);
        assertEquals("", left, "containers left after the reset");
    }

    private static String ours() throws Exception {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=hangar.instance="
                + hangar.runtime().instanceId()).redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        ps.waitFor();
        return out;
    }
}
