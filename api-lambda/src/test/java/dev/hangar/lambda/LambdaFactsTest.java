package dev.hangar.lambda;

import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertSame;

/** Lambda carries its generated facts, and they match the SDK. */
class LambdaFactsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .build();

    @Test
    void descriptorCarriesFactsMatchingTheSdk() {
        LambdaService lambda = hangar.service(LambdaService.class);
        assertSame(LambdaFacts.FACTS, lambda.descriptor().facts());
        ServiceFactsCheck.assertMatches(lambda.descriptor());
    }
}
