package dev.hangar.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI v1 (on PATH) and v2 (/usr/bin/aws) against the in-process server: put-parameter → get-parameter →
 * get-parameters-by-path → delete-parameter. Both must be installed: a missing CLI fails the test.
 */
class AwsCliTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).build();

    @Test
    void cliV1() {
        scenario(AwsCli.v1(), "/cli-v1");
    }

    @Test
    void cliV2() {
        scenario(AwsCli.v2(), "/cli-v2");
    }

    private void scenario(AwsCli cli, String root) {
        AwsCli aws = hangar.cli(cli);
        JsonNode put = aws.json("ssm", "put-parameter", "--name", root + "/db/password", "--value", "s3cr3t",
                "--type", "SecureString");
        assertEquals(1, put.at("/Version").asInt());
        assertEquals("Standard", put.at("/Tier").asText());
        aws.json("ssm", "put-parameter", "--name", root + "/db/host", "--value", "db.local", "--type", "String");
        aws.json("ssm", "put-parameter", "--name", root + "/region", "--value", "us-east-1", "--type", "String");

        JsonNode hidden = aws.json("ssm", "get-parameter", "--name", root + "/db/password");
        assertNotEquals("s3cr3t", hidden.at("/Parameter/Value").asText());
        JsonNode got = aws.json("ssm", "get-parameter", "--name", root + "/db/password", "--with-decryption");
        assertEquals("s3cr3t", got.at("/Parameter/Value").asText());
        assertEquals("SecureString", got.at("/Parameter/Type").asText());
        assertEquals("arn:aws:ssm:us-east-1:000000000000:parameter" + root + "/db/password",
                got.at("/Parameter/ARN").asText());

        // the CLI pages by itself (MaxResults 1 per call here), following NextToken to the end
        JsonNode tree = aws.json("ssm", "get-parameters-by-path", "--path", root, "--recursive",
                "--with-decryption", "--page-size", "1");
        assertEquals(3, tree.at("/Parameters").size(), tree.toString());
        assertEquals(root + "/db/host", tree.at("/Parameters/0/Name").asText());
        assertEquals("s3cr3t", tree.at("/Parameters/1/Value").asText());
        assertEquals(root + "/region", tree.at("/Parameters/2/Name").asText());

        aws.ok("ssm", "delete-parameter", "--name", root + "/db/password");
        AwsCli.Result gone = aws.run("ssm", "get-parameter", "--name", root + "/db/password");
        assertNotEquals(0, gone.exit());
        assertTrue(gone.err().contains("ParameterNotFound"), gone.err());
        assertEquals(2, aws.json("ssm", "get-parameters-by-path", "--path", root, "--recursive")
                .at("/Parameters").size());
    }
}
