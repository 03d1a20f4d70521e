package dev.hangar.lambda.control;

import dev.hangar.lambda.LambdaFacts;
import dev.hangar.lambda.LambdaService;
import dev.hangar.testsupport.ServiceFactsCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertSame;

/** Lambda carries its generated facts, and they match the SDK. */
class LambdaFactsTest {

    @Test
    void descriptorCarriesFactsMatchingTheSdk(@TempDir Path data) {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            LambdaService lambda = new LambdaService(new RecordingInvoker(), workers, data, 1000);
            assertSame(LambdaFacts.FACTS, lambda.descriptor().facts());
            ServiceFactsCheck.assertMatches(lambda.descriptor());
        } finally {
            workers.shutdownNow();
        }
    }
}
