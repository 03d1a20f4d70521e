package dev.hangar.ecs;

import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.testsupport.ServiceFactsCheck;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertSame;

/** ECS carries its generated facts, and they match the SDK (no Docker engine needed). */
class EcsFactsTest {

    @Test
    void descriptorCarriesFactsMatchingTheSdk() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try (DockerContainerRuntime runtime = DockerContainerRuntime.connect("ecs-facts", "tcp://127.0.0.1:1")) {
            EcsService ecs = new EcsService(runtime, workers);
            assertSame(EcsFacts.FACTS, ecs.descriptor().facts());
            ServiceFactsCheck.assertMatches(ecs.descriptor());
        } finally {
            workers.shutdownNow();
        }
    }
}
