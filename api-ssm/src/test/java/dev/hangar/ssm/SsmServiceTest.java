package dev.hangar.ssm;

import dev.hangar.core.service.BoundService;
import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ssm as Hangar wires it, with the real SDK client (the extension fails the class if a handler does not bind). */
class SsmServiceTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).build();

    @Test
    void theServiceIsServedAndItsFactsMatchTheSdk() {
        BoundService bound = hangar.server().services().get(0);
        assertEquals("ssm", bound.name());
        ServiceFactsCheck.assertMatches(bound.service().descriptor());
        hangar.client(SsmClient.class);
    }
}
