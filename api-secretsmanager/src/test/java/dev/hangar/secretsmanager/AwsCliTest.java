package dev.hangar.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI v1 (on PATH) and v2 (/usr/bin/aws) against the in-process server: create-secret → get-secret-value →
 * put-secret-value → describe-secret. Both must be installed: a missing CLI fails the test.
 */
class AwsCliTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();

    @Test
    void cliV1() {
        scenario(AwsCli.v1(), "cli-v1/db");
    }

    @Test
    void cliV2() {
        scenario(AwsCli.v2(), "cli-v2/db");
    }

    private void scenario(AwsCli cli, String name) {
        AwsCli aws = hangar.cli(cli);
        JsonNode created = aws.json("secretsmanager", "create-secret", "--name", name,
                "--secret-string", "{\"user\":\"app\",\"password\":\"one\"}", "--description", "from the CLI",
                "--tags", "Key=team,Value=a");
        String arn = created.at("/ARN").asText();
        assertTrue(arn.matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:\\Q" + name
                + "\\E-[A-Za-z0-9]{6}"), arn);
        String v1 = created.at("/VersionId").asText();

        JsonNode value = aws.json("secretsmanager", "get-secret-value", "--secret-id", name);
        assertEquals("{\"user\":\"app\",\"password\":\"one\"}", value.at("/SecretString").asText());
        assertEquals(v1, value.at("/VersionId").asText());
        assertEquals("AWSCURRENT", value.at("/VersionStages/0").asText());

        JsonNode put = aws.json("secretsmanager", "put-secret-value", "--secret-id", arn,
                "--secret-string", "{\"user\":\"app\",\"password\":\"two\"}");
        String v2 = put.at("/VersionId").asText();
        assertNotEquals(v1, v2);
        assertEquals("AWSCURRENT", put.at("/VersionStages/0").asText());

        JsonNode described = aws.json("secretsmanager", "describe-secret", "--secret-id", name);
        assertEquals(arn, described.at("/ARN").asText());
        assertEquals("from the CLI", described.at("/Description").asText());
        assertEquals("AWSCURRENT", described.at("/VersionIdsToStages/" + v2 + "/0").asText());
        assertEquals("AWSPREVIOUS", described.at("/VersionIdsToStages/" + v1 + "/0").asText());
        assertEquals("team", described.at("/Tags/0/Key").asText());
        assertTrue(described.at("/CreatedDate").isNumber() || described.at("/CreatedDate").isTextual());

        JsonNode previous = aws.json("secretsmanager", "get-secret-value", "--secret-id", name,
                "--version-stage", "AWSPREVIOUS");
        assertEquals("{\"user\":\"app\",\"password\":\"one\"}", previous.at("/SecretString").asText());
    }
}
