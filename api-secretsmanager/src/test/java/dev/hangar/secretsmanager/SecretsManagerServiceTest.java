package dev.hangar.secretsmanager;

import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.hangar.secretsmanager.SecretsTestData.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Secrets Manager as Hangar wires it: its facts match the SDK, the front end refuses a request without a required
 * member as AWS does, and another service reads a secret through the in-process client, per account and region.
 */
class SecretsManagerServiceTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();

    @Test
    void theServiceIsServedAndItsFactsMatchTheSdk() {
        BoundService bound = hangar.server().services().get(0);
        assertEquals("secretsmanager", bound.name());
        ServiceFactsCheck.assertMatches(bound.service().descriptor());
    }

    @Test
    void aMissingRequiredMemberIsAValidationException() {
        SecretsManagerClient sm = hangar.client(SecretsManagerClient.class);
        SecretsManagerException e = assertThrows(SecretsManagerException.class, () -> sm.getSecretValue(b -> { }));
        assertError(e, "ValidationException", 400, "1 validation error detected: Value null at 'secretId' failed to "
                + "satisfy constraint: Member must not be null");
    }

    @Test
    void otherServicesReadSecretsThroughTheInProcessClient() throws Exception {
        SecretsManagerClient sm = hangar.client(SecretsManagerClient.class);
        sm.createSecret(b -> b.name("in-process").secretString("{\"k\":\"v\"}"));
        ServiceCalls calls = hangar.context().calls();
        GetSecretValueResponse value = calls.<GetSecretValueResponse>call(
                new ServiceCalls.Caller("000000000000", "us-east-1"),
                GetSecretValueRequest.builder().secretId("in-process").build()).get(10, TimeUnit.SECONDS);
        assertEquals("{\"k\":\"v\"}", value.secretString());

        CompletionException elsewhere = assertThrows(CompletionException.class, () -> calls.call(
                new ServiceCalls.Caller("000000000000", "eu-west-1"),
                GetSecretValueRequest.builder().secretId("in-process").build()).join());
        assertInstanceOf(ResourceNotFoundException.class, elsewhere.getCause(), "secrets are per region");
    }
}
