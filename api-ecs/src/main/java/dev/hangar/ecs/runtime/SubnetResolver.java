package dev.hangar.ecs.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a task's subnet is: its VPC and CIDRs, which an awsvpc task's address is taken from. ECS asks this, not EC2,
 * so that the EC2 module's network (its NetworkPort) can be wired in later without ECS knowing it;
 * {@link #defaultVpc()} knows the layout of an account's default VPC until then.
 */
public interface SubnetResolver {

    /**
     * @param cidr    the subnet's block, e.g. 172.31.16.0/20
     * @param vpcCidr the VPC's block, e.g. 172.31.0.0/16: the Docker network standing for the VPC has this subnet
     */
    record Subnet(String subnetId, String vpcId, String cidr, String vpcCidr, String availabilityZone) {
    }

    /** The subnet, or null when the account has none of that id in the region. */
    Subnet resolve(String account, String region, String subnetId);

    /**
     * Every subnet id is taken to be one of the default VPC's (172.31.0.0/16): one /20 per zone, 172.31.(16·k).0/20
     * for the zone k (a, b, c …), as AWS lays a default VPC out. The ids are stable per account and region: the
     * default subnets' own ids ({@link #defaultSubnetId}) map to their zone, any other id to a zone chosen from it.
     */
    static SubnetResolver defaultVpc() {
        return DefaultVpc.INSTANCE;
    }

    /**
     * Through the EC2 module's network when it is wired (else {@link #defaultVpc()}): a subnet it knows is taken as
     * it is; an id it does not know (RunTask does not check subnets yet) is placed in one of the default VPC's
     * subnets, chosen from the id, so that every task still lands in a VPC EC2 describes.
     */
    static SubnetResolver of(dev.hangar.core.port.Ports.Ref<dev.hangar.core.port.NetworkPort> network) {
        return (account, region, subnetId) -> {
            dev.hangar.core.port.NetworkPort port = network.get();
            if (port == null) {
                return defaultVpc().resolve(account, region, subnetId);
            }
            if (subnetId == null || subnetId.isBlank()) {
                return null;
            }
            dev.hangar.core.port.NetworkPort.Vpc vpc = port.defaultVpc(account, region);
            dev.hangar.core.port.NetworkPort.Subnet subnet = port.subnet(account, region, subnetId).orElse(null);
            if (subnet == null) {
                List<dev.hangar.core.port.NetworkPort.Subnet> all = port.subnets(account, region, vpc.vpcId());
                if (all.isEmpty()) {
                    return null;
                }
                dev.hangar.core.port.NetworkPort.Subnet chosen = all.get(Math.floorMod(subnetId.hashCode(), all.size()));
                return new Subnet(subnetId, vpc.vpcId(), chosen.cidrBlock(), vpc.cidrBlock(), chosen.availabilityZone());
            }
            // only default VPCs exist today; another VPC's block is not known here, its subnet's /16 stands for it
            String vpcCidr = subnet.vpcId().equals(vpc.vpcId()) ? vpc.cidrBlock()
                    : Cidrs.text(Cidrs.base(subnet.cidrBlock()) & 0xFFFF0000L) + "/16";
            return new Subnet(subnet.subnetId(), subnet.vpcId(), subnet.cidrBlock(), vpcCidr,
                    subnet.availabilityZone());
        };
    }

    /** The default VPC's id in an account and region: "vpc-" and 17 hex digits, stable. */
    static String defaultVpcId(String account, String region) {
        return "vpc-" + DefaultVpc.hex("vpc " + account + " " + region, 17);
    }

    /** The default subnet of zone k (0 = a): "subnet-" and 17 hex digits, stable. */
    static String defaultSubnetId(String account, String region, int zone) {
        return "subnet-" + DefaultVpc.hex("subnet " + account + " " + region + " " + zone, 17);
    }

    /** The default VPC's layout. */
    final class DefaultVpc implements SubnetResolver {

        static final DefaultVpc INSTANCE = new DefaultVpc();
        static final String VPC_CIDR = "172.31.0.0/16";

        private DefaultVpc() {
        }

        /** us-east-1 has six zones, the others three (most regions have three or more). */
        static List<String> zones(String region) {
            int count = region.equals("us-east-1") ? 6 : 3;
            return "abcdef".substring(0, count).chars().mapToObj(c -> region + (char) c).toList();
        }

        @Override
        public Subnet resolve(String account, String region, String subnetId) {
            if (subnetId == null || subnetId.isBlank()) {
                return null;
            }
            List<String> zones = zones(region);
            int zone = -1;
            for (int k = 0; k < zones.size(); k++) {
                if (defaultSubnetId(account, region, k).equals(subnetId)) {
                    zone = k;
                }
            }
            if (zone < 0) {
                zone = Math.floorMod(subnetId.hashCode(), zones.size());
            }
            return new Subnet(subnetId, defaultVpcId(account, region), "172.31." + (16 * zone) + ".0/20", VPC_CIDR,
                    zones.get(zone));
        }

        static String hex(String seed, int digits) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash).substring(0, digits);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
