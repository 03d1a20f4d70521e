package dev.hangar.ssm.domain;

import dev.hangar.core.resource.ResourceTags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A parameter: its versions (Parameter Store keeps the latest {@link #MAX_VERSIONS}), the labels attached to them
 * (a label names one version of the parameter at a time, and moves when attached elsewhere) and its tags. Every
 * method holds this object's lock, so that a put, a label move and a read never see each other half done.
 */
public final class ParameterRecord {

    /** Parameter Store retains the 100 most recently created versions of a parameter. */
    public static final int MAX_VERSIONS = 100;
    /** A version can carry at most 10 labels. */
    public static final int MAX_LABELS_PER_VERSION = 10;

    private final String name;
    private final NavigableMap<Long, ParameterVersionRecord> versions = new TreeMap<>();
    /** label → version, in the order the labels were attached. */
    private final Map<String, Long> labels = new LinkedHashMap<>();
    private final ResourceTags tags = new ResourceTags();
    private boolean deleted;

    public ParameterRecord(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ResourceTags tags() {
        return tags;
    }

    public synchronized ParameterVersionRecord latest() {
        return versions.isEmpty() ? null : versions.lastEntry().getValue();
    }

    public synchronized ParameterVersionRecord version(long version) {
        return versions.get(version);
    }

    /** The version a label is attached to, or null. */
    public synchronized ParameterVersionRecord labelled(String label) {
        Long version = labels.get(label);
        return version == null ? null : versions.get(version);
    }

    /** The labels of one version, in the order they were attached. */
    public synchronized List<String> labelsOf(long version) {
        List<String> out = new ArrayList<>();
        labels.forEach((label, v) -> {
            if (v == version) {
                out.add(label);
            }
        });
        return out;
    }

    /** Every version, oldest first. */
    public synchronized List<ParameterVersionRecord> history() {
        return List.copyOf(versions.values());
    }

    /** The oldest version, dropped when a 101st is added, unless it carries a label; null while fewer are kept. */
    public synchronized ParameterVersionRecord oldestToDrop() {
        return versions.size() >= MAX_VERSIONS ? versions.firstEntry().getValue() : null;
    }

    /** Whether a version carries any label. */
    public synchronized boolean labelled(long version) {
        return labels.containsValue(version);
    }

    /**
     * Adds the next version (the caller checked it under this lock, through {@link #latest()} and
     * {@link #oldestToDrop()}), dropping the oldest when {@link #MAX_VERSIONS} are kept.
     */
    public synchronized void add(ParameterVersionRecord next) {
        if (versions.size() >= MAX_VERSIONS) {
            versions.pollFirstEntry();
        }
        versions.put(next.version(), next);
    }

    /** The version number the next put gets. */
    public synchronized long nextVersion() {
        return versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    /**
     * Attaches labels to a version, moving each from the version it was on.
     *
     * @return false, and nothing attached, when the version would carry more than {@link #MAX_LABELS_PER_VERSION}
     */
    public synchronized boolean attach(long version, List<String> toAttach) {
        long already = labels.values().stream().filter(v -> v == version).count();
        long added = toAttach.stream().distinct().filter(l -> !Long.valueOf(version).equals(labels.get(l))).count();
        if (already + added > MAX_LABELS_PER_VERSION) {
            return false;
        }
        for (String label : toAttach) {
            labels.remove(label);
            labels.put(label, version);
        }
        return true;
    }

    /** Removes those of the labels that are on the version; returns them, in the request's order. */
    public synchronized List<String> detach(long version, List<String> toDetach) {
        List<String> removed = new ArrayList<>();
        for (String label : toDetach) {
            Long on = labels.get(label);
            if (on != null && on == version && !removed.contains(label)) {
                labels.remove(label);
                removed.add(label);
            }
        }
        return removed;
    }

    /** Whether DeleteParameter removed this parameter (a put that raced it starts over on a new record). */
    public synchronized boolean deleted() {
        return deleted;
    }

    public synchronized void markDeleted() {
        deleted = true;
    }

    /** Runs {@code action} holding this parameter's lock, for checks and changes that must not interleave. */
    public synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }
}
