package dev.hangar.secretsmanager;

import dev.hangar.core.time.ManualClock;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.hangar.secretsmanager.SecretsTestData.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ListSecrets' filters, order and pages, TagResource / UntagResource, and GetRandomPassword. Each test has its own
 * Hangar (an instance field) so that the listings hold only its secrets; the ManualClock gives them distinct dates.
 */
class ListAndTagTest {

    @RegisterExtension
    final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new)
            .clock(() -> new ManualClock(Instant.parse("2026-05-01T00:00:00Z"))).build();
    SecretsManagerClient sm;


    private void make(String name, String description, Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        sm.createSecret(b -> b.name(name).description(description).secretString("v").tags(list));
        hangar.manualClock().advance(Duration.ofMinutes(1));
    }

    private void setUp() {
        sm = hangar.client(SecretsManagerClient.class);
        make("prod/db/password", "Database password", Map.of("env", "prod", "team", "data"));
        make("prod/api/key", "the API key", Map.of("env", "prod"));
        make("dev/db/password", "Dev database", Map.of("env", "dev", "team", "data"));
        make("Prod-upper", null, Map.of());
    }

    private List<String> names(Consumer<ListSecretsRequest.Builder> request) {
        return sm.listSecrets(request).secretList().stream().map(SecretListEntry::name).toList();
    }

    private static Filter filter(String key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    @Test
    void filtersMatchAsTheApiReferenceDescribes() {
        setUp();
        assertEquals(List.of("prod/db/password", "prod/api/key", "dev/db/password", "Prod-upper"), names(b -> { }),
                "by creation date, oldest first");
        assertEquals(List.of("prod/db/password", "prod/api/key"), names(b -> b.filters(filter("name", "prod"))),
                "name: a case-sensitive prefix");
        assertEquals(List.of("prod/db/password", "dev/db/password", "Prod-upper"),
                names(b -> b.filters(filter("name", "!prod/api"))), "a negated value");
        assertEquals(List.of("prod/db/password"), names(b -> b.filters(filter("description", "DATABASE"))),
                "description: a prefix in any case");
        assertEquals(List.of("prod/db/password", "dev/db/password"), names(b -> b.filters(filter("tag-key", "te"))));
        assertEquals(List.of("prod/db/password", "prod/api/key"), names(b -> b.filters(filter("tag-value", "prod"))));
        assertEquals(List.of("prod/db/password", "dev/db/password"),
                names(b -> b.filters(filter("tag-value", "prod", "dev"), filter("name", "prod", "dev/db"))
                        .filters(filter("tag-key", "team"))), "values are alternatives, filters all apply");
        assertEquals(List.of("prod/db/password", "prod/api/key", "Prod-upper"),
                names(b -> b.filters(filter("all", "PROD"))), "all: every attribute, any case");
        assertEquals(List.of("prod/db/password", "dev/db/password"),
                names(b -> b.filters(filter("all", "data password"))), "all: each word somewhere");
        assertEquals(List.of(), names(b -> b.filters(filter("primary-region", "us-east-1"))), "nothing is replicated");

        assertEquals(List.of("Prod-upper", "dev/db/password", "prod/api/key", "prod/db/password"),
                names(b -> b.sortOrder(SortOrderType.DESC)));
        assertEquals(List.of("Prod-upper", "dev/db/password", "prod/api/key", "prod/db/password"),
                names(b -> b.sortBy("name")));

        SecretListEntry entry = sm.listSecrets(b -> b.filters(filter("name", "prod/db"))).secretList().get(0);
        assertEquals("Database password", entry.description());
        assertEquals(1, entry.secretVersionsToStages().size());
        assertEquals(List.of("AWSCURRENT"), entry.secretVersionsToStages().values().iterator().next());
        assertEquals(2, entry.tags().size());
    }

    @Test
    void pagesFollowTheSortAndTokensAreBoundToTheRequest() {
        setUp();
        ListSecretsResponse first = sm.listSecrets(b -> b.maxResults(3));
        assertEquals(3, first.secretList().size());
        assertNotNull(first.nextToken());
        sm.deleteSecret(b -> b.secretId("prod/db/password").forceDeleteWithoutRecovery(true));
        ListSecretsResponse second = sm.listSecrets(b -> b.maxResults(3).nextToken(first.nextToken()));
        assertEquals(List.of("Prod-upper"), second.secretList().stream().map(SecretListEntry::name).toList(),
                "a deletion before the page boundary shifts nothing");
        assertNull(second.nextToken());

        InvalidNextTokenException other = assertThrows(InvalidNextTokenException.class,
                () -> sm.listSecrets(b -> b.maxResults(3).sortOrder(SortOrderType.DESC).nextToken(first.nextToken())));
        assertEquals("InvalidNextTokenException", other.awsErrorDetails().errorCode());
        SecretsManagerException size = assertThrows(SecretsManagerException.class,
                () -> sm.listSecrets(b -> b.maxResults(101)));
        assertError(size, "ValidationException", 400, "1 validation error detected: Value '101' at 'maxResults' "
                + "failed to satisfy constraint: Member must have value less than or equal to 100");
        SecretsManagerException badKey = assertThrows(SecretsManagerException.class,
                () -> sm.listSecrets(b -> b.filters(filter("colour", "red"))));
        assertEquals("ValidationException", badKey.awsErrorDetails().errorCode());
        assertTrue(badKey.awsErrorDetails().errorMessage().contains("at 'filters.1.member.key'"),
                badKey.awsErrorDetails().errorMessage());
    }

    @Test
    void tagsAreAddedReplacedRemovedAndChecked() {
        sm = hangar.client(SecretsManagerClient.class);
        sm.createSecret(b -> b.name("tagged").secretString("v").tags(Tag.builder().key("a").value("1").build()));
        sm.tagResource(b -> b.secretId("tagged").tags(Tag.builder().key("b").value("2").build(),
                Tag.builder().key("a").value("one").build()));
        assertEquals(List.of(tag("a", "one"), tag("b", "2")),
                sm.describeSecret(b -> b.secretId("tagged")).tags());
        sm.untagResource(b -> b.secretId("tagged").tagKeys("a", "absent"));
        assertEquals(List.of(tag("b", "2")), sm.describeSecret(b -> b.secretId("tagged")).tags());

        InvalidParameterException reserved = assertThrows(InvalidParameterException.class,
                () -> sm.tagResource(b -> b.secretId("tagged").tags(tag("aws:x", "1"))));
        assertEquals("InvalidParameterException", reserved.awsErrorDetails().errorCode());
        SecretsManagerException longKey = assertThrows(SecretsManagerException.class,
                () -> sm.tagResource(b -> b.secretId("tagged").tags(tag("k".repeat(129), "1"))));
        assertError(longKey, "ValidationException", 400, "1 validation error detected: Value '" + "k".repeat(129)
                + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal "
                + "to 128");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
                () -> sm.tagResource(b -> b.secretId("tagged").tags(fifty)));
        assertError(tooMany, "InvalidParameterException", 400, SecretsManagerTagging.TOO_MANY);
        assertEquals(1, sm.describeSecret(b -> b.secretId("tagged")).tags().size(), "nothing half-applied");
        assertThrows(SecretsManagerException.class, () -> sm.tagResource(b -> b.secretId("nope").tags(tag("a", "b"))));
    }

    @Test
    void randomPasswordsHonourTheirParameters() {
        sm = hangar.client(SecretsManagerClient.class);
        String fallback = sm.getRandomPassword(b -> { }).randomPassword();
        assertEquals(32, fallback.length());
        assertTrue(fallback.chars().anyMatch(Character::isUpperCase) && fallback.chars().anyMatch(Character::isDigit)
                && fallback.chars().anyMatch(Character::isLowerCase)
                && fallback.chars().anyMatch(c -> PasswordHandlers.PUNCTUATION.indexOf(c) >= 0), fallback);
        for (int i = 0; i < 20; i++) {
            String p = sm.getRandomPassword(b -> b.passwordLength(12L).excludePunctuation(true).excludeUppercase(true)
                    .excludeCharacters("abc0123")).randomPassword();
            assertTrue(p.matches("[d-z4-9]{12}"), p);
            assertTrue(p.matches(".*[d-z].*") && p.matches(".*[4-9].*"), "each included type: " + p);
        }
        String spaced = sm.getRandomPassword(b -> b.passwordLength(200L).includeSpace(true).excludeNumbers(true)
                .excludeLowercase(true).excludeUppercase(true).excludePunctuation(true)).randomPassword();
        assertTrue(spaced.matches(" {200}"), "only the space is left");
        InvalidParameterException tooShort = assertThrows(InvalidParameterException.class,
                () -> sm.getRandomPassword(b -> b.passwordLength(3L)));
        assertError(tooShort, "InvalidParameterException", 400,
                "Password length is too short based on the required types.");
        assertEquals(3, sm.getRandomPassword(b -> b.passwordLength(3L).requireEachIncludedType(false))
                .randomPassword().length());
        SecretsManagerException tooLong = assertThrows(SecretsManagerException.class,
                () -> sm.getRandomPassword(b -> b.passwordLength(5000L)));
        assertError(tooLong, "ValidationException", 400, "1 validation error detected: Value '5000' at "
                + "'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
