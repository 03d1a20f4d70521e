package dev.hangar.secretsmanager;

import dev.hangar.core.service.BoundService;
import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** secretsmanager as Hangar wires it, with the real SDK client (the extension fails the class if a handler does not bind). */
class SecretsManagerServiceTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();

    @Test
    void theServiceIsServedAndItsFactsMatchTheSdk() {
        BoundService bound = hangar.server().services().get(0);
        assertEquals("secretsmanager", bound.name());
        ServiceFactsCheck.assertMatches(bound.service().descriptor());
        hangar.client(SecretsManagerClient.class);
    }
}
