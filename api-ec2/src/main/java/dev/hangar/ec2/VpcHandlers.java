package dev.hangar.ec2;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ec2.domain.VpcRecord;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** DescribeVpcs, and DescribeAccountAttributes (which names the default VPC). */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record VpcHandlers(AccountRegionStore<Ec2Region> regions) {

    private static final IdList<VpcRecord> IDS = new IdList<>("vpc", "InvalidVpcID.Malformed", Ec2Errors::vpcNotFound);

    /** DescribeVpcs' filters (EC2's API reference lists them; the IPv6 ones match nothing: no VPC has IPv6 yet). */
    private static final Filters<VpcRecord> FILTERS = Filters.<VpcRecord>builder()
            .one(VpcRecord::vpcId, "vpc-id")
            .one(VpcRecord::cidrBlock, "cidr", "cidr-block-association.cidr-block")
            .one(VpcRecord::cidrAssociationId, "cidr-block-association.association-id")
            .one(VpcRecord::cidrBlockState, "cidr-block-association.state")
            .one(VpcRecord::dhcpOptionsId, "dhcp-options-id")
            .one(v -> String.valueOf(v.isDefault()), "is-default", "isDefault")
            .one(VpcRecord::ownerId, "owner-id")
            .one(VpcRecord::state, "state")
            .none("ipv6-cidr-block-association.ipv6-cidr-block", "ipv6-cidr-block-association.ipv6-pool",
                    "ipv6-cidr-block-association.association-id", "ipv6-cidr-block-association.state")
            .tags(VpcRecord::tags)
            .build();

    public DescribeVpcsResponse describeVpcs(RequestContext ctx, DescribeVpcsRequest r) {
        Ec2Errors.checkDryRun(r.dryRun());
        Ec2Region region = regions.get(ctx);
        int size = Ec2Pages.size(r.maxResults());
        Predicate<VpcRecord> matches = FILTERS.compile(r.filters());
        List<VpcRecord> named = IDS.resolve(r.vpcIds(), region::vpc);
        List<VpcRecord> candidates = named.isEmpty() ? region.vpcs()
                : named.stream().sorted(Comparator.comparing(VpcRecord::vpcId)).toList();
        List<VpcRecord> matching = candidates.stream().filter(matches).toList();
        Page<VpcRecord> page = Ec2Pages.PAGER.page(r, matching, VpcRecord::vpcId, size);
        return DescribeVpcsResponse.builder()
                .vpcs(page.items().stream().map(VpcRecord::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * The account's attributes as EC2 reports them for an account whose default VPC exists: EC2-VPC only, the
     * default VPC's id, and the default quotas. Asked for by name, only those named come back.
     */
    public DescribeAccountAttributesResponse describeAccountAttributes(RequestContext ctx,
                                                                       DescribeAccountAttributesRequest r) {
        Ec2Errors.checkDryRun(r.dryRun());
        Ec2Region region = regions.get(ctx);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("supported-platforms", "VPC");
        all.put("vpc-max-security-groups-per-interface", "5");
        all.put("max-elastic-ips", "5");
        all.put("max-instances", "20");
        all.put("vpc-max-elastic-ips", "5");
        all.put("default-vpc", region.defaultVpc().vpcId());
        List<String> names = r.attributeNamesAsStrings();
        List<AccountAttribute> out = new ArrayList<>();
        for (Map.Entry<String, String> attribute : all.entrySet()) {
            if (names.isEmpty() || names.contains(attribute.getKey())) {
                out.add(AccountAttribute.builder().attributeName(attribute.getKey())
                        .attributeValues(v -> v.attributeValue(attribute.getValue())).build());
            }
        }
        return DescribeAccountAttributesResponse.builder().accountAttributes(out).build();
    }
}
