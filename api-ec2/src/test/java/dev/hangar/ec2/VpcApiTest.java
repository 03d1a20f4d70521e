package dev.hangar.ec2;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeName;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcState;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.hangar.ec2.Ec2TestClients.assertEc2Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DescribeVpcs and DescribeAccountAttributes with the real Ec2Client. */
class VpcApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    private static Ec2Client ec2() {
        return hangar.client(Ec2Client.class);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<Vpc> vpcs(Filter... filters) {
        return ec2().describeVpcs(r -> r.filters(filters)).vpcs();
    }

    @Test
    void theDefaultVpcIsThereWithEc2sFields() {
        List<Vpc> vpcs = ec2().describeVpcs().vpcs();
        assertEquals(1, vpcs.size());
        Vpc vpc = vpcs.get(0);
        assertTrue(vpc.vpcId().matches("vpc-[0-9a-f]{17}"), vpc.vpcId());
        assertEquals("172.31.0.0/16", vpc.cidrBlock());
        assertEquals(Boolean.TRUE, vpc.isDefault());
        assertEquals(VpcState.AVAILABLE, vpc.state());
        assertEquals(Tenancy.DEFAULT, vpc.instanceTenancy());
        assertEquals("000000000000", vpc.ownerId());
        assertTrue(vpc.dhcpOptionsId().matches("dopt-[0-9a-f]{17}"), vpc.dhcpOptionsId());
        assertEquals(1, vpc.cidrBlockAssociationSet().size());
        var association = vpc.cidrBlockAssociationSet().get(0);
        assertTrue(association.associationId().matches("vpc-cidr-assoc-[0-9a-f]{17}"), association.associationId());
        assertEquals("172.31.0.0/16", association.cidrBlock());
        assertEquals(VpcCidrBlockStateCode.ASSOCIATED, association.cidrBlockState().state());
        assertTrue(vpc.tags().isEmpty());
        // stable for the life of the Hangar
        assertEquals(vpc, ec2().describeVpcs().vpcs().get(0));
    }

    @Test
    void eachAccountAndRegionHasItsOwnDefaultVpcAndTheSameOneEveryTime() {
        String here = ec2().describeVpcs().vpcs().get(0).vpcId();
        try (Ec2Client otherAccount = Ec2TestClients.client(hangar, "111111111111", Region.US_EAST_1);
             Ec2Client otherRegion = Ec2TestClients.client(hangar, "000000000000", Region.EU_WEST_2)) {
            Vpc other = otherAccount.describeVpcs().vpcs().get(0);
            assertEquals("111111111111", other.ownerId());
            assertNotEquals(here, other.vpcId());
            String inEurope = otherRegion.describeVpcs().vpcs().get(0).vpcId();
            assertNotEquals(here, inEurope);
            assertEquals(here, ec2().describeVpcs().vpcs().get(0).vpcId());
        }
        hangar.reset();
        assertEquals(here, ec2().describeVpcs().vpcs().get(0).vpcId(), "the ids derive from account and region");
    }

    @Test
    void everyFilterSelects() {
        Vpc vpc = ec2().describeVpcs().vpcs().get(0);
        String id = vpc.vpcId();
        Map<String, String> matching = Map.of(
                "vpc-id", id, "is-default", "true", "isDefault", "true", "cidr", "172.31.0.0/16",
                "state", "available", "owner-id", "000000000000", "dhcp-options-id", vpc.dhcpOptionsId(),
                "cidr-block-association.cidr-block", "172.31.0.0/16",
                "cidr-block-association.association-id", vpc.cidrBlockAssociationSet().get(0).associationId(),
                "cidr-block-association.state", "associated");
        matching.forEach((name, value) -> assertEquals(List.of(vpc), vpcs(filter(name, value)), name));
        Map<String, String> notMatching = Map.of(
                "vpc-id", "vpc-00000000000000000", "is-default", "false", "cidr", "10.0.0.0/16",
                "state", "pending", "owner-id", "111111111111", "tag:Name", "anything", "tag-key", "Name",
                "ipv6-cidr-block-association.ipv6-cidr-block", "*");
        notMatching.forEach((name, value) -> assertEquals(List.of(), vpcs(filter(name, value)), name));
    }

