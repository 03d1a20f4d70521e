package dev.hangar.lambda.control;

import dev.hangar.core.http.HangarServer;
import dev.hangar.core.time.ManualClock;
import dev.hangar.lambda.LambdaService;
import dev.hangar.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The control plane's LastModified is on Hangar's clock. */
class HangarClockTest {

    @Test
    void lastModifiedFollowsHangarsClock() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2032-03-04T05:06:07.089Z"));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        Path data = Files.createTempDirectory("hangar-lambda-clock");
        LambdaService lambda = new LambdaService(new RecordingInvoker(), workers, data, 1000, null, clock);
        try (HangarServer server = HangarServer.builder().host("127.0.0.1").port(0).workers(workers).service(lambda)
                .build().start();
             LambdaClient client = TestClients.pointedAt(LambdaClient.builder(), server.endpoint())) {
            String created = client.createFunction(LambdaTestBase.zipFunction("clocked", LambdaTestBase.handlerZip())
                    .build()).lastModified();
            assertEquals("2032-03-04T05:06:07.089+0000", created);
            while (!"Active".equals(client.getFunction(b -> b.functionName("clocked")).configuration().stateAsString())) {
                Thread.sleep(20); // the background settling runs on the workers, not on the clock
            }
            clock.advance(Duration.ofHours(3));
            assertEquals("2032-03-04T08:06:07.089+0000", client.updateFunctionConfiguration(b -> b
                    .functionName("clocked").timeout(10)).lastModified());
        } finally {
            lambda.reset();
            workers.shutdownNow();
            LambdaTestBase.deleteTree(data);
        }
    }
}
