package dev.hangar.core.resource;

import software.amazon.awssdk.core.SdkPojo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags one request carries, in the order it carries them, whichever shape the SDK gave them in: a list of
 * {key, value} (ECS), a list of {Key, Value} (IAM, ELBv2 ...) or a map (Lambda, CloudWatch Logs).
 *
 * @param entries as sent; a list may name a key twice (the later one wins when stored)
 * @param shown   the tags as AWS's front-end validation prints the member ("{a=1, b=2}" for a map)
 */
public record TagRequest(List<Map.Entry<String, String>> entries, String shown) {

    public static final TagRequest NONE = new TagRequest(List.of(), "{}");

    /** From a map member; null (not sent) is no tags. */
    public static TagRequest of(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return NONE;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, v)));
        return new TagRequest(List.copyOf(entries), tags.toString());
    }

    /** From a list member of SDK tag objects of any {key, value} class; null (not sent) is no tags. */
    public static TagRequest ofList(Collection<? extends SdkPojo> tags) {
        if (tags == null || tags.isEmpty()) {
            return NONE;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(tags.size());
        for (SdkPojo tag : tags) {
            // a JSON list may hold null ([null]): a tag without a key, which the key-length rule refuses
            entries.add(tag == null ? new java.util.AbstractMap.SimpleImmutableEntry<>(null, "") : SdkTags.entry(tag));
        }
        return new TagRequest(List.copyOf(entries), tags.toString());
    }

    public int size() {
        return entries.size();
    }

    /** The tags as they are stored: in order, a key named twice keeping its later value. */
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
