package dev.hangar.secretsmanager;

import dev.hangar.core.time.ManualClock;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.hangar.secretsmanager.SecretsTestData.assertError;
import static dev.hangar.secretsmanager.SecretsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeleteSecret's recovery window on Hangar's clock (a ManualClock here, so days pass at once): the secret is
 * unreadable but restorable during the window and gone after it; forced, it is gone at once.
 */
class DeletionTest {

    private static final Instant START = Instant.parse("2026-03-01T10:15:30.250Z");

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SecretsManagerService::new)
            .clock(new ManualClock(START)).build();
    static SecretsManagerClient sm;
    static ManualClock clock;

    @BeforeAll
    static void client() {
        sm = hangar.client(SecretsManagerClient.class);
        clock = hangar.manualClock();
    }

    @Test
    void aDeletedSecretIsUnreadableUntilRestoredAndGoneAfterItsWindow() {
        String name = unique("del");
        String arn = sm.createSecret(b -> b.name(name).secretString("v")).arn();
        Instant deletedAt = clock.now();
        DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        assertEquals(arn, deleted.arn());
        assertEquals(deletedAt.plus(Duration.ofDays(7)), deleted.deletionDate());

        InvalidRequestException read = assertThrows(InvalidRequestException.class,
                () -> sm.getSecretValue(b -> b.secretId(name)));
        assertError(read, "InvalidRequestException", 400,
                "You can't perform this operation on the secret because it was marked for deletion.");
        assertThrows(InvalidRequestException.class, () -> sm.putSecretValue(b -> b.secretId(name).secretString("x")));
        assertThrows(InvalidRequestException.class, () -> sm.deleteSecret(b -> b.secretId(name)));
        InvalidRequestException recreate = assertThrows(InvalidRequestException.class,
                () -> sm.createSecret(b -> b.name(name).secretString("again")));
        assertError(recreate, "InvalidRequestException", 400,
                "You can't create this secret because a secret with this name is already scheduled for deletion.");

        DescribeSecretResponse described = sm.describeSecret(b -> b.secretId(arn));
        assertEquals(deletedAt, described.deletedDate());
        assertFalse(listed(false).contains(name), "hidden from ListSecrets by default");
        assertTrue(listed(true).contains(name), "shown with IncludePlannedDeletion");

        clock.advance(Duration.ofDays(6));
        sm.restoreSecret(b -> b.secretId(name));
        assertEquals("v", sm.getSecretValue(b -> b.secretId(name)).secretString());
        assertNull(sm.describeSecret(b -> b.secretId(name)).deletedDate());
        clock.advance(Duration.ofDays(2));
        assertEquals("v", sm.getSecretValue(b -> b.secretId(name)).secretString(), "the restore cancelled the purge");

        sm.deleteSecret(b -> b.secretId(name)); // the default window: 30 days
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertTrue(listed(true).contains(name), "still within the window");
        clock.advance(Duration.ofSeconds(1));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> sm.describeSecret(b -> b.secretId(name)));
        assertError(gone, "ResourceNotFoundException", 400, "Secrets Manager can't find the specified secret.");
        assertThrows(ResourceNotFoundException.class, () -> sm.restoreSecret(b -> b.secretId(name)));

        String newArn = sm.createSecret(b -> b.name(name).secretString("new")).arn();
        assertNotEquals(arn, newArn, "a new secret of the same name gets a new suffix");
        assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(b -> b.secretId(arn)));
        assertEquals("new", sm.getSecretValue(b -> b.secretId(newArn)).secretString());
    }

    @Test
    void aForcedDeletionIsImmediateEvenOfAScheduledOrMissingSecret() {
        String name = unique("force");
        sm.createSecret(b -> b.name(name).secretString("v"));
        DeleteSecretResponse forced = sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        assertEquals(clock.now(), forced.deletionDate());
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(b -> b.secretId(name)));
        sm.createSecret(b -> b.name(name).secretString("again"));

        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(10L));
        sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(b -> b.secretId(name)));

        String missing = unique("never");
        DeleteSecretResponse none = sm.deleteSecret(b -> b.secretId(missing).forceDeleteWithoutRecovery(true));
        assertEquals(missing, none.name());
        assertThrows(ResourceNotFoundException.class, () -> sm.deleteSecret(b -> b.secretId(missing)));
    }

    @Test
    void theDeletionParametersAreChecked() {
        String name = unique("params");
        sm.createSecret(b -> b.name(name).secretString("v"));
        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)));
        assertError(both, "InvalidParameterException", 400,
                "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        for (long days : new long[] {6, 31}) {
            InvalidParameterException window = assertThrows(InvalidParameterException.class,
                    () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(days)));
            assertError(window, "InvalidParameterException", 400,
                    "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        assertEquals("v", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }

    @Test
    void datesAreOnHangarsClockAndTheLastAccessIsRoundedToTheDay() {
        String name = unique("dates");
        Instant created = clock.now();
        sm.createSecret(b -> b.name(name).secretString("v"));
        clock.advance(Duration.ofHours(30));
        sm.getSecretValue(b -> b.secretId(name));
        Instant accessed = clock.now();
        clock.advance(Duration.ofHours(1));
        sm.putSecretValue(b -> b.secretId(name).secretString("w"));
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertEquals(created, d.createdDate());
        assertEquals(accessed.truncatedTo(ChronoUnit.DAYS), d.lastAccessedDate());
        assertEquals(clock.now(), d.lastChangedDate());
        SecretListEntry entry = sm.listSecrets(b -> b.filters(f -> f.key("name").values(name))).secretList().get(0);
        assertEquals(d.lastAccessedDate(), entry.lastAccessedDate());
        assertEquals(d.createdDate(), entry.createdDate());
    }

    @Test
    void aResetCancelsThePendingPurges() {
        String name = unique("reset");
        sm.createSecret(b -> b.name(name).secretString("v"));
        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(9L));
        Instant purgeAt = clock.now().plus(Duration.ofDays(9));
        assertTrue(clock.pending().contains(purgeAt), "the purge is a timer on Hangar's clock");
        hangar.reset();
        assertFalse(clock.pending().contains(purgeAt));
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(b -> b.secretId(name)));
    }

    private static List<String> listed(boolean includePlannedDeletion) {
        return sm.listSecrets(b -> b.includePlannedDeletion(includePlannedDeletion)).secretList().stream()
                .map(SecretListEntry::name).toList();
    }
}
