package dev.hangar.secretsmanager;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hangar.secretsmanager.SecretsTestData.assertError;
import static dev.hangar.secretsmanager.SecretsTestData.token;
import static dev.hangar.secretsmanager.SecretsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PutSecretValue and UpdateSecretVersionStage move the staging labels as Secrets Manager does; reads follow them. */
class VersionStagesTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new).build();
    static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        sm = hangar.client(SecretsManagerClient.class);
    }

    private static Map<String, List<String>> stages(String name) {
        return sm.describeSecret(b -> b.secretId(name)).versionIdsToStages();
    }

    @Test
    void eachPutBecomesCurrentAndTheLastCurrentPreviousOlderOnesDeprecated() {
        String name = unique("rot");
        String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
        String v2 = token("v2");
        PutSecretValueResponse put2 = sm.putSecretValue(b -> b.secretId(name).secretString("two")
                .clientRequestToken(v2));
        assertEquals(v2, put2.versionId());
        assertEquals(List.of("AWSCURRENT"), put2.versionStages());
        assertEquals(Map.of(v1, List.of("AWSPREVIOUS"), v2, List.of("AWSCURRENT")), stages(name));

        String v3 = sm.putSecretValue(b -> b.secretId(name).secretString("three")).versionId();
        assertEquals(Map.of(v2, List.of("AWSPREVIOUS"), v3, List.of("AWSCURRENT")), stages(name),
                "v1 has no label left: deprecated, so not listed");

        assertEquals("three", sm.getSecretValue(b -> b.secretId(name)).secretString());
        assertEquals("two", sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString());
        assertEquals("one", sm.getSecretValue(b -> b.secretId(name).versionId(v1)).secretString(),
                "a deprecated version is still readable by its id");
        assertEquals(List.of(), sm.getSecretValue(b -> b.secretId(name).versionId(v1)).versionStages());
        assertEquals("two", sm.getSecretValue(b -> b.secretId(name).versionId(v2).versionStage("AWSPREVIOUS"))
                .secretString());

        ListSecretVersionIdsResponse listed = sm.listSecretVersionIds(b -> b.secretId(name));
        assertEquals(Set.of(v2, v3), ids(listed.versions()));
        assertEquals(name, listed.name());
        List<SecretVersionsListEntry> all = sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true))
                .versions();
        assertEquals(List.of(v1, v2, v3), all.stream().map(SecretVersionsListEntry::versionId).toList());
        assertEquals(List.of("DEFAULT"), all.get(0).kmsKeyIds());
        assertNotNull(all.get(0).lastAccessedDate(), "read above");
    }

    @Test
    void explicitStagesAreHonouredAndLeaveAwsCurrentWhereItIs() {
        String name = unique("pending");
        String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
        String pending = token("pending");
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString("two")
                .clientRequestToken(pending).versionStages("AWSPENDING", "mine"));
        assertEquals(List.of("AWSPENDING", "mine"), put.versionStages());
        assertEquals(Map.of(v1, List.of("AWSCURRENT"), pending, List.of("AWSPENDING", "mine")), stages(name));
        assertEquals("one", sm.getSecretValue(b -> b.secretId(name)).secretString());
        assertEquals("two", sm.getSecretValue(b -> b.secretId(name).versionStage("mine")).secretString());

        // a label named again moves off the version that had it
        String v3 = sm.putSecretValue(b -> b.secretId(name).secretString("three").versionStages("mine")).versionId();
        assertEquals(Map.of(v1, List.of("AWSCURRENT"), pending, List.of("AWSPENDING"), v3, List.of("mine")),
                stages(name));

        // finishing the rotation: AWSCURRENT moves to the pending version, AWSPREVIOUS follows to the old one
        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT")
                .moveToVersionId(pending).removeFromVersionId(v1));
        assertEquals(Map.of(v1, List.of("AWSPREVIOUS"), pending, List.of("AWSPENDING", "AWSCURRENT"),
                v3, List.of("mine")), stages(name));
        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSPENDING").removeFromVersionId(pending));
        assertEquals("two", sm.getSecretValue(b -> b.secretId(name)).secretString());
        assertEquals(List.of("AWSCURRENT"), sm.getSecretValue(b -> b.secretId(name)).versionStages());

        InvalidParameterException notThere = assertThrows(InvalidParameterException.class,
                () -> sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("mine").moveToVersionId(v1)));
        assertEquals("InvalidParameterException", notThere.awsErrorDetails().errorCode());
    }

    @Test
    void aRetriedPutIsIgnoredAndAChangedOneRefused() {
        String name = unique("retry");
        sm.createSecret(b -> b.name(name).secretString("one"));
        String token = token("put");
        PutSecretValueResponse first = sm.putSecretValue(b -> b.secretId(name).secretString("two")
                .clientRequestToken(token));
        PutSecretValueResponse retry = sm.putSecretValue(b -> b.secretId(name).secretString("two")
                .clientRequestToken(token));
        assertEquals(first.versionId(), retry.versionId());
        assertEquals(first.versionStages(), retry.versionStages());
        assertEquals(2, stages(name).size(), "no third version");
        ResourceExistsException changed = assertThrows(ResourceExistsException.class,
                () -> sm.putSecretValue(b -> b.secretId(name).secretString("other").clientRequestToken(token)));
        assertError(changed, "ResourceExistsException", 400,
                "You can't modify an existing version, you can only create a new version.");
        assertEquals("two", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void missingVersionsAndMismatchedLabelsAreRefused() {
        String name = unique("miss");
        String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
        String absent = token("absent");
        ResourceNotFoundException noVersion = assertThrows(ResourceNotFoundException.class,
                () -> sm.getSecretValue(b -> b.secretId(name).versionId(absent)));
        assertError(noVersion, "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret value for VersionId: " + absent);
        ResourceNotFoundException noStage = assertThrows(ResourceNotFoundException.class,
                () -> sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPENDING")));
        assertError(noStage, "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret value for staging label: AWSPENDING");
        InvalidRequestException mismatch = assertThrows(InvalidRequestException.class,
                () -> sm.getSecretValue(b -> b.secretId(name).versionId(v1).versionStage("AWSPREVIOUS")));
        assertError(mismatch, "InvalidRequestException", 400,
                "You provided a VersionStage that is not associated to the provided VersionId.");
        SecretsManagerException shortId = assertThrows(SecretsManagerException.class,
                () -> sm.getSecretValue(b -> b.secretId(name).versionId("v1")));
        assertError(shortId, "ValidationException", 400, "1 validation error detected: Value 'v1' at 'versionId' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 32");
        SecretsManagerException tooManyStages = assertThrows(SecretsManagerException.class,
                () -> sm.putSecretValue(b -> b.secretId(name).secretString("x").versionStages(labels(21))));
        assertEquals("ValidationException", tooManyStages.awsErrorDetails().errorCode());
    }

    @Test
    void versionIdsPageWithTheKitsTokens() {
        String name = unique("pages");
        sm.createSecret(b -> b.name(name).secretString("0"));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            made.add(sm.putSecretValue(b -> b.secretId(name).secretString("v" + n).versionStages("L" + n))
                    .versionId());
        }
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            String token = next;
            ListSecretVersionIdsResponse page = sm.listSecretVersionIds(b -> b.secretId(name).maxResults(2)
                    .nextToken(token));
            seen.addAll(ids(page.versions()));
            next = page.nextToken();
            pages++;
        } while (next != null);
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals(true, seen.containsAll(made));
        SecretsManagerException bad = assertThrows(SecretsManagerException.class,
                () -> sm.listSecretVersionIds(b -> b.secretId(name).nextToken("forged")));
        assertEquals("InvalidNextTokenException", bad.awsErrorDetails().errorCode());
        assertNull(sm.listSecretVersionIds(b -> b.secretId(name)).nextToken());
    }

    private static Set<String> ids(List<SecretVersionsListEntry> versions) {
        Set<String> out = new HashSet<>();
        versions.forEach(v -> out.add(v.versionId()));
        return out;
    }

    private static List<String> labels(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("L" + i);
        }
        return out;
    }
}
