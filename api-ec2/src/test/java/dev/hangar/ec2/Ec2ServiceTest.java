package dev.hangar.ec2;

import dev.hangar.core.service.BoundService;
import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ec2 as Hangar wires it, with the real SDK client (the extension fails the class if a handler does not bind). */
class Ec2ServiceTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).build();

    @Test
    void theServiceIsServedAndItsFactsMatchTheSdk() {
        BoundService bound = hangar.server().services().get(0);
        assertEquals("ec2", bound.name());
        ServiceFactsCheck.assertMatches(bound.service().descriptor());
        hangar.client(Ec2Client.class);
    }
}
