package dev.hangar.ec2;

import dev.hangar.core.port.NetworkPort;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.ec2.domain.SecurityGroupRecord;
import dev.hangar.ec2.domain.SubnetRecord;

import java.util.List;
import java.util.Optional;

/** The {@link NetworkPort} EC2 provides: the same records its Describe operations answer with. */
record Ec2Network(AccountRegionStore<Ec2Region> regions) implements NetworkPort {

    @Override
    public Vpc defaultVpc(String account, String region) {
        return regions.get(account, region).defaultVpc().toPort();
    }

    @Override
    public Optional<Subnet> subnet(String account, String region, String subnetId) {
        return subnetId == null ? Optional.empty()
                : regions.get(account, region).subnet(subnetId).map(SubnetRecord::toPort);
    }

    @Override
    public List<Subnet> subnets(String account, String region, String vpcId) {
        return vpcId == null ? List.of()
                : regions.get(account, region).subnetsOf(vpcId).stream().map(SubnetRecord::toPort).toList();
    }

    @Override
    public Optional<SecurityGroup> securityGroup(String account, String region, String groupId) {
        return groupId == null ? Optional.empty()
                : regions.get(account, region).securityGroup(groupId).map(SecurityGroupRecord::toPort);
    }
}
