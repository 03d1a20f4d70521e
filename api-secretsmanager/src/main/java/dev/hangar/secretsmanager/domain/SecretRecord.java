package dev.hangar.secretsmanager.domain;

import dev.hangar.core.resource.ResourceTags;
import dev.hangar.core.time.HangarClock;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret: its settings, tags, versions and staging labels, and its scheduled deletion. Every change happens under
 * this object's lock, so that a label is on exactly one version at a time whatever calls race.
 */
public final class SecretRecord {

    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";

    /** Past this many versions Secrets Manager removes deprecated ones (its quota: about 100 versions). */
    static final int MAX_VERSIONS = 100;

    private final String name;
    private final String arn;
    private final Instant createdDate;
    private final ResourceTags tags = new ResourceTags();
    private final Map<String, SecretVersionRecord> versions = new LinkedHashMap<>();
    private String description;
    private String kmsKeyId;
    private Instant lastChangedDate;
    private Instant lastAccessedDay;
    private Instant deletedDate;
    private Instant deletionDate;
    private HangarClock.Timer purge;

    public SecretRecord(String name, String arn, Instant createdDate, String description, String kmsKeyId) {
        this.name = name;
        this.arn = arn;
        this.createdDate = createdDate;
        this.description = description;
        this.kmsKeyId = kmsKeyId;
        this.lastChangedDate = createdDate;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Instant createdDate() {
        return createdDate;
    }

    public ResourceTags tags() {
        return tags;
    }

    public synchronized String description() {
        return description;
    }

    public synchronized Instant lastChangedDate() {
        return lastChangedDate;
    }

    public synchronized Instant lastAccessedDay() {
        return lastAccessedDay;
    }

    /** What a new version is created with or returns when the request repeats an existing one. */
    public record PutOutcome(SecretVersionRecord version, boolean created, List<String> stages) {
    }

    /**
     * Adds a version, or finds the one a retried request made. A version id already present with the same value is
     * the retry AWS ignores; with another value it is refused (null is returned then: the caller words it).
     *
     * @param stages the labels to attach; null moves AWSCURRENT to the new version, as when VersionStages is absent
     */
    public synchronized PutOutcome putVersion(String versionId, SecretValue value, List<String> stages, Instant now) {
        SecretVersionRecord existing = versions.get(versionId);
        if (existing != null) {
            return existing.value().equals(value) ? new PutOutcome(existing, false, existing.stageList()) : null;
        }
        SecretVersionRecord version = new SecretVersionRecord(versionId, value, now, kmsKeyId);
        versions.put(versionId, version);
        for (String stage : stages == null ? List.of(CURRENT) : stages) {
            attach(stage, version);
        }
        dropDeprecatedBeyondQuota();
        lastChangedDate = now;
        return new PutOutcome(version, true, version.stageList());
    }

    /**
     * Moves a label onto a version, off whichever had it; moving AWSCURRENT also moves AWSPREVIOUS onto the version
     * AWSCURRENT left, as Secrets Manager does.
     */
    private void attach(String stage, SecretVersionRecord to) {
        SecretVersionRecord from = holder(stage);
        if (from == to) {
            return;
        }
        if (from != null) {
            from.stages().remove(stage);
        }
        to.stages().add(stage);
        if (CURRENT.equals(stage) && from != null) {
            SecretVersionRecord previous = holder(PREVIOUS);
            if (previous != null) {
                previous.stages().remove(PREVIOUS);
            }
            from.stages().add(PREVIOUS);
        }
    }

    private SecretVersionRecord holder(String stage) {
        for (SecretVersionRecord v : versions.values()) {
            if (v.stages().contains(stage)) {
                return v;
            }
        }
        return null;
    }

    private void dropDeprecatedBeyondQuota() {
        Iterator<SecretVersionRecord> oldestFirst = versions.values().iterator();
        while (versions.size() > MAX_VERSIONS && oldestFirst.hasNext()) {
            if (oldestFirst.next().deprecated()) {
                oldestFirst.remove();
            }
        }
    }

    public synchronized SecretVersionRecord version(String versionId) {
        return versions.get(versionId);
    }

    public synchronized SecretVersionRecord versionAt(String stage) {
        return holder(stage);
    }

    public synchronized boolean hasVersions() {
        return !versions.isEmpty();
    }

    /** A value was read: the secret's and the version's last access, to the day as AWS reports it. */
    public synchronized void accessed(SecretVersionRecord version, Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        lastAccessedDay = day;
        version.accessedOn(day);
    }

    /**
     * UpdateSecretVersionStage: the label moves to {@code moveTo} (null: it is only removed from
     * {@code removeFrom}). The caller has checked that both versions exist and that the label is where it says.
     */
    public synchronized void moveStage(String stage, SecretVersionRecord removeFrom, SecretVersionRecord moveTo,
                                       Instant now) {
        if (moveTo != null) {
            attach(stage, moveTo);
        } else if (removeFrom != null) {
            removeFrom.stages().remove(stage);
        }
        lastChangedDate = now;
    }

    public synchronized void update(String newDescription, String newKmsKeyId, Instant now) {
        if (newDescription != null) {
            description = newDescription;
        }
        if (newKmsKeyId != null) {
            kmsKeyId = newKmsKeyId;
        }
        lastChangedDate = now;
    }

    public synchronized void changed(Instant now) {
        lastChangedDate = now;
    }

    public synchronized boolean deleted() {
        return deletionDate != null;
    }

    public synchronized Instant deletionDate() {
        return deletionDate;
    }

    /** Scheduled for deletion at {@code at}; {@code timer} removes the secret then, unless it is restored. */
    public synchronized void scheduleDeletion(Instant now, Instant at, HangarClock.Timer timer) {
        deletedDate = now;
        deletionDate = at;
        purge = timer;
        lastChangedDate = now;
    }

    /** Cancels the scheduled deletion; returns the timer to cancel, or null when none was scheduled. */
    public synchronized HangarClock.Timer restore(Instant now) {
        HangarClock.Timer timer = purge;
        deletedDate = null;
        deletionDate = null;
        purge = null;
        lastChangedDate = now;
        return timer;
    }

    /** Hangar drops its state (reset): the scheduled purge, if any, need not fire. */
    public synchronized void cancelPurge() {
        if (purge != null) {
            purge.cancel();
            purge = null;
        }
    }

    /** The versions in the order they were made; deprecated ones only when asked for. */
    public synchronized List<SecretVersionsListEntry> versionEntries(boolean includeDeprecated) {
        List<SecretVersionsListEntry> out = new ArrayList<>();
        for (SecretVersionRecord v : versions.values()) {
            if (includeDeprecated || !v.deprecated()) {
                out.add(v.toSdk());
            }
        }
        return out;
    }

    /** Version id to labels, deprecated versions left out (as DescribeSecret and ListSecrets show them). */
    private Map<String, List<String>> versionsToStages() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        versions.values().forEach(v -> {
            if (!v.deprecated()) {
                out.put(v.versionId(), v.stageList());
            }
        });
        return out;
    }

