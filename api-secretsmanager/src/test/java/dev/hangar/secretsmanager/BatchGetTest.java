package dev.hangar.secretsmanager;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.ArrayList;
import java.util.List;

import static dev.hangar.secretsmanager.SecretsTestData.ARN_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** BatchGetSecretValue by a list of ids (unreadable ones as Errors entries) and by filters, paged. */
class BatchGetTest {

    @RegisterExtension
    final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();

    @Test
    void aListOfIdsGivesValuesAndPerSecretErrors() {
        SecretsManagerClient sm = hangar.client(SecretsManagerClient.class);
        String arn = sm.createSecret(b -> b.name("batch/a").secretString("A")).arn();
        sm.createSecret(b -> b.name("batch/b").secretString("B"));
        sm.putSecretValue(b -> b.secretId("batch/b").secretString("B2"));
        sm.createSecret(b -> b.name("batch/gone").secretString("G"));
        sm.deleteSecret(b -> b.secretId("batch/gone"));
        sm.createSecret(b -> b.name("batch/empty"));

        BatchGetSecretValueResponse got = sm.batchGetSecretValue(b -> b.secretIdList(arn, ARN_PREFIX + "batch/b",
                "batch/missing", "batch/gone", "batch/empty"));
        assertEquals(List.of("A", "B2"), got.secretValues().stream().map(SecretValueEntry::secretString).toList());
        assertEquals(List.of("AWSCURRENT"), got.secretValues().get(1).versionStages());
        assertEquals(arn, got.secretValues().get(0).arn());
        List<APIErrorType> errors = got.errors();
        assertEquals(List.of("batch/missing", "batch/gone", "batch/empty"),
                errors.stream().map(APIErrorType::secretId).toList());
        assertEquals("ResourceNotFoundException", errors.get(0).errorCode());
        assertEquals("Secrets Manager can't find the specified secret.", errors.get(0).message());
        assertEquals("InvalidRequestException", errors.get(1).errorCode());
        assertEquals("You can't perform this operation on the secret because it was marked for deletion.",
                errors.get(1).message());
        assertEquals("Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
                errors.get(2).message());
        assertNotNull(sm.describeSecret(b -> b.secretId("batch/a")).lastAccessedDate(), "a batch read is an access");
    }

    @Test
    void filtersSelectAndPage() {
        SecretsManagerClient sm = hangar.client(SecretsManagerClient.class);
        for (int i = 0; i < 5; i++) {
            int n = i;
            sm.createSecret(b -> b.name("app/s" + n).secretString("v" + n));
        }
        sm.createSecret(b -> b.name("other").secretString("x"));
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            BatchGetSecretValueResponse page = sm.batchGetSecretValue(b -> b.filters(f -> f.key("name").values("app/"))
                    .maxResults(2).nextToken(token));
            page.secretValues().forEach(v -> seen.add(v.secretString()));
            next = page.nextToken();
        } while (next != null);
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), seen);

        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> sm.batchGetSecretValue(b -> b.secretIdList("other").filters(f -> f.key("name").values("a"))));
        assertEquals("InvalidParameterException", both.awsErrorDetails().errorCode());
        assertThrows(InvalidParameterException.class, () -> sm.batchGetSecretValue(b -> { }));
        SecretsManagerException tooMany = assertThrows(SecretsManagerException.class,
                () -> sm.batchGetSecretValue(b -> b.secretIdList(new ArrayList<>(java.util.Collections.nCopies(21,
                        "other")))));
        assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
        assertNull(sm.batchGetSecretValue(b -> b.secretIdList("other")).nextToken());
    }
}
