package dev.hangar.ec2;

import dev.hangar.core.resource.Page;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ec2.domain.SecurityGroupRecord;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** DescribeSecurityGroups. */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
record SecurityGroupHandlers(AccountRegionStore<Ec2Region> regions) {

    private static final IdList<SecurityGroupRecord> IDS =
            new IdList<>("sg", "InvalidGroupId.Malformed", Ec2Errors::groupNotFound);

    /** DescribeSecurityGroups' filters; ip-permission.* look at the inbound rules, egress.ip-permission.* outbound. */
    private static final Filters<SecurityGroupRecord> FILTERS = rules(rules(Filters.<SecurityGroupRecord>builder()
            .one(SecurityGroupRecord::groupId, "group-id")
            .one(SecurityGroupRecord::groupName, "group-name")
            .one(SecurityGroupRecord::description, "description")
            .one(SecurityGroupRecord::vpcId, "vpc-id")
            .one(SecurityGroupRecord::ownerId, "owner-id")
            .tags(SecurityGroupRecord::tags), "ip-permission.", SecurityGroupRecord::ingress),
            "egress.ip-permission.", SecurityGroupRecord::egress)
            .build();

    private static Filters.Builder<SecurityGroupRecord> rules(Filters.Builder<SecurityGroupRecord> filters,
                                                              String prefix,
                                                              Function<SecurityGroupRecord, List<IpPermission>> of) {
        return filters
                .many(g -> Filters.each(of.apply(g), IpPermission::ipProtocol), prefix + "protocol")
                .many(g -> Filters.each(of.apply(g), p -> p.fromPort() == null ? null : p.fromPort().toString()),
                        prefix + "from-port")
                .many(g -> Filters.each(of.apply(g), p -> p.toPort() == null ? null : p.toPort().toString()),
                        prefix + "to-port")
                .many(g -> pairs(of.apply(g), UserIdGroupPair::groupId), prefix + "group-id")
                .many(g -> pairs(of.apply(g), UserIdGroupPair::groupName), prefix + "group-name")
                .many(g -> pairs(of.apply(g), UserIdGroupPair::userId), prefix + "user-id")
                .many(g -> of.apply(g).stream().flatMap(p -> Filters.each(p.ipRanges(), IpRange::cidrIp).stream())
                        .toList(), prefix + "cidr")
                .none(prefix + "ipv6-cidr", prefix + "prefix-list-id");
    }

    private static List<String> pairs(List<IpPermission> rules, Function<UserIdGroupPair, String> value) {
        return rules.stream().flatMap(p -> Filters.each(p.userIdGroupPairs(), value).stream()).toList();
    }

    /**
     * GroupIds and GroupNames together select the groups named by either; a name is looked for in the default VPC,
     * as EC2 does.
     */
    public DescribeSecurityGroupsResponse describeSecurityGroups(RequestContext ctx, DescribeSecurityGroupsRequest r) {
        Ec2Errors.checkDryRun(r.dryRun());
        Ec2Region region = regions.get(ctx);
        int size = Ec2Pages.size(r.maxResults());
        Predicate<SecurityGroupRecord> matches = FILTERS.compile(r.filters());
        Map<String, SecurityGroupRecord> named = new LinkedHashMap<>();
        for (SecurityGroupRecord group : IDS.resolve(r.groupIds(), region::securityGroup)) {
            named.put(group.groupId(), group);
        }
        String defaultVpc = region.defaultVpc().vpcId();
        for (String name : r.groupNames()) {
            SecurityGroupRecord group = region.securityGroups().stream()
                    .filter(g -> g.vpcId().equals(defaultVpc) && g.groupName().equals(name)).findFirst()
                    .orElseThrow(() -> Ec2Errors.groupNameNotFound(name, defaultVpc));
            named.put(group.groupId(), group);
        }
        List<SecurityGroupRecord> candidates = named.isEmpty() ? region.securityGroups()
                : new ArrayList<>(named.values()).stream()
                        .sorted(Comparator.comparing(SecurityGroupRecord::groupId)).toList();
        List<SecurityGroupRecord> matching = candidates.stream().filter(matches).toList();
        Page<SecurityGroupRecord> page = Ec2Pages.PAGER.page(r, matching, SecurityGroupRecord::groupId, size);
        return DescribeSecurityGroupsResponse.builder()
                .securityGroups(page.items().stream().map(SecurityGroupRecord::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
