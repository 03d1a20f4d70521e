package dev.hangar.lambda;

import dev.hangar.core.time.ManualClock;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Duration;
import java.time.Instant;

import static dev.hangar.lambda.LambdaTestData.awaitActive;
import static dev.hangar.lambda.LambdaTestData.handlerZip;
import static dev.hangar.lambda.LambdaTestData.zipFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The control plane's LastModified is on Hangar's clock. */
class HangarClockTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .port(FunctionInvoker.class, new RecordingInvoker())
            .clock(new ManualClock(Instant.parse("2032-03-04T05:06:07.089Z"))).build();

    @Test
    void lastModifiedFollowsHangarsClock() {
        LambdaClient client = hangar.client(LambdaClient.class);
        String created = client.createFunction(zipFunction("clocked", handlerZip()).build()).lastModified();
        assertEquals("2032-03-04T05:06:07.089+0000", created);
        // the background settling runs on the workers, not on the clock
        awaitActive(client, "clocked");
        hangar.manualClock().advance(Duration.ofHours(3));
        assertEquals("2032-03-04T08:06:07.089+0000", client.updateFunctionConfiguration(b -> b
                .functionName("clocked").timeout(10)).lastModified());
    }
}
