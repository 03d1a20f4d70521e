package dev.hangar.ec2.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ZonesTest {

    @Test
    void regionShortCodesAreAws() {
        assertEquals("use1", Zones.shortCode("us-east-1"));
        assertEquals("usw2", Zones.shortCode("us-west-2"));
        assertEquals("euc1", Zones.shortCode("eu-central-1"));
        assertEquals("apse2", Zones.shortCode("ap-southeast-2"));
        assertEquals("apne1", Zones.shortCode("ap-northeast-1"));
        assertEquals("aps1", Zones.shortCode("ap-south-1"));
        assertEquals("sae1", Zones.shortCode("sa-east-1"));
        assertEquals("usgw1", Zones.shortCode("us-gov-west-1"));
    }

    @Test
    void usEast1HasSixZonesOthersThree() {
        assertEquals(6, Zones.of("us-east-1").size());
        assertEquals(List.of(new Zones.Zone("us-west-2a", "usw2-az1", 0), new Zones.Zone("us-west-2b", "usw2-az2", 1),
                new Zones.Zone("us-west-2c", "usw2-az3", 2)), Zones.of("us-west-2"));
    }

    @Test
    void defaultIdsAreStableAndOfEc2sForm() {
        String id = DefaultIds.of("vpc", "000000000000", "us-east-1", "vpc/default");
        assertEquals(id, DefaultIds.of("vpc", "000000000000", "us-east-1", "vpc/default"));
        assertEquals(21, id.length());
        assertEquals(true, id.matches("vpc-[0-9a-f]{17}"));
    }
}
