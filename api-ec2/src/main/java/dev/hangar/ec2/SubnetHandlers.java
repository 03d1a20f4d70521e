package dev.hangar.ec2;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ec2.domain.SubnetRecord;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** DescribeSubnets. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record SubnetHandlers(AccountRegionStore<Ec2Region> regions) {

    private static final IdList<SubnetRecord> IDS =
            new IdList<>("subnet", "InvalidSubnetID.Malformed", Ec2Errors::subnetNotFound);

    /**
     * DescribeSubnets' filters, with the older camel-case names EC2 still accepts; those about IPv6, Outposts and
     * customer-owned pools match nothing (no subnet has them yet).
     */
    private static final Filters<SubnetRecord> FILTERS = Filters.<SubnetRecord>builder()
            .one(SubnetRecord::subnetId, "subnet-id")
            .one(SubnetRecord::subnetArn, "subnet-arn")
            .one(SubnetRecord::vpcId, "vpc-id")
            .one(s -> s.zone().name(), "availability-zone", "availabilityZone")
            .one(s -> s.zone().id(), "availability-zone-id", "availabilityZoneId")
            .one(s -> String.valueOf(s.availableIpAddressCount()), "available-ip-address-count")
            .one(SubnetRecord::cidrBlock, "cidr-block", "cidr", "cidrBlock")
            .one(s -> String.valueOf(s.defaultForAz()), "default-for-az", "defaultForAz")
            .one(s -> String.valueOf(s.mapPublicIpOnLaunch()), "map-public-ip-on-launch")
            .one(s -> "false", "map-customer-owned-ip-on-launch", "enable-dns64", "ipv6-native",
                    "private-dns-name-options-on-launch.enable-resource-name-dns-a-record",
                    "private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record")
            .one(s -> "ip-name", "private-dns-name-options-on-launch.hostname-type")
            .one(SubnetRecord::ownerId, "owner-id")
            .one(SubnetRecord::state, "state")
            .none("customer-owned-ipv4-pool", "enable-lni-at-device-index", "outpost-arn",
                    "ipv6-cidr-block-association.ipv6-cidr-block", "ipv6-cidr-block-association.association-id",
                    "ipv6-cidr-block-association.state")
            .tags(SubnetRecord::tags)
            .build();

    public DescribeSubnetsResponse describeSubnets(RequestContext ctx, DescribeSubnetsRequest r) {
        Ec2Errors.checkDryRun(r.dryRun());
        Ec2Region region = regions.get(ctx);
        int size = Ec2Pages.size(r.maxResults());
        Predicate<SubnetRecord> matches = FILTERS.compile(r.filters());
        List<SubnetRecord> named = IDS.resolve(r.subnetIds(), region::subnet);
        List<SubnetRecord> candidates = named.isEmpty() ? region.subnets()
                : named.stream().sorted(Comparator.comparing(SubnetRecord::subnetId)).toList();
        List<SubnetRecord> matching = candidates.stream().filter(matches).toList();
        Page<SubnetRecord> page = Ec2Pages.PAGER.page(r, matching, SubnetRecord::subnetId, size);
        return DescribeSubnetsResponse.builder()
                .subnets(page.items().stream().map(SubnetRecord::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
