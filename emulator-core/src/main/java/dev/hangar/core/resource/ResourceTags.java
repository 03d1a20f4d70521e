package dev.hangar.core.resource;

import software.amazon.awssdk.core.SdkPojo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resource's tags, in the order their keys were first set (AWS lists them so), with AWS's rules: a request's
 * tags are checked ({@link TagRules#check}) and then merged only if the resource stays within 50 user tags, in one
 * step under this object's lock, so that two concurrent TagResource calls cannot both slip under the limit.
 */
public final class ResourceTags {

    private final Map<String, String> tags = new LinkedHashMap<>();

    /** Adds or replaces the request's tags, checked as AWS checks them. */
    public synchronized void add(TagRequest request, TagErrors errors) {
        TagRules.check(request, errors);
        List<String> added = TagRules.newKeys(request, tags);
        if (TagRules.userTags(tags.keySet()) + TagRules.userTags(added) > TagRules.MAX_USER_TAGS) {
            throw errors.tooMany(request);
        }
        request.entries().forEach(e -> tags.put(e.getKey(), e.getValue() == null ? "" : e.getValue()));
    }

    /**
     * Copies tags Hangar itself decided on (ECS's propagation from a task definition), without the request checks:
     * they were checked when they were first set.
     */
    public synchronized void copy(Map<String, String> from) {
        from.forEach((k, v) -> tags.put(k, v == null ? "" : v));
    }

    public synchronized void remove(Collection<String> keys) {
        if (keys != null) {
            keys.forEach(tags::remove);
        }
    }

    public synchronized int size() {
        return tags.size();
    }

    public synchronized boolean isEmpty() {
        return tags.isEmpty();
    }

    /** A copy, in order. */
    public synchronized Map<String, String> asMap() {
        return new LinkedHashMap<>(tags);
    }

    /** The tags as a list of the SDK's tag class ({key, value} or {Key, Value}), in order. */
    public <T extends SdkPojo> List<T> asList(Class<T> tagClass) {
        return SdkTags.toList(asMap(), tagClass);
    }

    @Override
    public synchronized String toString() {
        return new ArrayList<>(tags.entrySet()).toString();
    }
}
