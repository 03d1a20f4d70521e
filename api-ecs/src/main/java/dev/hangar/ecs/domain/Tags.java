package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A resource's tags, in the order they were first set (AWS lists them so). */
public final class Tags {

    private final Map<String, String> values = new LinkedHashMap<>();

    public synchronized void put(Collection<Tag> tags) {
        if (tags != null) {
            for (Tag tag : tags) {
                values.put(tag.key(), tag.value() == null ? "" : tag.value());
            }
        }
    }

    /** Adds or replaces the tags unless the resource would then carry more than {@code limit}; false if so. */
    public synchronized boolean putWithin(Collection<Tag> tags, int limit) {
        long added = tags == null ? 0 : tags.stream().map(Tag::key).distinct().filter(k -> !values.containsKey(k)).count();
        if (values.size() + added > limit) {
            return false;
        }
        put(tags);
        return true;
    }

    public synchronized void remove(Collection<String> keys) {
        if (keys != null) {
            keys.forEach(values::remove);
        }
    }

    public synchronized int size() {
        return values.size();
    }

    public synchronized Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    public synchronized List<Tag> toSdk() {
        List<Tag> out = new ArrayList<>(values.size());
        values.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }
}
