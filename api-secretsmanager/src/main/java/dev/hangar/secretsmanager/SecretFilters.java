package dev.hangar.secretsmanager;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsException;
import dev.hangar.secretsmanager.domain.SecretRecord;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ListSecrets' Filters as its API reference describes them: name, tag-key and tag-value are case-sensitive prefix
 * matches, description a prefix match in any case, "all" splits the value into words and looks for each in every
 * attribute in any case; a value starting with "!" negates. The values of one filter are alternatives; every filter
 * must match. No secret is replicated or owned by a service in Hangar, so primary-region and owning-service match
 * none (and their negations all).
 */
final class SecretFilters {

    private static final Pattern VALUE = Pattern.compile("^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$");
    private static final String VALUE_SHOWN = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$";

    private SecretFilters() {
    }

    /** The front end's checks of the Filters member, all at once. */
    static void check(List<Filter> filters) {
        Validation<AwsException> v = SecretsManagerErrors.validation();
        if (filters.size() > 10) {
            v.fail(filters, "filters", Constraints.maxLength(10));
        }
        SecretsManagerValidation.noNullMembers(v, filters, "filters");
        for (int i = 0; i < filters.size(); i++) {
            Filter f = filters.get(i);
            String at = "filters." + (i + 1) + ".member.";
            if (f == null) {
                continue;
            }
            if (f.key() == FilterNameStringType.UNKNOWN_TO_SDK_VERSION) {
                v.fail(f.keyAsString(), at + "key", Constraints.enumSet(FilterNameStringType.knownValues()));
            }
            if (f.hasValues()) {
                if (f.values().isEmpty() || f.values().size() > 10) {
                    v.fail(f.values(), at + "values",
                            f.values().isEmpty() ? Constraints.minLength(1) : Constraints.maxLength(10));
                }
                SecretsManagerValidation.noNullMembers(v, f.values(), at + "values");
                for (String value : f.values()) {
                    if (value != null && (value.length() > 512 || !VALUE.matcher(value).matches())) {
                        v.fail(f.values(), at + "values", "Member must satisfy constraint: [Member must have length "
                                + "less than or equal to 512, " + Constraints.pattern(VALUE_SHOWN) + "]");
                        break;
                    }
                }
            }
        }
        v.throwIfAny();
        for (Filter f : filters) {
            if (f.key() == null || !f.hasValues()) {
                throw SecretsManagerErrors.invalidParameter("Invalid filter: a filter needs both a Key and Values.");
            }
        }
    }

    static boolean matches(SecretRecord secret, List<Filter> filters) {
        for (Filter f : filters) {
            if (!matches(secret, f)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(SecretRecord secret, Filter f) {
        boolean anyPositive = false;
        boolean positiveHit = false;
        for (String value : f.values()) {
            boolean negated = value.startsWith("!");
            String text = negated ? value.substring(1) : value;
            boolean hit = test(secret, f.key(), text);
            if (negated && hit) {
                return false;
            }
            if (!negated) {
                anyPositive = true;
                positiveHit |= hit;
            }
        }
        return !anyPositive || positiveHit;
    }

    private static boolean test(SecretRecord secret, FilterNameStringType key, String text) {
        return switch (key) {
            case NAME -> secret.name().startsWith(text);
            case DESCRIPTION -> secret.description() != null
                    && lower(secret.description()).startsWith(lower(text));
            case TAG_KEY -> secret.tags().asMap().keySet().stream().anyMatch(k -> k.startsWith(text));
            case TAG_VALUE -> secret.tags().asMap().values().stream().anyMatch(v -> v.startsWith(text));
            case ALL -> all(secret, text);
            default -> false; // primary-region, owning-service: no replicas, no owning services here
        };
    }

    /** Every word of the value starts some word of the name, the description, a tag key or a tag value. */
    private static boolean all(SecretRecord secret, String text) {
        List<String> words = new ArrayList<>();
        for (String attribute : secret.searchable()) {
            for (String word : lower(attribute).split("[\\s/_+=.@:-]+")) {
                words.add(word);
            }
            words.add(lower(attribute));
        }
        for (String wanted : lower(text).trim().split("\\s+")) {
            if (!wanted.isEmpty() && words.stream().noneMatch(w -> w.startsWith(wanted))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
