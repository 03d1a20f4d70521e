package dev.hangar.secretsmanager.domain;

import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One version of a secret: its id (the request's ClientRequestToken), value and staging labels. The labels and the
 * last access day change under the owning {@link SecretRecord}'s lock.
 */
public final class SecretVersionRecord {

    private final String versionId;
    private final SecretValue value;
    private final Instant createdDate;
    private final String kmsKeyId;
    private final Set<String> stages = new LinkedHashSet<>();
    private Instant lastAccessedDay;

    SecretVersionRecord(String versionId, SecretValue value, Instant createdDate, String kmsKeyId) {
        this.versionId = versionId;
        this.value = value;
        this.createdDate = createdDate;
        this.kmsKeyId = kmsKeyId;
    }

    public String versionId() {
        return versionId;
    }

    public SecretValue value() {
        return value;
    }

    public Instant createdDate() {
        return createdDate;
    }

    Set<String> stages() {
        return stages;
    }

    /** A copy of the labels, in the order they were attached. */
    public List<String> stageList() {
        return new ArrayList<>(stages);
    }

    /** Without labels, AWS calls a version deprecated: hidden from listings unless asked for, deleted when many. */
    public boolean deprecated() {
        return stages.isEmpty();
    }

    void accessedOn(Instant day) {
        lastAccessedDay = day;
    }

    SecretVersionsListEntry toSdk() {
        return SecretVersionsListEntry.builder()
                .versionId(versionId)
                .versionStages(stageList())
                .createdDate(createdDate)
                .lastAccessedDate(lastAccessedDay)
                .kmsKeyIds(kmsKeyId == null ? "DEFAULT" : kmsKeyId)
                .build();
    }
}
