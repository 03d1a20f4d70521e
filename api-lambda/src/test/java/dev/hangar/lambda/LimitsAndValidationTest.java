package dev.hangar.lambda;

import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.hangar.lambda.LambdaTestData.ACCOUNT;
import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.assertAwsError;
import static dev.hangar.lambda.LambdaTestData.configuration;
import static dev.hangar.lambda.LambdaTestData.createActive;
import static dev.hangar.lambda.LambdaTestData.handlerZip;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static dev.hangar.lambda.LambdaTestData.zip;
import static dev.hangar.lambda.LambdaTestData.zipFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every limit and validation AWS applies to CreateFunction and UpdateFunction*, with AWS's status, code and text. */
class LimitsAndValidationTest {

    /** Stands in for the invocation side, recording what the control plane hands over. */
    static final RecordingInvoker invoker = new RecordingInvoker();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .port(FunctionInvoker.class, invoker).build();
    static LambdaClient client;
    /** Where the Lambda service keeps code: the server's data directory. */
    static Path dataDir;

    @BeforeAll
    static void client() {
        client = hangar.client(LambdaClient.class);
        dataDir = hangar.context().dataDirectory();
    }

    private static CreateFunctionRequest.Builder valid() {
        return zipFunction(uniqueName("v"), handlerZip());
    }

