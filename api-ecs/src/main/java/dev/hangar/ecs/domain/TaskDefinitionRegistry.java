package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import dev.hangar.core.resource.ResourceTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Task definition revisions per family. The registered SDK object is stored as it is (it never changes but for its
 * status, which replaces it). Revision numbers are never reused, as on AWS, even after a delete.
 */
public final class TaskDefinitionRegistry {

    private final Map<String, TreeMap<Integer, TaskDefinition>> families = new TreeMap<>();
    private final Map<String, Integer> lastRevision = new ConcurrentHashMap<>();
    private final Map<String, ResourceTags> tags = new ConcurrentHashMap<>();

    /** Stores the revision built for the family's next number. */
    public synchronized TaskDefinition register(String family, IntFunction<TaskDefinition> build) {
        int revision = lastRevision.merge(family, 1, Integer::sum);
        TaskDefinition definition = build.apply(revision);
        families.computeIfAbsent(family, f -> new TreeMap<>()).put(revision, definition);
        return definition;
    }

    public synchronized TaskDefinition find(String family, int revision) {
        TreeMap<Integer, TaskDefinition> revisions = families.get(family);
        return revisions == null ? null : revisions.get(revision);
    }

    public synchronized TaskDefinition latestActive(String family) {
        TreeMap<Integer, TaskDefinition> revisions = families.get(family);
        if (revisions == null) {
            return null;
        }
        for (TaskDefinition d : revisions.descendingMap().values()) {
            if (d.status() == TaskDefinitionStatus.ACTIVE) {
                return d;
            }
        }
        return null;
    }

    /** Replaces a stored revision (a status change); returns the new one. */
    public synchronized TaskDefinition replace(TaskDefinition updated) {
        families.get(updated.family()).put(updated.revision(), updated);
        return updated;
    }

    /** Every revision ordered by family name, then revision. */
    public synchronized List<TaskDefinition> all() {
        List<TaskDefinition> out = new ArrayList<>();
        families.values().forEach(r -> out.addAll(r.values()));
        return out;
    }

    public synchronized Map<String, List<TaskDefinition>> byFamily() {
        Map<String, List<TaskDefinition>> out = new TreeMap<>();
        families.forEach((f, r) -> out.put(f, new ArrayList<>(r.values())));
        return out;
    }

    public ResourceTags tags(String arn) {
        return tags.computeIfAbsent(arn, a -> new ResourceTags());
    }
}
