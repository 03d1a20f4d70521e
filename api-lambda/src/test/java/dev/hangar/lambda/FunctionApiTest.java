package dev.hangar.lambda;

import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.hangar.lambda.LambdaTestData.ACCOUNT;
import static dev.hangar.lambda.LambdaTestData.ROLE;
import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.assertAwsError;
import static dev.hangar.lambda.LambdaTestData.await;
import static dev.hangar.lambda.LambdaTestData.awaitActive;
import static dev.hangar.lambda.LambdaTestData.createActive;
import static dev.hangar.lambda.LambdaTestData.createZipFunction;
import static dev.hangar.lambda.LambdaTestData.handlerZip;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static dev.hangar.lambda.LambdaTestData.zip;
import static dev.hangar.lambda.LambdaTestData.zipFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, reading, listing, updating, publishing and deleting functions through the real SDK client. */
class FunctionApiTest {

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

    @Test
    void createZipIsPendingThenActiveWithTheRealCodeShaAndSize() throws Exception {
        String name = uniqueName("create");
        byte[] zip = handlerZip();
        CreateFunctionResponse created = client.createFunction(zipFunction(name, zip)
                .description("d").timeout(30).memorySize(256)
                .environment(Environment.builder().variables(Map.of("AB", "1")).build()).build());

        assertEquals("Pending", created.stateAsString());
        assertEquals("The function is being created.", created.stateReason());
        assertEquals("Creating", created.stateReasonCodeAsString());
        assertNull(created.lastUpdateStatus());
        assertEquals(arn(name), created.functionArn());
        assertEquals("$LATEST", created.version());
        assertEquals(zip.length, created.codeSize());
        String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
        assertEquals(sha, created.codeSha256());
        assertEquals(30, created.timeout());
        assertEquals(256, created.memorySize());
        assertEquals("python3.12", created.runtimeAsString());
        assertEquals("Zip", created.packageTypeAsString());
        assertEquals(Map.of("AB", "1"), created.environment().variables());
        assertEquals("/aws/lambda/" + name, created.loggingConfig().logGroup());
        assertTrue(created.lastModified().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"),
                created.lastModified());

        FunctionConfiguration active = awaitActive(client, name);
        assertNull(active.stateReason());
        assertNotEquals(created.revisionId(), active.revisionId());
        assertEquals(sha, active.codeSha256());
    }

    @Test
    void getFunctionServesTheCodeAndItsLocation() throws Exception {
        String name = uniqueName("get");
        createActive(client, name);
        client.tagResource(b -> b.resource(arn(name)).tags(Map.of("team", "a")));
        GetFunctionResponse got = client.getFunction(b -> b.functionName(name));
        assertEquals("S3", got.code().repositoryType());
        assertEquals(Map.of("team", "a"), got.tags());
        byte[] served;
        try (InputStream in = URI.create(got.code().location()).toURL().openStream()) {
            served = in.readAllBytes();
        }
        assertEquals(got.configuration().codeSize(), served.length);

        var byArn = client.getFunctionConfiguration(b -> b.functionName(arn(name)));
        assertEquals(arn(name), byArn.functionArn());
        var qualified = client.getFunctionConfiguration(b -> b.functionName(name).qualifier("$LATEST"));
        assertEquals(arn(name) + ":$LATEST", qualified.functionArn());
        var partial = client.getFunctionConfiguration(b -> b.functionName(ACCOUNT + ":function:" + name));
        assertEquals(name, partial.functionName());
    }

