package dev.hangar.ecs;

import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertSame;

/** ECS carries its generated facts, and they match the SDK (no Docker engine needed). */
class EcsFactsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();

    @Test
    void descriptorCarriesFactsMatchingTheSdk() {
        EcsService ecs = hangar.service(EcsService.class);
        assertSame(EcsFacts.FACTS, ecs.descriptor().facts());
        ServiceFactsCheck.assertMatches(ecs.descriptor());
    }
}
