package dev.hangar.ec2.domain;

import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;

/** A resource's tags as EC2 writes them: a list of key and value, in key order. */
final class TagList {

    private TagList() {
    }

    static List<Tag> toSdk(Map<String, String> tags) {
        return tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
