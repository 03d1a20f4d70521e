package dev.hangar.ec2;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.hangar.ec2.Ec2TestClients.assertEc2Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DescribeSubnets with the real Ec2Client. */
class SubnetApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    private static Ec2Client ec2() {
        return hangar.client(Ec2Client.class);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<Subnet> byZone(List<Subnet> subnets) {
        return subnets.stream().sorted(Comparator.comparing(Subnet::availabilityZone)).toList();
    }

    private static List<Subnet> subnets(Filter... filters) {
        return byZone(ec2().describeSubnets(r -> r.filters(filters)).subnets());
    }

    @Test
    void usEast1HasADefaultSubnetInEachOfItsSixZones() {
        String vpcId = ec2().describeVpcs().vpcs().get(0).vpcId();
        List<Subnet> subnets = byZone(ec2().describeSubnets().subnets());
        assertEquals(6, subnets.size());
        for (int i = 0; i < 6; i++) {
            Subnet s = subnets.get(i);
            assertTrue(s.subnetId().matches("subnet-[0-9a-f]{17}"), s.subnetId());
            assertEquals(vpcId, s.vpcId());
            assertEquals("us-east-1" + (char) ('a' + i), s.availabilityZone());
            assertEquals("use1-az" + (i + 1), s.availabilityZoneId());
            assertEquals("172.31." + (16 * i) + ".0/20", s.cidrBlock());
            assertEquals(Boolean.TRUE, s.defaultForAz());
            assertEquals(Boolean.TRUE, s.mapPublicIpOnLaunch());
            assertEquals(4091, s.availableIpAddressCount());
            assertEquals(SubnetState.AVAILABLE, s.state());
            assertEquals("000000000000", s.ownerId());
            assertEquals("arn:aws:ec2:us-east-1:000000000000:subnet/" + s.subnetId(), s.subnetArn());
            assertEquals(Boolean.FALSE, s.assignIpv6AddressOnCreation());
        }
        assertEquals(6, subnets.stream().map(Subnet::subnetId).distinct().count());
    }

    @Test
    void otherRegionsHaveThreeZones() {
        try (Ec2Client frankfurt = Ec2TestClients.client(hangar, "000000000000", Region.EU_CENTRAL_1)) {
            List<Subnet> subnets = byZone(frankfurt.describeSubnets().subnets());
            assertEquals(List.of("eu-central-1a", "eu-central-1b", "eu-central-1c"),
                    subnets.stream().map(Subnet::availabilityZone).toList());
            assertEquals(List.of("euc1-az1", "euc1-az2", "euc1-az3"),
                    subnets.stream().map(Subnet::availabilityZoneId).toList());
            assertEquals("arn:aws:ec2:eu-central-1:000000000000:subnet/" + subnets.get(0).subnetId(),
                    subnets.get(0).subnetArn());
        }
    }

    @Test
    void everyFilterSelects() {
        List<Subnet> all = byZone(ec2().describeSubnets().subnets());
        Subnet b = all.get(1);
        Map<String, String> selectB = Map.of(
                "subnet-id", b.subnetId(), "availability-zone", "us-east-1b", "availabilityZone", "us-east-1b",
                "availability-zone-id", "use1-az2", "cidr-block", "172.31.16.0/20", "cidr", "172.31.16.0/20",
                "cidrBlock", "172.31.16.0/20", "subnet-arn", b.subnetArn());
        selectB.forEach((name, value) -> assertEquals(List.of(b), subnets(filter(name, value)), name));
        Map<String, String> selectAll = Map.of(
                "vpc-id", b.vpcId(), "default-for-az", "true", "defaultForAz", "true", "state", "available",
                "owner-id", "000000000000", "map-public-ip-on-launch", "true",
                "available-ip-address-count", "4091", "availability-zone", "us-east-1?");
        selectAll.forEach((name, value) -> assertEquals(all, subnets(filter(name, value)), name));
        Map<String, String> selectNone = Map.of(
                "vpc-id", "vpc-00000000000000000", "default-for-az", "false", "state", "pending",
                "availability-zone", "eu-west-1a", "tag:Name", "*", "outpost-arn", "*");
        selectNone.forEach((name, value) -> assertEquals(List.of(), subnets(filter(name, value)), name));
        assertEquals(List.of(all.get(0), all.get(2)),
                subnets(filter("availability-zone", "us-east-1a", "us-east-1c"), filter("vpc-id", b.vpcId())));
    }

    @Test
    void subnetIdsSelectAndUnknownOrMalformedIdsFail() {
        List<Subnet> all = byZone(ec2().describeSubnets().subnets());
        String a = all.get(0).subnetId();
        String c = all.get(2).subnetId();
        assertEquals(List.of(all.get(0), all.get(2)), byZone(ec2().describeSubnets(r -> r.subnetIds(c, a)).subnets()));
        assertEquals(List.of(all.get(2)), ec2().describeSubnets(
                r -> r.subnetIds(c, a).filters(filter("availability-zone", "us-east-1c"))).subnets());
        assertEc2Error("InvalidSubnetID.NotFound", 400, "The subnet ID 'subnet-0123456789abcdef0' does not exist",
                () -> ec2().describeSubnets(r -> r.subnetIds(a, "subnet-0123456789abcdef0")));
        assertEc2Error("InvalidSubnetID.Malformed", 400, "Invalid id: \"subnet-1\" (expecting \"subnet-...\")",
                () -> ec2().describeSubnets(r -> r.subnetIds("subnet-0123456789abcdef0", "subnet-1")));
        assertEc2Error("InvalidParameterValue", 400, "The filter 'is-default' is invalid",
                () -> ec2().describeSubnets(r -> r.filters(filter("is-default", "true"))));
    }

    @Test
    void pagesOfFiveThenOne() {
        DescribeSubnetsResponse first = ec2().describeSubnets(r -> r.maxResults(5));
        assertEquals(5, first.subnets().size());
        assertNotNull(first.nextToken());
        DescribeSubnetsResponse second = ec2().describeSubnets(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertEquals(1, second.subnets().size());
        assertNull(second.nextToken());
        List<Subnet> paged = new ArrayList<>(first.subnets());
        paged.addAll(second.subnets());
        assertEquals(byZone(ec2().describeSubnets().subnets()), byZone(paged));
        assertEquals(6, ec2().describeSubnetsPaginator(r -> r.maxResults(5)).subnets().stream().count());
        // a token is bound to the filters it was made for
        assertEc2Error("InvalidParameterValue", 400,
                "Value ( " + first.nextToken() + " ) for parameter NextToken is invalid. The token is invalid.",
                () -> ec2().describeSubnets(r -> r.maxResults(5).nextToken(first.nextToken())
                        .filters(filter("state", "available"))));
    }
}
