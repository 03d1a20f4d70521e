package dev.hangar.ec2;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.List;
import java.util.Map;

import static dev.hangar.ec2.Ec2TestClients.assertEc2Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DescribeSecurityGroups with the real Ec2Client. */
class SecurityGroupApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    private static Ec2Client ec2() {
        return hangar.client(Ec2Client.class);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<SecurityGroup> groups(Filter... filters) {
        return ec2().describeSecurityGroups(r -> r.filters(filters)).securityGroups();
    }

    @Test
    void theDefaultVpcHasItsDefaultGroupWithEc2sDefaultRules() {
        String vpcId = ec2().describeVpcs().vpcs().get(0).vpcId();
        List<SecurityGroup> groups = ec2().describeSecurityGroups().securityGroups();
        assertEquals(1, groups.size());
        SecurityGroup g = groups.get(0);
        assertTrue(g.groupId().matches("sg-[0-9a-f]{17}"), g.groupId());
        assertEquals("default", g.groupName());
        assertEquals("default VPC security group", g.description());
        assertEquals(vpcId, g.vpcId());
        assertEquals("000000000000", g.ownerId());
        assertEquals("arn:aws:ec2:us-east-1:000000000000:security-group/" + g.groupId(), g.securityGroupArn());

        assertEquals(1, g.ipPermissions().size());
        IpPermission in = g.ipPermissions().get(0);
        assertEquals("-1", in.ipProtocol());
        assertNull(in.fromPort());
        assertEquals(1, in.userIdGroupPairs().size());
        assertEquals(g.groupId(), in.userIdGroupPairs().get(0).groupId());
        assertEquals("000000000000", in.userIdGroupPairs().get(0).userId());
        assertTrue(in.ipRanges().isEmpty());

        assertEquals(1, g.ipPermissionsEgress().size());
        IpPermission out = g.ipPermissionsEgress().get(0);
        assertEquals("-1", out.ipProtocol());
        assertEquals("0.0.0.0/0", out.ipRanges().get(0).cidrIp());
        assertTrue(out.userIdGroupPairs().isEmpty());
    }

    @Test
    void everyFilterSelects() {
        SecurityGroup g = ec2().describeSecurityGroups().securityGroups().get(0);
        Map<String, String> matching = Map.ofEntries(
                Map.entry("group-id", g.groupId()), Map.entry("group-name", "default"),
                Map.entry("description", "default VPC*"), Map.entry("vpc-id", g.vpcId()),
                Map.entry("owner-id", "000000000000"), Map.entry("ip-permission.protocol", "-1"),
                Map.entry("ip-permission.group-id", g.groupId()), Map.entry("ip-permission.user-id", "000000000000"),
                Map.entry("egress.ip-permission.protocol", "-1"),
                Map.entry("egress.ip-permission.cidr", "0.0.0.0/0"));
        matching.forEach((name, value) -> assertEquals(List.of(g), groups(filter(name, value)), name));
        Map<String, String> notMatching = Map.ofEntries(
                Map.entry("group-name", "web"), Map.entry("vpc-id", "vpc-00000000000000000"),
                Map.entry("ip-permission.cidr", "0.0.0.0/0"), Map.entry("egress.ip-permission.group-id", "*"),
                Map.entry("ip-permission.from-port", "22"), Map.entry("tag-key", "*"),
                Map.entry("ip-permission.prefix-list-id", "*"));
        notMatching.forEach((name, value) -> assertEquals(List.of(), groups(filter(name, value)), name));
        assertEc2Error("InvalidParameterValue", 400, "The filter 'group' is invalid",
                () -> groups(filter("group", "default")));
    }

    @Test
    void groupIdsAndNamesSelectAndUnknownOrMalformedOnesFail() {
        SecurityGroup g = ec2().describeSecurityGroups().securityGroups().get(0);
        assertEquals(List.of(g), ec2().describeSecurityGroups(r -> r.groupIds(g.groupId())).securityGroups());
        assertEquals(List.of(g), ec2().describeSecurityGroups(r -> r.groupNames("default")).securityGroups());
        assertEquals(List.of(g), ec2().describeSecurityGroups(r -> r.groupNames("default").groupIds(g.groupId()))
                .securityGroups());
        assertEc2Error("InvalidGroup.NotFound", 400, "The security group 'sg-0123456789abcdef0' does not exist",
                () -> ec2().describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0")));
        assertEc2Error("InvalidGroup.NotFound", 400,
                "The security group 'web' does not exist in default VPC '" + g.vpcId() + "'",
                () -> ec2().describeSecurityGroups(r -> r.groupNames("web")));
        assertEc2Error("InvalidGroupId.Malformed", 400, "Invalid id: \"default\" (expecting \"sg-...\")",
                () -> ec2().describeSecurityGroups(r -> r.groupIds("default")));
    }

    @Test
    void pagesAndDryRun() {
        var page = ec2().describeSecurityGroups(r -> r.maxResults(5));
        assertEquals(1, page.securityGroups().size());
        assertNull(page.nextToken());
        assertEc2Error("InvalidParameterValue", 400,
                "Value ( 2 ) for parameter maxResults is invalid. Expecting a value greater than 5.",
                () -> ec2().describeSecurityGroups(r -> r.maxResults(2)));
        assertEc2Error("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.",
                () -> ec2().describeSecurityGroups(r -> r.dryRun(true)));
    }
}