    @Test
    void unknownFunctionsAndVersionsAreNotFound() {
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn("nope"),
                () -> client.getFunction(b -> b.functionName("nope")));
        String name = uniqueName("q");
        createActive(client, name);
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn(name) + ":7",
                () -> client.getFunction(b -> b.functionName(name).qualifier("7")));
        assertAwsError(400, "InvalidParameterValueException",
                "The derived qualifier from the function name does not match the specified qualifier.",
                () -> client.getFunction(b -> b.functionName(name + ":1").qualifier("2")));
    }

    @Test
    void listFunctionsPagesWithMarkerAndMaxItems() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = uniqueName("page");
            createZipFunction(client, name);
            mine.add(name);
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListFunctionsResponse page = client.listFunctions(b -> b.maxItems(2).marker(m));
            assertTrue(page.functions().size() <= 2);
            page.functions().forEach(f -> seen.add(f.functionName()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null && pages < 100);
        assertTrue(seen.containsAll(mine), () -> seen.toString());
        assertEquals(seen.size(), seen.stream().distinct().count(), "no function listed twice");

        List<String> viaPaginator = new ArrayList<>();
        client.listFunctionsPaginator(b -> b.maxItems(3)).functions().forEach(f -> viaPaginator.add(f.functionName()));
        assertEquals(seen, viaPaginator);
    }

    @Test
    void updateCodeGoesInProgressThenSuccessfulAndRetiresLatest() throws Exception {
        String name = uniqueName("upd");
        FunctionConfiguration before = createActive(client, name);
        invoker.retired.clear();
        byte[] zip2 = zip(Map.of("handler.py", "def handler(e, c):\n    return 2\n"));
        UpdateFunctionCodeResponse updated = client.updateFunctionCode(b -> b.functionName(name)
                .zipFile(SdkBytes.fromByteArray(zip2)));
        assertEquals("Active", updated.stateAsString());
        assertEquals("InProgress", updated.lastUpdateStatusAsString());
        assertEquals("The function is being created.", updated.lastUpdateStatusReason());
        assertEquals("Creating", updated.lastUpdateStatusReasonCodeAsString());
        assertEquals(zip2.length, updated.codeSize());
        assertNotEquals(before.codeSha256(), updated.codeSha256());
        assertNotEquals(before.revisionId(), updated.revisionId());
        assertTrue(invoker.retired.contains(new RecordingInvoker.Retire(arn(name), "$LATEST")));
        FunctionConfiguration after = awaitActive(client, name);
        assertEquals(updated.codeSha256(), after.codeSha256());
    }

    @Test
    void updateConfigurationChangesWhatWasAskedOnly() {
        String name = uniqueName("cfg");
        createActive(client, name);
        invoker.retired.clear();
        UpdateFunctionConfigurationResponse updated = client.updateFunctionConfiguration(b -> b.functionName(name)
                .memorySize(512).timeout(60).handler("other.handler").runtime("nodejs22.x").description("new")
                .role("arn:aws:iam::000000000000:role/other")
                .environment(Environment.builder().variables(Map.of("KEY", "V")).build())
                .ephemeralStorage(e -> e.size(1024)));
        assertEquals("InProgress", updated.lastUpdateStatusAsString());
        assertTrue(invoker.retired.contains(new RecordingInvoker.Retire(arn(name), "$LATEST")));
        FunctionConfiguration after = awaitActive(client, name);
        assertEquals(512, after.memorySize());
        assertEquals(60, after.timeout());
        assertEquals("other.handler", after.handler());
        assertEquals("nodejs22.x", after.runtimeAsString());
        assertEquals("new", after.description());
        assertEquals("arn:aws:iam::000000000000:role/other", after.role());
        assertEquals(Map.of("KEY", "V"), after.environment().variables());
        assertEquals(1024, after.ephemeralStorage().size());
        assertEquals(updated.codeSha256(), after.codeSha256());
    }

    @Test
    void anUpdateWhileTheLastIsInProgressConflicts() {
        String name = uniqueName("busy");
        CreateFunctionResponse created = createZipFunction(client, name);
        // CreateFunction answered Pending; an immediate update may or may not find it settled, so force the race
        // with a stale RevisionId instead, which AWS refuses the same way every time
        awaitActive(client, name);
        assertAwsError(412, "PreconditionFailedException", null,
                () -> client.updateFunctionConfiguration(b -> b.functionName(name).revisionId(created.revisionId())
                        .timeout(5)));
    }

    @Test
    void publishVersionAndQualifiers() {
        String name = uniqueName("ver");
        createActive(client, name);
        PublishVersionResponse v1 = client.publishVersion(b -> b.functionName(name).description("first"));
        assertEquals("1", v1.version());
        assertEquals(arn(name) + ":1", v1.functionArn());
        assertEquals("first", v1.description());
        PublishVersionResponse again = client.publishVersion(b -> b.functionName(name));
        assertEquals("1", again.version(), "nothing changed: the same version comes back");
        await(client, name, c -> true);
        client.updateFunctionConfiguration(b -> b.functionName(name).timeout(9));
        awaitActive(client, name);
        assertEquals("2", client.publishVersion(b -> b.functionName(name)).version());

        List<String> versions = new ArrayList<>();
        client.listVersionsByFunction(b -> b.functionName(name)).versions().forEach(v -> versions.add(v.version()));
        assertEquals(List.of("$LATEST", "1", "2"), versions);
        assertEquals(3, client.getFunctionConfiguration(b -> b.functionName(name).qualifier("1")).timeout());
        assertEquals(9, client.getFunctionConfiguration(b -> b.functionName(name + ":2")).timeout());

        ListFunctionsResponse all = client.listFunctions(b -> b.functionVersion("ALL").maxItems(10000));
        assertTrue(all.functions().stream().anyMatch(f -> f.functionArn().equals(arn(name) + ":2")));
        assertTrue(all.functions().stream().allMatch(f -> f.state() == null && f.lastUpdateStatus() == null),
                "list operations leave out the state members, as AWS does");

        invoker.retired.clear();
        client.deleteFunction(b -> b.functionName(name).qualifier("1"));
        assertEquals(List.of(new RecordingInvoker.Retire(arn(name), "1")), invoker.retired);
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn(name) + ":1",
                () -> client.getFunction(b -> b.functionName(name).qualifier("1")));
        assertAwsError(400, "InvalidParameterValueException",
                "$LATEST version cannot be deleted without deleting the function.",
                () -> client.deleteFunction(b -> b.functionName(name).qualifier("$LATEST")));
    }

    @Test
    void createWithPublishAnswersVersionOne() {
        String name = uniqueName("pub");
        CreateFunctionResponse created = client.createFunction(zipFunction(name, handlerZip()).publish(true).build());
        assertEquals("1", created.version());
        assertEquals(arn(name) + ":1", created.functionArn());
    }

    @Test
    void deleteRemovesTheFunctionItsCodeAndRetiresEveryVersion() throws Exception {
        String name = uniqueName("del");
        createActive(client, name);
        client.publishVersion(b -> b.functionName(name));
        Path codeRoot = dataDir.resolve("functions").resolve(ACCOUNT).resolve("us-east-1").resolve(name);
        assertTrue(Files.isDirectory(codeRoot));
        invoker.retired.clear();
        client.deleteFunction(b -> b.functionName(name));
        assertTrue(invoker.retired.contains(new RecordingInvoker.Retire(arn(name), "$LATEST")));
        assertTrue(invoker.retired.contains(new RecordingInvoker.Retire(arn(name), "1")));
        assertFalse(Files.exists(codeRoot));
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn(name),
                () -> client.getFunction(b -> b.functionName(name)));
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn(name),
                () -> client.deleteFunction(b -> b.functionName(name)));
    }

    @Test
    void duplicateNamesConflict() {
        String name = uniqueName("dup");
        createZipFunction(client, name);
        assertAwsError(409, "ResourceConflictException", "Function already exist: " + name,
                () -> createZipFunction(client, name));
    }

    @Test
    void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
        String name = uniqueName("race");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    try {
                        createZipFunction(client, name);
                        return 201;
                    } catch (software.amazon.awssdk.services.lambda.model.ResourceConflictException e) {
                        return 409;
                    }
                }));
            }
            int created = 0;
            for (var f : results) {
                created += f.get() == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        awaitActive(client, name);
        try (var dirs = Files.list(dataDir.resolve("functions").resolve(ACCOUNT).resolve("us-east-1").resolve(name))) {
            assertEquals(1, dirs.count(), "the losers' packages are gone");
        }
    }

    @Test
    void imageFunctionsBecomeActiveAndReportTheirImage() {
        String name = uniqueName("img");
        CreateFunctionResponse created = client.createFunction(b -> b.functionName(name).packageType("Image")
                .role(ROLE).code(c -> c.imageUri("example.com/my/image:1"))
                .imageConfig(i -> i.command("app.handler")));
        assertEquals("Pending", created.stateAsString());
        assertEquals("Image", created.packageTypeAsString());
        assertNull(created.runtime());
        assertEquals(List.of("app.handler"), created.imageConfigResponse().imageConfig().command());
        awaitActive(client, name);
        GetFunctionResponse got = client.getFunction(b -> b.functionName(name));
        assertEquals("ECR", got.code().repositoryType());
        assertEquals("example.com/my/image:1", got.code().imageUri());
        assertAwsError(400, "InvalidParameterValueException",
                "Please provide ImageUri when updating a function with packageType Image.",
                () -> client.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(handlerZip()))));
    }

    @Test
    void hotReloadUsesTheLocalDirectoryLive() throws Exception {
        Path dir = Files.createTempDirectory(dataDir, "hot");
        String name = uniqueName("hot");
        CreateFunctionResponse created = client.createFunction(b -> b.functionName(name).runtime("python3.12")
                .handler("handler.handler").role(ROLE).code(c -> c.s3Bucket("hot-reload").s3Key(dir.toString())));
        assertEquals("hot-reloading-hash-not-available", created.codeSha256());
        awaitActive(client, name);
        assertAwsError(400, "InvalidParameterValueException",
                "When using hot reloading, the archive key has to be an absolute path! Your archive key: relative/dir",
                () -> client.createFunction(b -> b.functionName(uniqueName("hot")).runtime("python3.12")
                        .handler("handler.handler").role(ROLE).code(c -> c.s3Bucket("hot-reload").s3Key("relative/dir"))));
        assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.createFunction(b -> b.functionName(uniqueName("s3")).runtime("python3.12")
                        .handler("handler.handler").role(ROLE).code(c -> c.s3Bucket("some-bucket").s3Key("k.zip"))));
    }

    @Test
    void accountSettingsCountFunctionsAndCode() {
        long before = client.getAccountSettings(b -> { }).accountUsage().functionCount();
        createZipFunction(client, uniqueName("acct"));
        var settings = client.getAccountSettings(b -> { });
        assertEquals(before + 1, settings.accountUsage().functionCount());
        assertTrue(settings.accountUsage().totalCodeSize() > 0);
        assertEquals(262144000L, settings.accountLimit().codeSizeUnzipped());
        assertEquals(52428800L, settings.accountLimit().codeSizeZipped());
        assertEquals(80530636800L, settings.accountLimit().totalCodeSize());
        assertEquals(1000, settings.accountLimit().concurrentExecutions());
        assertNotNull(settings.accountLimit().unreservedConcurrentExecutions());
    }
}