    @Test
    void filterValuesAreAlternativesFiltersAllHoldAndWildcardsWork() {
        Vpc vpc = ec2().describeVpcs().vpcs().get(0);
        assertEquals(List.of(vpc), vpcs(filter("cidr", "10.0.0.0/16", "172.31.0.0/16")));
        assertEquals(List.of(), vpcs(filter("is-default", "true"), filter("state", "pending")));
        assertEquals(List.of(vpc), vpcs(filter("is-default", "true"), filter("state", "available")));
        assertEquals(List.of(vpc), vpcs(filter("vpc-id", "vpc-*")));
        assertEquals(List.of(vpc), vpcs(filter("cidr", "172.31.?.0/16")));
        assertEquals(List.of(), vpcs(filter("cidr", "172.31.\\*")));
        assertEquals(List.of(), vpcs(filter("vpc-id")), "a filter without values matches nothing");
    }

    @Test
    void vpcIdsSelectAndUnknownOrMalformedIdsFail() {
        Vpc vpc = ec2().describeVpcs().vpcs().get(0);
        assertEquals(List.of(vpc), ec2().describeVpcs(r -> r.vpcIds(vpc.vpcId(), vpc.vpcId())).vpcs());
        assertEquals(List.of(), ec2().describeVpcs(r -> r.vpcIds(vpc.vpcId()).filters(filter("is-default", "false")))
                .vpcs());
        assertEc2Error("InvalidVpcID.NotFound", 400, "The vpc ID 'vpc-0123456789abcdef0' does not exist",
                () -> ec2().describeVpcs(r -> r.vpcIds(vpc.vpcId(), "vpc-0123456789abcdef0")));
        assertEc2Error("InvalidVpcID.NotFound", 400, "The vpc ID 'vpc-12345678' does not exist",
                () -> ec2().describeVpcs(r -> r.vpcIds("vpc-12345678")));
        assertEc2Error("InvalidVpcID.Malformed", 400, "Invalid id: \"vpc-x\" (expecting \"vpc-...\")",
                () -> ec2().describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0", "vpc-x")));
        assertEc2Error("InvalidVpcID.Malformed", 400,
                "Invalid id: \"subnet-0123456789abcdef0\" (expecting \"vpc-...\")",
                () -> ec2().describeVpcs(r -> r.vpcIds("subnet-0123456789abcdef0")));
    }

    @Test
    void anUnknownFilterIsRefused() {
        assertEc2Error("InvalidParameterValue", 400, "The filter 'colour' is invalid",
                () -> vpcs(filter("colour", "blue")));
        assertEc2Error("InvalidParameterValue", 400, "The filter 'subnet-id' is invalid",
                () -> vpcs(filter("subnet-id", "subnet-0123456789abcdef0")));
    }

    @Test
    void pagesAndTheirLimits() {
        DescribeVpcsResponse page = ec2().describeVpcs(r -> r.maxResults(5));
        assertEquals(1, page.vpcs().size());
        assertNull(page.nextToken());
        assertEquals(1, ec2().describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream().count());
        assertEc2Error("InvalidParameterValue", 400,
                "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.",
                () -> ec2().describeVpcs(r -> r.maxResults(4)));
        assertEc2Error("InvalidParameterValue", 400,
                "Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000.",
                () -> ec2().describeVpcs(r -> r.maxResults(1001)));
        assertEc2Error("InvalidParameterValue", 400,
                "Value ( forged ) for parameter NextToken is invalid. The token is invalid.",
                () -> ec2().describeVpcs(r -> r.nextToken("forged")));
    }

    @Test
    void dryRunSaysTheRequestWouldHaveSucceeded() {
        assertEc2Error("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.",
                () -> ec2().describeVpcs(r -> r.dryRun(true)));
        assertEquals(1, ec2().describeVpcs(r -> r.dryRun(false)).vpcs().size());
    }

    @Test
    void accountAttributesNameTheDefaultVpcAndVpcOnly() {
        String vpcId = ec2().describeVpcs().vpcs().get(0).vpcId();
        Map<String, List<String>> all = attributes(ec2().describeAccountAttributes().accountAttributes());
        assertEquals(List.of("VPC"), all.get("supported-platforms"));
        assertEquals(List.of(vpcId), all.get("default-vpc"));
        assertEquals(List.of("20"), all.get("max-instances"));
        assertEquals(6, all.size(), all.toString());
        Map<String, List<String>> one = attributes(ec2().describeAccountAttributes(
                r -> r.attributeNames(AccountAttributeName.DEFAULT_VPC)).accountAttributes());
        assertEquals(Map.of("default-vpc", List.of(vpcId)), one);
    }

    private static Map<String, List<String>> attributes(List<AccountAttribute> attributes) {
        return attributes.stream().collect(Collectors.toMap(AccountAttribute::attributeName,
                a -> a.attributeValues().stream().map(v -> v.attributeValue()).toList()));
    }
}
