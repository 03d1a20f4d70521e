package dev.hangar.ecs;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An admin reset drops the state, and launches still in flight do not leave containers behind. */
class ResetTest extends EcsTestBase {

    @Test
    void resetDuringLaunchesLeavesNoContainer() throws Exception {
        client.createCluster(b -> b.clusterName("r"));
        register("r", shell("main", "sleep 600"), shell("side", "sleep 600").essential(false));
        client.runTask(b -> b.cluster("r").taskDefinition("r").count(5));

        ecs.reset();
        runtime.removeAll();
        assertThrows(ClusterNotFoundException.class, () -> client.listTasks(b -> b.cluster("r")));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String left;
        do {
            Thread.sleep(200);
            left = ours();
        } while (!left.isEmpty() && Instant.now().isBefore(deadline));
        assertEquals("", left, "containers left after the reset");
    }

    private static String ours() throws Exception {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=hangar.instance="
                + runtime.instanceId()).redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        ps.waitFor();
        return out;
    }
}
