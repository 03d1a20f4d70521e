package dev.hangar.ec2;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneOptInStatus;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.hangar.ec2.Ec2TestClients.assertEc2Error;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DescribeAvailabilityZones with the real Ec2Client: the zones the default subnets are in. */
class AvailabilityZoneApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    private static Ec2Client ec2() {
        return hangar.client(Ec2Client.class);
    }

    private static List<String> names(List<AvailabilityZone> zones) {
        return zones.stream().map(AvailabilityZone::zoneName).toList();
    }

    @Test
    void theZonesAreTheSubnetsZones() {
        List<AvailabilityZone> zones = ec2().describeAvailabilityZones().availabilityZones();
        assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"),
                names(zones));
        Set<String> subnetZones = ec2().describeSubnets().subnets().stream()
                .map(s -> s.availabilityZone() + "/" + s.availabilityZoneId()).collect(Collectors.toSet());
        assertEquals(subnetZones, zones.stream().map(z -> z.zoneName() + "/" + z.zoneId())
                .collect(Collectors.toSet()));
        AvailabilityZone a = zones.get(0);
        assertEquals("use1-az1", a.zoneId());
        assertEquals(AvailabilityZoneState.AVAILABLE, a.state());
        assertEquals("us-east-1", a.regionName());
        assertEquals("availability-zone", a.zoneType());
        assertEquals(AvailabilityZoneOptInStatus.OPT_IN_NOT_REQUIRED, a.optInStatus());
        assertEquals("us-east-1", a.groupName());
        assertEquals("us-east-1", a.networkBorderGroup());
        assertEquals(zones, ec2().describeAvailabilityZones(r -> r.allAvailabilityZones(true)).availabilityZones());
    }

    @Test
    void namesIdsAndFiltersSelect() {
        assertEquals(List.of("us-east-1b", "us-east-1d"), names(ec2().describeAvailabilityZones(
                r -> r.zoneNames("us-east-1d", "us-east-1b")).availabilityZones()));
        assertEquals(List.of("us-east-1a", "us-east-1c"), names(ec2().describeAvailabilityZones(
                r -> r.zoneIds("use1-az3").zoneNames("us-east-1a")).availabilityZones()));
        assertEquals(List.of("us-east-1e"), names(ec2().describeAvailabilityZones(
                r -> r.filters(Filter.builder().name("zone-id").values("use1-az5").build())).availabilityZones()));
        assertEquals(6, ec2().describeAvailabilityZones(r -> r.filters(
                Filter.builder().name("state").values("available").build(),
                Filter.builder().name("region-name").values("us-east-1").build(),
                Filter.builder().name("zone-type").values("availability-zone").build(),
                Filter.builder().name("opt-in-status").values("opt-in-not-required").build()))
                .availabilityZones().size());
        assertEquals(List.of(), ec2().describeAvailabilityZones(
                r -> r.filters(Filter.builder().name("zone-name").values("us-west-2a").build())).availabilityZones());
        assertEc2Error("InvalidParameterValue", 400, "Invalid availability zone: [us-east-1z]",
                () -> ec2().describeAvailabilityZones(r -> r.zoneNames("us-east-1z")));
        assertEc2Error("InvalidParameterValue", 400, "Invalid availability zone ID: [use1-az9]",
                () -> ec2().describeAvailabilityZones(r -> r.zoneIds("use1-az9")));
        assertEc2Error("InvalidParameterValue", 400, "The filter 'vpc-id' is invalid",
                () -> ec2().describeAvailabilityZones(
                        r -> r.filters(Filter.builder().name("vpc-id").values("x").build())));
    }

    @Test
    void anotherRegionHasItsOwnThreeZones() {
        try (Ec2Client ireland = Ec2TestClients.client(hangar, "000000000000", Region.EU_WEST_1)) {
            List<AvailabilityZone> zones = ireland.describeAvailabilityZones().availabilityZones();
            assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), names(zones));
            assertEquals(List.of("euw1-az1", "euw1-az2", "euw1-az3"),
                    zones.stream().map(AvailabilityZone::zoneId).toList());
            assertEquals(Set.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), ireland.describeSubnets().subnets()
                    .stream().map(Subnet::availabilityZone).collect(Collectors.toSet()));
        }
    }
}
