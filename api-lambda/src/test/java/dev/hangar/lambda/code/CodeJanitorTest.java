package dev.hangar.lambda.code;

import dev.hangar.lambda.LambdaTestData;
import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.FunctionStatus;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replaced packages go once no version uses them; packages in use stay. */
class CodeJanitorTest {

    @Test
    void removesOnlyPackagesNoVersionUses(@TempDir Path dir) throws Exception {
        ZipCodeStore store = new ZipCodeStore(dir);
        CodePackage old = store.store("000000000000", "us-east-1", "f", LambdaTestData.zip(Map.of("a.py", "1")));
        CodePackage current = store.store("000000000000", "us-east-1", "f", LambdaTestData.zip(Map.of("a.py", "2")));
        FunctionConfigurationState latest = new FunctionConfigurationState.Builder().functionName("f")
                .version("$LATEST").runtime("python3.12").handler("a.h").role("r").description("").timeout(0)
                .memorySize(128).ephemeralStorage(512).architectures(List.of("x86_64")).tracingMode("PassThrough")
                .logFormat("Text").logGroup("/aws/lambda/f").code(current).lastModified(Instant.now())
                .revisionId("x").status(FunctionStatus.active()).configRevision(1).build();
        LambdaFunction function = new LambdaFunction("f", "arn", latest);
        CodeJanitor janitor = new CodeJanitor(store, 0);
        janitor.released(function, old, 0);
        janitor.released(function, current, 0);
        Await.until("the replaced package to go",
                () -> !Files.exists(old.directory()) && !Files.exists(old.packageFile()));
        assertFalse(Files.exists(old.directory()));
        assertFalse(Files.exists(old.packageFile()));
        // gives a wrong removal of the package in use time to happen
        Thread.sleep(200);
        assertTrue(Files.isRegularFile(current.directory().resolve("a.py")));
    }
}
