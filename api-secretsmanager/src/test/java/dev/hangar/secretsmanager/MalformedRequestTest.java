package dev.hangar.secretsmanager;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies no SDK would send still get Secrets Manager's 400s in the awsJson shape, never a 500. */
class MalformedRequestTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyMalformedBodyIsAClientError() throws Exception {
        hangar.client(SecretsManagerClient.class).createSecret(b -> b.name("x").secretString("v"));
        Map<String, String> bodies = Map.ofEntries(Map.entry("TagResource", "{\"SecretId\":\"x\",\"Tags\":[null]}"),
                Map.entry("UntagResource", "{\"SecretId\":\"x\",\"TagKeys\":[null]}"),
                Map.entry("ListSecrets", "{\"Filters\":[null,{\"Key\":\"name\",\"Values\":[null]}]}"),
                Map.entry("PutSecretValue", "{\"SecretId\":\"x\",\"SecretString\":\"v\",\"VersionStages\":[null]}"),
                Map.entry("CreateSecret", "{\"Name\":\"y\",\"Tags\":[{\"Key\":null,\"Value\":null}]}"),
                Map.entry("GetRandomPassword", "{\"PasswordLength\":0}"));
        send(bodies);
        send(Map.of(
                "GetSecretValue", "{not json",
                "CreateSecret", "{\"Name\":{\"a\":1},\"SecretString\":\"v\"}",
                "ListSecrets", "{\"Filters\":\"name\",\"MaxResults\":\"ten\"}",
                "DeleteSecret", "{\"SecretId\":\"x\",\"RecoveryWindowInDays\":\"soon\"}",
                "PutSecretValue", "{\"SecretId\":\"x\",\"SecretBinary\":\"%%% not base64\"}",
                "TagResource", "{\"SecretId\":\"x\",\"Tags\":[{\"Key\":null}]}",
                "ListSecretVersionIds", "[]"));
    }

    @Test
    void aNullListElementIsNamedAsTheFrontEndNamesIt() throws Exception {
        String body = post("TagResource", "{\"SecretId\":\"x\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"},null]}")
                .body();
        assertTrue(body.contains("\"__type\":\"ValidationException\""), body);
        assertTrue(body.contains("1 validation error detected: Value null at 'tags.2.member' failed to satisfy "
                + "constraint: Member must not be null"), body);
    }

    private static HttpResponse<String> post(String operation, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(hangar.endpoint().resolve("/"))
                        .header("X-Amz-Target", "secretsmanager." + operation)
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/secretsmanager/"
                                + "aws4_request, SignedHeaders=host, Signature=0")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void send(Map<String, String> bodies) throws Exception {
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            HttpResponse<String> response = post(e.getKey(), e.getValue());
            assertEquals(400, response.statusCode(), e.getKey() + ": " + response.body());
            assertTrue(response.body().contains("\"__type\""), e.getKey() + ": " + response.body());
        }
    }
}
