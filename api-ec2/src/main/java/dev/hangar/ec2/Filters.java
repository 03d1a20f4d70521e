package dev.hangar.ec2;

import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The filters one Describe operation accepts, by EC2's rules: a resource matches a filter when one of the values it
 * has for the filter's name matches one of the filter's values, and matches the request when it matches every
 * filter. Values may hold EC2's wildcards ({@code *} any characters, {@code ?} one, a backslash escapes either).
 * {@code tag:<key>} and {@code tag-key} are understood where the resource has tags. An unknown name is refused with
 * EC2's "The filter 'x' is invalid"; a filter with no values matches nothing.
 *
 * @param <T> the resource record
 */
final class Filters<T> {

    private final Map<String, Function<T, List<String>>> fields;
    private final Function<T, Map<String, String>> tags;

    private Filters(Map<String, Function<T, List<String>>> fields, Function<T, Map<String, String>> tags) {
        this.fields = fields;
        this.tags = tags;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The request's filters as one test, checked here so that a bad name fails the request before any listing. */
    Predicate<T> compile(List<Filter> filters) {
        Predicate<T> all = t -> true;
        for (Filter filter : filters) {
            Function<T, List<String>> values = valuesOf(filter.name());
            List<Pattern> patterns = filter.values().stream().map(Filters::wildcard).toList();
            all = all.and(t -> values.apply(t).stream()
                    .anyMatch(v -> patterns.stream().anyMatch(p -> p.matcher(v).matches())));
        }
        return all;
    }

    private Function<T, List<String>> valuesOf(String name) {
        if (name == null) {
            throw Ec2Errors.invalidFilter("null");
        }
        Function<T, List<String>> field = fields.get(name);
        if (field != null) {
            return field;
        }
        if (tags != null && name.equals("tag-key")) {
            return t -> List.copyOf(tags.apply(t).keySet());
        }
        if (tags != null && name.equals("tag-value")) {
            return t -> List.copyOf(tags.apply(t).values());
        }
        if (tags != null && name.startsWith("tag:") && name.length() > 4) {
            String key = name.substring(4);
            return t -> {
                String value = tags.apply(t).get(key);
                return value == null ? List.of() : List.of(value);
            };
        }
        throw Ec2Errors.invalidFilter(name);
    }

    /** EC2's wildcards as a regular expression matching the whole value. */
    static Pattern wildcard(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static final class Builder<T> {
        private final Map<String, Function<T, List<String>>> fields = new LinkedHashMap<>();
        private Function<T, Map<String, String>> tags;

        /** A filter with one value per resource (null: the resource has none), under each of its names. */
        Builder<T> one(Function<T, String> value, String... names) {
            return many(t -> {
                String v = value.apply(t);
                return v == null ? List.of() : List.of(v);
            }, names);
        }

        /** A filter whose resource may have several values (a group's rules' protocols), or none. */
        Builder<T> many(Function<T, List<String>> values, String... names) {
            for (String name : names) {
                fields.put(name, values);
            }
            return this;
        }

        /** A filter EC2 knows that no resource Hangar holds has a value for yet (IPv6 blocks, peering). */
        Builder<T> none(String... names) {
            return many(t -> List.of(), names);
        }

        Builder<T> tags(Function<T, Map<String, String>> tags) {
            this.tags = tags;
            return this;
        }

        Filters<T> build() {
            return new Filters<>(Map.copyOf(fields), tags);
        }
    }

    /** The values a list of items yields, skipping nulls: the protocols of a group's rules and the like. */
    static <I> List<String> each(List<I> items, Function<I, String> value) {
        List<String> out = new ArrayList<>();
        for (I item : items) {
            String v = value.apply(item);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