    /** Every label and description word the "all" filter searches, with the name and the tags. */
    public synchronized List<String> searchable() {
        List<String> out = new ArrayList<>();
        out.add(name);
        if (description != null) {
            out.add(description);
        }
        tags.asMap().forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out;
    }

    public synchronized DescribeSecretResponse describe() {
        DescribeSecretResponse.Builder b = DescribeSecretResponse.builder()
                .arn(arn).name(name).description(description).kmsKeyId(kmsKeyId)
                .lastChangedDate(lastChangedDate).lastAccessedDate(lastAccessedDay)
                .deletedDate(deletedDate).createdDate(createdDate);
        if (!tags.isEmpty()) {
            b.tags(tags.asList(Tag.class));
        }
        if (!versions.isEmpty()) {
            b.versionIdsToStages(versionsToStages());
        }
        return b.build();
    }

    public synchronized SecretListEntry listEntry() {
        SecretListEntry.Builder b = SecretListEntry.builder()
                .arn(arn).name(name).description(description).kmsKeyId(kmsKeyId)
                .lastChangedDate(lastChangedDate).lastAccessedDate(lastAccessedDay)
                .deletedDate(deletedDate).createdDate(createdDate);
        if (!tags.isEmpty()) {
            b.tags(tags.asList(Tag.class));
        }
        if (!versions.isEmpty()) {
            b.secretVersionsToStages(versionsToStages());
        }
        return b.build();
    }
}
