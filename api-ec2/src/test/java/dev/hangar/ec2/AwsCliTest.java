package dev.hangar.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI v1 (on PATH) and v2 (/usr/bin/aws) against Hangar's EC2: the default VPC found as scripts find it
 * ({@code describe-vpcs --filters Name=is-default,Values=true}), its subnets and its default group, and an error's code
 * as the CLI prints it. Both must be installed: a missing CLI fails the test.
 */
class AwsCliTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    @Test
    void cliV1() {
        scenario(AwsCli.v1());
    }

    @Test
    void cliV2() {
        scenario(AwsCli.v2());
    }

    private void scenario(AwsCli cli) {
        AwsCli aws = hangar.cli(cli);
        JsonNode vpcs = aws.json("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true");
        assertEquals(1, vpcs.at("/Vpcs").size(), vpcs.toString());
        String vpcId = vpcs.at("/Vpcs/0/VpcId").asText();
        assertTrue(vpcId.matches("vpc-[0-9a-f]{17}"), vpcId);
        assertEquals("172.31.0.0/16", vpcs.at("/Vpcs/0/CidrBlock").asText());
        assertTrue(vpcs.at("/Vpcs/0/IsDefault").asBoolean());

        String text = aws.ok("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true",
                "--query", "Vpcs[0].VpcId", "--output", "text").trim();
        assertEquals(vpcId, text);

        JsonNode subnets = aws.json("ec2", "describe-subnets", "--filters", "Name=vpc-id,Values=" + vpcId);
        assertEquals(6, subnets.at("/Subnets").size(), subnets.toString());
        Set<String> zones = new HashSet<>();
        for (JsonNode subnet : subnets.at("/Subnets")) {
            assertEquals(vpcId, subnet.at("/VpcId").asText());
            assertTrue(subnet.at("/DefaultForAz").asBoolean());
            zones.add(subnet.at("/AvailabilityZone").asText());
        }
        assertEquals(Set.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"),
                zones);

        // the CLI pages with MaxResults when asked to: 5 and then 1
        JsonNode paged = aws.json("ec2", "describe-subnets", "--page-size", "5");
        assertEquals(6, paged.at("/Subnets").size(), paged.toString());

        JsonNode groups = aws.json("ec2", "describe-security-groups", "--group-names", "default");
        assertEquals(vpcId, groups.at("/SecurityGroups/0/VpcId").asText());
        assertEquals("0.0.0.0/0", groups.at("/SecurityGroups/0/IpPermissionsEgress/0/IpRanges/0/CidrIp").asText());

        AwsCli.Result missing = aws.run("ec2", "describe-subnets", "--subnet-ids", "subnet-0123456789abcdef0");
        assertNotEquals(0, missing.exit());
        assertTrue(missing.err().contains("InvalidSubnetID.NotFound"), missing.err());
        assertTrue(missing.err().contains("The subnet ID 'subnet-0123456789abcdef0' does not exist"), missing.err());
    }
}
