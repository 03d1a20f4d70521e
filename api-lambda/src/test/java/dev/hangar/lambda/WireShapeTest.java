package dev.hangar.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.createActive;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the SDK hides: Lambda's error bodies carry "Type": "User" and the error type header, as on AWS. */
class WireShapeTest {

    /** Stands in for the invocation side, recording what the control plane hands over. */
    static final RecordingInvoker invoker = new RecordingInvoker();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .port(FunctionInvoker.class, invoker).build();
    static LambdaClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(LambdaClient.class);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void errorsCarryTheirTypeAndHeader() throws Exception {
        HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(
                URI.create(hangar.endpoint() + "/2015-03-31/functions/nope")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, notFound.statusCode());
        assertEquals("ResourceNotFoundException",
                notFound.headers().firstValue("x-amzn-errortype").orElse("").split(":")[0]);
        JsonNode body = new ObjectMapper().readTree(notFound.body());
        assertEquals("User", body.path("Type").asText(), notFound.body());
        assertTrue(notFound.body().contains("Function not found: " + arn("nope")), notFound.body());

        String name = uniqueName("wire");
        createActive(client, name);
        byte[] big = new byte[6_291_457];
        java.util.Arrays.fill(big, (byte) '1');
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(
                URI.create(hangar.endpoint() + "/2015-03-31/functions/" + name + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode());
        assertEquals("RequestEntityTooLargeException",
                tooLarge.headers().firstValue("x-amzn-errortype").orElse("").split(":")[0]);
        assertTrue(tooLarge.body().contains("Request must be smaller than 6291456 bytes for the InvokeFunction operation"),
                tooLarge.body());
    }
}
