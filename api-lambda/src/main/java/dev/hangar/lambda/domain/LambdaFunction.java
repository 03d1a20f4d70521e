package dev.hangar.lambda.domain;

import dev.hangar.core.resource.ResourceTags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One function: its $LATEST, its published versions, and what belongs to the function as a whole (tags, reserved
 * concurrency, resource policies per qualifier). Every change goes through this object's lock, so a background
 * state transition and a user's update cannot interleave.
 */
public final class LambdaFunction {

    private final String name;
    private final String arn;
    private FunctionConfigurationState latest;
    private final TreeMap<Integer, FunctionConfigurationState> versions = new TreeMap<>();
    private int nextVersion = 1;
    private long lastPublishedConfigRevision = -1;
    private final ResourceTags tags = new ResourceTags();
    private final Map<String, ResourcePolicy> policies = new LinkedHashMap<>();
    private Integer reservedConcurrency;
    private boolean deleted;

    public LambdaFunction(String name, String arn, FunctionConfigurationState latest) {
        this.name = name;
        this.arn = arn;
        this.latest = latest;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public synchronized FunctionConfigurationState latest() {
        return latest;
    }

    /** $LATEST or a published version; null when there is no such version. */
    public synchronized FunctionConfigurationState version(String qualifier) {
        if (qualifier == null || "$LATEST".equals(qualifier)) {
            return latest;
        }
        if (!qualifier.chars().allMatch(Character::isDigit) || qualifier.length() > 9) {
            return null;
        }
        return versions.get(Integer.parseInt(qualifier));
    }

    /** $LATEST first, then the published versions in ascending order (ListVersionsByFunction's order). */
    public synchronized List<FunctionConfigurationState> allVersions() {
        List<FunctionConfigurationState> all = new ArrayList<>();
        all.add(latest);
        all.addAll(versions.values());
        return all;
    }

    public synchronized List<FunctionConfigurationState> publishedVersions() {
        return new ArrayList<>(versions.values());
    }

    /** Applies a change to $LATEST and returns the new state. */
    public synchronized FunctionConfigurationState updateLatest(UnaryOperator<FunctionConfigurationState> change) {
        latest = change.apply(latest);
        return latest;
    }

    /**
     * Moves a version to a new status only if it is still the revision the background work started from: an update
     * that arrived meanwhile has its own transition coming.
     */
    public synchronized FunctionConfigurationState transition(String version, String expectedRevisionId,
                                                              FunctionStatus status) {
        FunctionConfigurationState current = version(version);
        if (deleted || current == null || !current.revisionId().equals(expectedRevisionId)) {
            return null;
        }
        FunctionConfigurationState next = current.withStatus(status);
        if ("$LATEST".equals(version)) {
            latest = next;
        } else {
            versions.put(Integer.parseInt(version), next);
        }
        return next;
    }

    /**
     * Publishes $LATEST as the next version number, or returns the newest version when $LATEST has not changed since
     * it was published (AWS does not publish identical versions twice).
     *
     * @param publish builds the version's state from $LATEST and its number
     * @return the version, and whether it is new
     */
    public synchronized Published publish(java.util.function.BiFunction<FunctionConfigurationState, String,
            FunctionConfigurationState> publish) {
        if (latest.configRevision() == lastPublishedConfigRevision && !versions.isEmpty()) {
            return new Published(versions.lastEntry().getValue(), false);
        }
        int number = nextVersion++;
        FunctionConfigurationState version = publish.apply(latest, Integer.toString(number));
        versions.put(number, version);
        lastPublishedConfigRevision = latest.configRevision();
        return new Published(version, true);
    }

    public record Published(FunctionConfigurationState version, boolean created) {
    }

    public synchronized FunctionConfigurationState removeVersion(String qualifier) {
        FunctionConfigurationState v = version(qualifier);
        if (v != null && !"$LATEST".equals(qualifier)) {
            versions.remove(Integer.parseInt(qualifier));
            policies.remove(qualifier);
        }
        return v;
    }

    public synchronized void markDeleted() {
        deleted = true;
    }

    /** The function's tags (those of the function as a whole: versions and aliases have none). */
    public ResourceTags tags() {
        return tags;
    }

    public synchronized Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    public synchronized void reservedConcurrency(Integer value) {
        reservedConcurrency = value;
    }

    /** The resource policy of $LATEST ("$LATEST") or a version, created empty on first use. */
    public synchronized ResourcePolicy policy(String qualifier, boolean create) {
        ResourcePolicy policy = policies.get(qualifier);
        if (policy == null && create) {
            policy = new ResourcePolicy();
            policies.put(qualifier, policy);
        }
        return policy;
    }

    public synchronized void dropPolicyIfEmpty(String qualifier) {
        ResourcePolicy policy = policies.get(qualifier);
        if (policy != null && policy.isEmpty()) {
            policies.remove(qualifier);
        }
    }
}
