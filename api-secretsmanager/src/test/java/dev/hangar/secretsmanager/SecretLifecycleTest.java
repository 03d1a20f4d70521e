package dev.hangar.secretsmanager;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.hangar.secretsmanager.SecretsTestData.ARN_PREFIX;
import static dev.hangar.secretsmanager.SecretsTestData.assertError;
import static dev.hangar.secretsmanager.SecretsTestData.token;
import static dev.hangar.secretsmanager.SecretsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CreateSecret, GetSecretValue by every kind of SecretId, DescribeSecret, UpdateSecret and their refusals. */
class SecretLifecycleTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();
    static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        sm = hangar.client(SecretsManagerClient.class);
    }

    @Test
    void createThenReadByNameFullArnAndPartialArn() {
        String name = unique("app/db");
        Instant before = hangar.clock().now().minusSeconds(1);
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("{\"password\":\"p1\"}")
                .description("the db").kmsKeyId("alias/mine").tags(Tag.builder().key("team").value("a").build()));
        assertEquals(name, created.name());
        assertTrue(created.arn().matches("\\Q" + ARN_PREFIX + name + "\\E-[A-Za-z0-9]{6}"), created.arn());
        assertEquals(36, created.versionId().length(), "the SDK's generated token is the version id");

        String partialArn = ARN_PREFIX + name;
        for (String id : List.of(name, created.arn(), partialArn)) {
            GetSecretValueResponse value = sm.getSecretValue(b -> b.secretId(id));
            assertEquals("{\"password\":\"p1\"}", value.secretString(), id);
            assertEquals(created.arn(), value.arn());
            assertEquals(name, value.name());
            assertEquals(created.versionId(), value.versionId());
            assertEquals(List.of("AWSCURRENT"), value.versionStages());
            assertNull(value.secretBinary());
            assertFalse(value.createdDate().isBefore(before));
        }

        DescribeSecretResponse described = sm.describeSecret(b -> b.secretId(partialArn));
        assertEquals(created.arn(), described.arn());
        assertEquals("the db", described.description());
        assertEquals("alias/mine", described.kmsKeyId());
        assertEquals(Map.of(created.versionId(), List.of("AWSCURRENT")), described.versionIdsToStages());
        assertEquals(List.of(Tag.builder().key("team").value("a").build()), described.tags());
        assertNull(described.deletedDate());
        assertFalse(described.createdDate().isBefore(before));
        assertEquals(described.createdDate(), described.lastChangedDate());
        Instant today = hangar.clock().now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        assertEquals(today, described.lastAccessedDate(), "the day of the last GetSecretValue, as AWS rounds it");
    }

    @Test
    void aFullArnWithAnotherSuffixOrAccountFindsNothing() {
        String name = unique("suffix");
        String arn = sm.createSecret(b -> b.name(name).secretString("v")).arn();
        String wrongSuffix = arn.substring(0, arn.length() - 6) + (arn.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        String otherAccount = arn.replace(":000000000000:", ":111111111111:");
        for (String id : List.of(wrongSuffix, otherAccount, "arn:aws:secretsmanager:us-east-1:000000000000:x:y")) {
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> sm.getSecretValue(b -> b.secretId(id)));
            assertError(e, "ResourceNotFoundException", 400, "Secrets Manager can't find the specified secret.");
        }
    }

    @Test
    void aNameEndingLikeASuffixIsFoundByItsFullArn() {
        String plain = unique("svc");
        String suffixed = plain + "-abcdef";
        sm.createSecret(b -> b.name(plain).secretString("plain"));
        String arn = sm.createSecret(b -> b.name(suffixed).secretString("suffixed")).arn();
        assertEquals("suffixed", sm.getSecretValue(b -> b.secretId(arn)).secretString());
        assertEquals("suffixed", sm.getSecretValue(b -> b.secretId(ARN_PREFIX + suffixed)).secretString());
        assertEquals("plain", sm.getSecretValue(b -> b.secretId(ARN_PREFIX + plain)).secretString());
    }

    @Test
    void binarySecretsRoundTripTheirBytes() {
        String name = unique("bin");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 10};
        sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
        GetSecretValueResponse value = sm.getSecretValue(b -> b.secretId(name));
        assertArrayEquals(bytes, value.secretBinary().asByteArray());
        assertNull(value.secretString());
    }

    @Test
    void createIsIdempotentOnTheSameTokenAndValueOnly() {
        String name = unique("idem");
        String token = token("create");
        CreateSecretResponse first = sm.createSecret(b -> b.name(name).clientRequestToken(token).secretString("v1"));
        assertEquals(token, first.versionId());
        CreateSecretResponse again = sm.createSecret(b -> b.name(name).clientRequestToken(token).secretString("v1"));
        assertEquals(first.arn(), again.arn());
        assertEquals(token, again.versionId());
        assertEquals(1, sm.describeSecret(b -> b.secretId(name)).versionIdsToStages().size());

        ResourceExistsException changed = assertThrows(ResourceExistsException.class,
                () -> sm.createSecret(b -> b.name(name).clientRequestToken(token).secretString("v2")));
        assertError(changed, "ResourceExistsException", 400,
                "You can't modify an existing version, you can only create a new version.");
        ResourceExistsException other = assertThrows(ResourceExistsException.class,
                () -> sm.createSecret(b -> b.name(name).secretString("v1")));
        assertError(other, "ResourceExistsException", 400,
                "The operation failed because the secret " + name + " already exists.");
        assertEquals("v1", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void aSecretWithoutValueHasNoCurrentVersion() {
        String name = unique("empty");
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).description("later"));
        assertNull(created.versionId());
        assertFalse(sm.describeSecret(b -> b.secretId(name)).hasVersionIdsToStages());
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> sm.getSecretValue(b -> b.secretId(name)));
        assertError(e, "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
        sm.putSecretValue(b -> b.secretId(name).secretString("now"));
        assertEquals("now", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void updateSecretChangesSettingsAndMakesAVersionOnlyForAValue() {
        String name = unique("upd");
        String v1 = sm.createSecret(b -> b.name(name).secretString("one").description("d1")).versionId();
        UpdateSecretResponse settingsOnly = sm.updateSecret(b -> b.secretId(name).description("d2")
                .kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/k"));
        assertNull(settingsOnly.versionId());
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertEquals("d2", d.description());
        assertEquals("arn:aws:kms:us-east-1:000000000000:key/k", d.kmsKeyId());
        assertEquals(Map.of(v1, List.of("AWSCURRENT")), d.versionIdsToStages());

        String token = token("update");
        UpdateSecretResponse withValue = sm.updateSecret(b -> b.secretId(name).secretString("two")
                .clientRequestToken(token));
        assertEquals(token, withValue.versionId());
        assertEquals("two", sm.getSecretValue(b -> b.secretId(name)).secretString());
        assertEquals(Map.of(v1, List.of("AWSPREVIOUS"), token, List.of("AWSCURRENT")),
                sm.describeSecret(b -> b.secretId(name)).versionIdsToStages());
    }

    @Test
    void badInputIsRefusedAsAwsRefusesIt() {
        SecretsManagerException badName = assertThrows(SecretsManagerException.class,
                () -> sm.createSecret(b -> b.name("has space").secretString("v")));
        assertError(badName, "ValidationException", 400, SecretsManagerErrors.INVALID_NAME);
        SecretsManagerException badId = assertThrows(SecretsManagerException.class,
                () -> sm.getSecretValue(b -> b.secretId("what?")));
        assertError(badId, "ValidationException", 400, SecretsManagerErrors.INVALID_NAME);

        SecretsManagerException shortToken = assertThrows(SecretsManagerException.class,
                () -> sm.createSecret(b -> b.name(unique("tok")).clientRequestToken("short").secretString("v")
                        .description("x".repeat(2049))));
        assertError(shortToken, "ValidationException", 400, "2 validation errors detected: Value 'short' at "
                + "'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to "
                + "32; Value '" + "x".repeat(2049) + "' at 'description' failed to satisfy constraint: Member must "
                + "have length less than or equal to 2048");

        SecretsManagerException emptyValue = assertThrows(SecretsManagerException.class,
                () -> sm.createSecret(b -> b.name(unique("e")).secretString("")));
        assertError(emptyValue, "ValidationException", 400, "1 validation error detected: Value at 'secretString' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 1");

        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> sm.createSecret(b -> b.name(unique("both")).secretString("s")
                        .secretBinary(SdkBytes.fromUtf8String("b"))));
        assertError(both, "InvalidParameterException", 400,
                "You can't specify both a binary secret value and a string secret value in the same secret.");

        String name = unique("novalue");
        sm.createSecret(b -> b.name(name).secretString("v"));
        InvalidRequestException none = assertThrows(InvalidRequestException.class,
                () -> sm.putSecretValue(b -> b.secretId(name)));
        assertError(none, "InvalidRequestException", 400, "You must provide either SecretString or SecretBinary.");

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> sm.describeSecret(b -> b.secretId(unique("nope"))));
        assertError(missing, "ResourceNotFoundException", 400, "Secrets Manager can't find the specified secret.");
        assertThrows(ResourceNotFoundException.class, () -> sm.updateSecret(b -> b.secretId(unique("nope"))));
    }
}
