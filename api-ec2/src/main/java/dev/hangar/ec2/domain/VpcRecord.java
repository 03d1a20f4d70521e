package dev.hangar.ec2.domain;

import dev.hangar.core.port.NetworkPort;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessMode;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcState;

import java.util.Map;

/**
 * A VPC: always available (EC2 makes a default VPC available at once), with its primary CIDR block associated.
 *
 * @param tags none yet: Hangar has no CreateTags; the tag filters see this map
 */
public record VpcRecord(String vpcId, String ownerId, String cidrBlock, String cidrAssociationId,
                        String dhcpOptionsId, boolean isDefault, Map<String, String> tags) {

    public VpcRecord {
        tags = Map.copyOf(tags);
    }

    public String state() {
        return VpcState.AVAILABLE.toString();
    }

    public String cidrBlockState() {
        return VpcCidrBlockStateCode.ASSOCIATED.toString();
    }

    public Vpc toSdk() {
        return Vpc.builder()
                .vpcId(vpcId).ownerId(ownerId).cidrBlock(cidrBlock).state(VpcState.AVAILABLE)
                .dhcpOptionsId(dhcpOptionsId).instanceTenancy(Tenancy.DEFAULT).isDefault(isDefault)
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder()
                        .associationId(cidrAssociationId).cidrBlock(cidrBlock)
                        .cidrBlockState(s -> s.state(VpcCidrBlockStateCode.ASSOCIATED)).build())
                .blockPublicAccessStates(b -> b.internetGatewayBlockMode(BlockPublicAccessMode.OFF))
                .tags(TagList.toSdk(tags))
                .build();
    }

    public NetworkPort.Vpc toPort() {
        return new NetworkPort.Vpc(vpcId, cidrBlock, isDefault);
    }
}
