package dev.hangar.ec2;

import dev.hangar.core.port.NetworkPort;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;

/**
 * Amazon EC2, as far as the account's default network: each account and region has its default VPC, a default
 * subnet per availability zone and the VPC's default security group, made on first use, which DescribeVpcs,
 * DescribeSubnets, DescribeSecurityGroups, DescribeAvailabilityZones and DescribeAccountAttributes answer about and
 * which other services (ECS's awsvpc tasks) reach through the {@link NetworkPort} this service provides. Every other
 * EC2 operation answers 501 (docs/ec2.md). The handlers only read immutable memory, so they run on the event loop.
 */
public final class Ec2Service implements AwsService {

    private final AccountRegionStore<Ec2Region> regions = new AccountRegionStore<>(Ec2Region::new);
    private final List<Object> handlers = List.of(new VpcHandlers(regions), new SubnetHandlers(regions),
            new SecurityGroupHandlers(regions), new ZoneHandlers(regions));

    public Ec2Service(ServiceContext ctx) {
        ctx.ports().provide(NetworkPort.class, new Ec2Network(regions));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("ec2").protocols(Protocol.EC2_QUERY)
                .apiVersion("2016-11-15").xmlNamespace("http://ec2.amazonaws.com/doc/2016-11-15/")
                .sdkClient(Ec2Client.class).facts(Ec2Facts.FACTS).requestErrors(Ec2Errors.REQUEST_ERRORS)
                .build();
    }

    @Override
    public List<Object> handlers() {
        return handlers;
    }

    /**
     * Forgets every region's state. The default network comes back with the same ids on next use, as it derives
     * them from the account and region, so a port user holding an id keeps a valid one.
     */
    @Override
    public void reset() {
        regions.clear();
    }
}
