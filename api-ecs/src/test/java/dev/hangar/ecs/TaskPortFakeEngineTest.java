package dev.hangar.ecs;

import dev.hangar.core.port.TaskPort;
import dev.hangar.testsupport.junit.FakeContainer;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.describe;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The TaskPort on the fake engine: the launch's environment reaches the container, and its exit is the port's
 * answer. emulator-server's TaskPortTest runs the same through the wired Hangar on real containers.
 */
class TaskPortFakeEngineTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();

    @Test
    void theLaunchsEnvironmentReachesTheContainerAndItsExitIsTheAnswer() throws Exception {
        EcsClient ecs = hangar.client(EcsClient.class);
        hangar.fake().program("img/greets", c -> {
            c.print(c.variable("GREETING"));
            c.exit(3);
        });
        ecs.createCluster(b -> b.clusterName("port"));
        register(ecs, "greets", container("main", "img/greets"));
        TaskPort tasks = hangar.ports().require(TaskPort.class);

        List<String> arns = tasks.run(new TaskPort.Launch("000000000000", "us-east-1", "port", "greets", 1,
                Map.of("main", Map.of("GREETING", "hi")), "step-functions")).get(10, TimeUnit.SECONDS);
        TaskPort.Stopped stopped = tasks.whenStopped("000000000000", "us-east-1", arns.get(0))
                .get(30, TimeUnit.SECONDS);
        assertEquals("EssentialContainerExited", stopped.stopCode());
        assertEquals(Map.of("main", 3), stopped.exitCodes());
        FakeContainer main = hangar.fake().containers().get(0);
        assertEquals("hi", main.variable("GREETING"));
        assertEquals("hi", main.output().get(0).text());
        assertEquals("step-functions", describe(ecs, "port", arns.get(0)).startedBy());
        assertEquals(stopped, tasks.whenStopped("000000000000", "us-east-1", arns.get(0)).get(1, TimeUnit.SECONDS));
    }
}
