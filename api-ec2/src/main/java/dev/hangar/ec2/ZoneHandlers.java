package dev.hangar.ec2;

import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ec2.domain.Zones;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneOptInStatus;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * DescribeAvailabilityZones: the zones the default subnets are in, every one available. There are no Local or
 * Wavelength Zones, so AllAvailabilityZones changes nothing.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record ZoneHandlers(AccountRegionStore<Ec2Region> regions) {

    private record Listed(Zones.Zone zone, String region) {
    }

    private static final String ZONE_TYPE = "availability-zone";

    private static final Filters<Listed> FILTERS = Filters.<Listed>builder()
            .one(z -> z.zone().name(), "zone-name")
            .one(z -> z.zone().id(), "zone-id")
            .one(z -> AvailabilityZoneState.AVAILABLE.toString(), "state")
            .one(Listed::region, "region-name", "group-name", "network-border-group")
            .one(z -> ZONE_TYPE, "zone-type")
            .one(z -> AvailabilityZoneOptInStatus.OPT_IN_NOT_REQUIRED.toString(), "opt-in-status")
            .none("message", "parent-zone-id", "parent-zone-name")
            .build();

    public DescribeAvailabilityZonesResponse describeAvailabilityZones(RequestContext ctx,
                                                                       DescribeAvailabilityZonesRequest r) {
        Ec2Errors.checkDryRun(r.dryRun());
        Ec2Region region = regions.get(ctx);
        Predicate<Listed> matches = FILTERS.compile(r.filters());
        Set<String> names = region.zones().stream().map(Zones.Zone::name).collect(Collectors.toSet());
        Set<String> ids = region.zones().stream().map(Zones.Zone::id).collect(Collectors.toSet());
        for (String name : r.zoneNames()) {
            if (!names.contains(name)) {
                throw Ec2Errors.invalidZone(name);
            }
        }
        for (String id : r.zoneIds()) {
            if (!ids.contains(id)) {
                throw Ec2Errors.invalidZoneId(id);
            }
        }
        boolean named = !r.zoneNames().isEmpty() || !r.zoneIds().isEmpty();
        List<AvailabilityZone> zones = region.zones().stream()
                .filter(z -> !named || r.zoneNames().contains(z.name()) || r.zoneIds().contains(z.id()))
                .map(z -> new Listed(z, region.region()))
                .filter(matches)
                .map(ZoneHandlers::toSdk)
                .toList();
        return DescribeAvailabilityZonesResponse.builder().availabilityZones(zones).build();
    }

    private static AvailabilityZone toSdk(Listed listed) {
        return AvailabilityZone.builder()
                .zoneName(listed.zone().name()).zoneId(listed.zone().id()).state(AvailabilityZoneState.AVAILABLE)
                .regionName(listed.region()).groupName(listed.region()).networkBorderGroup(listed.region())
                .zoneType(ZONE_TYPE).optInStatus(AvailabilityZoneOptInStatus.OPT_IN_NOT_REQUIRED)
                .messages(List.of())
                .build();
    }
}