    @Test
    void timeoutAndMemoryBounds() {
        assertAwsError(400, "ValidationException", "1 validation error detected: Value '3000' at 'timeout' failed to "
                + "satisfy constraint: Member must have value less than or equal to 900",
                () -> client.createFunction(valid().timeout(3000).build()));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value '0' at 'timeout' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1",
                () -> client.createFunction(valid().timeout(0).build()));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value '20000' at 'memorySize' failed "
                + "to satisfy constraint: Member must have value less than or equal to 10240",
                () -> client.createFunction(valid().memorySize(20000).build()));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value '64' at 'memorySize' failed "
                + "to satisfy constraint: Member must have value greater than or equal to 128",
                () -> client.createFunction(valid().memorySize(64).build()));
        assertAwsError(400, "ValidationException", "2 validation errors detected: Value '3000' at 'timeout' failed "
                + "to satisfy constraint: Member must have value less than or equal to 900; Value '20000' at "
                + "'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
                () -> client.createFunction(valid().timeout(3000).memorySize(20000).build()));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value '100' at "
                + "'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal "
                + "to 512", () -> client.createFunction(valid().ephemeralStorage(e -> e.size(100)).build()));

        String name = uniqueName("bounds");
        createActive(client, name);
        assertAwsError(400, "ValidationException", "1 validation error detected: Value '901' at 'timeout' failed to "
                + "satisfy constraint: Member must have value less than or equal to 900",
                () -> client.updateFunctionConfiguration(b -> b.functionName(name).timeout(901)));
    }

    @Test
    void environmentOverFourKilobytes() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BIG", "x".repeat(4100));
        String measured = "{\"BIG\":\"" + "x".repeat(4100) + "\"}";
        assertAwsError(400, "InvalidParameterValueException", "Lambda was unable to configure your environment "
                + "variables because the environment variables you have provided exceeded the 4KB limit. String "
                + "measured: " + measured,
                () -> client.createFunction(valid().environment(Environment.builder().variables(env).build()).build()));
        assertAwsError(400, "InvalidParameterValueException", "Lambda was unable to configure your environment "
                + "variables because the environment variables you have provided contains reserved keys that are "
                + "currently not supported for modification. Reserved keys used in this request: AWS_REGION",
                () -> client.createFunction(valid().environment(Environment.builder()
                        .variables(Map.of("AWS_REGION", "x")).build()).build()));
    }

    @Test
    void runtimeHandlerRoleAndName() {
        var e = assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.createFunction(valid().runtime("cobol85").build()));
        String message = e.awsErrorDetails().errorMessage();
        assertTrue(message.startsWith("Value cobol85 at 'runtime' failed to satisfy constraint: Member must satisfy "
                + "enum value set: [nodejs24.x, "), message);
        assertTrue(message.endsWith("] or be a valid ARN"), message);
        assertAwsError(400, "InvalidParameterValueException", "The runtime parameter of python3.7 is no longer "
                + "supported for creating or updating AWS Lambda functions. We recommend you use the new runtime "
                + "(python3.14) while creating or updating functions.",
                () -> client.createFunction(valid().runtime("python3.7").build()));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value 'not-a-role' at 'role' failed "
                + "to satisfy constraint: Member must satisfy regular expression pattern: "
                + "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+",
                () -> client.createFunction(valid().role("not-a-role").build()));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value 'a b' at 'handler' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+",
                () -> client.createFunction(valid().handler("a b").build()));
        assertAwsError(400, "InvalidParameterValueException",
                "Runtime and Handler are mandatory parameters for functions created with deployment packages.",
                () -> client.createFunction(valid().handler(null).build()));
        assertAwsError(400, "ValidationException", null,
                () -> client.createFunction(valid().functionName("bad name!").build()));
        assertAwsError(400, "ValidationException", null,
                () -> client.createFunction(valid().functionName("x".repeat(65)).build()));
        String name = uniqueName("rt");
        createActive(client, name);
        assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.updateFunctionConfiguration(b -> b.functionName(name).runtime("cobol85")));
    }

    @Test
    void zippedPackagesOverFiftyMegabytesAreTooLarge() throws IOException {
        byte[] random = new byte[52_428_800];
        new Random(1).nextBytes(random);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(random.length + 1024);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("blob.bin");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(random.length);
            CRC32 crc = new CRC32();
            crc.update(random);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(random);
            out.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        assertTrue(zip.length > 52_428_800);
        String name = uniqueName("big");
        assertAwsError(413, "RequestEntityTooLargeException", "Zipped size must be smaller than 52428800 bytes",
                () -> client.createFunction(zipFunction(name, zip).build()));
        assertAwsError(404, "ResourceNotFoundException", null, () -> client.getFunction(b -> b.functionName(name)));
    }

    @Test
    void zipBombsAreRejectedQuicklyByTheBytesTheyReallyInflateTo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(java.util.zip.Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("zeros.bin"));
            for (int i = 0; i < 251; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        byte[] bomb = bytes.toByteArray();
        assertTrue(bomb.length < 2_000_000, "a small archive: " + bomb.length);
        String name = uniqueName("bomb");
        long started = System.nanoTime();
        assertAwsError(400, "InvalidParameterValueException", "Unzipped size must be smaller than 262144000 bytes",
                () -> client.createFunction(zipFunction(name, bomb).build()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5000, "rejected in " + millis + " ms");
        assertNoStrayFiles(name);
    }

    @Test
    void zipSlipEntriesAreRejectedAndNothingIsWritten() throws IOException {
        Path outside = dataDir.resolve("evil");
        for (String entry : List.of("../evil", "code/../../evil", "/abs/path/evil", "..\\evil", "C:/evil")) {
            byte[] zip = zip(Map.of("ok.py", "x = 1\n", entry, "pwned"));
            String name = uniqueName("slip");
            assertAwsError(400, "InvalidParameterValueException",
                    "Could not unzip uploaded file. Please check your file, then try to upload again.",
                    () -> client.createFunction(zipFunction(name, zip).build()));
            assertFalse(Files.exists(outside), entry);
            assertFalse(Files.exists(Path.of("/abs/path/evil")), entry);
            assertNoStrayFiles(name);
        }
        assertAwsError(400, "InvalidParameterValueException",
                "Could not unzip uploaded file. Please check your file, then try to upload again.",
                () -> client.createFunction(zipFunction(uniqueName("notzip"), "plain text".getBytes()).build()));
    }

    @Test
    void updateFunctionCodeChecksPackagesTheSameWay() {
        String name = uniqueName("updcheck");
        createActive(client, name);
        byte[] slip = zip(Map.of("../evil", "x"));
        assertAwsError(400, "InvalidParameterValueException",
                "Could not unzip uploaded file. Please check your file, then try to upload again.",
                () -> client.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(slip))));
        assertEquals("Successful", configuration(client, name).lastUpdateStatusAsString());
        assertAwsError(400, "InvalidParameterValueException",
                "Please don't provide ImageUri when updating a function with packageType Zip.",
                () -> client.updateFunctionCode(b -> b.functionName(name).imageUri("x/y:1")));
    }

    /** Nothing of a refused upload stays: no staging leftovers and no folder for the function. */
    private static void assertNoStrayFiles(String name) throws IOException {
        Path staging = dataDir.resolve("staging");
        if (Files.exists(staging)) {
            try (Stream<Path> left = Files.list(staging)) {
                assertEquals(List.of(), left.toList());
            }
        }
        assertFalse(Files.exists(dataDir.resolve("functions").resolve(ACCOUNT).resolve("us-east-1").resolve(name)));
    }
}
