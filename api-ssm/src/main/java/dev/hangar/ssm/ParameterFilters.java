package dev.hangar.ssm;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.ssm.domain.ParameterRecord;
import dev.hangar.ssm.domain.ParameterVersionRecord;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParametersFilter;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ParameterFilters of GetParametersByPath (keys Type, KeyId, Label) and DescribeParameters (Name, Type, KeyId,
 * Path, Tier, DataType, tag:KEY), and DescribeParameters' older Filters (Name, Type, KeyId): checked as AWS checks
 * them, then matched against a parameter.
 */
final class ParameterFilters {

    private static final Pattern KEY = Pattern.compile("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");
    private static final Pattern PATH = Pattern.compile("/[a-zA-Z0-9_.\\-/]*");
    private static final List<String> TYPES = List.of("String", "StringList", "SecureString");
    private static final List<String> TIERS = List.of("Standard", "Advanced", "Intelligent-Tiering");

    /** One checked filter: its option made explicit (Equals, or OneLevel for Path). */
    record Filter(String key, String option, List<String> values) {
    }

    private final List<Filter> filters;

    private ParameterFilters(List<Filter> filters) {
        this.filters = filters;
    }

    static ParameterFilters none() {
        return new ParameterFilters(List.of());
    }

    /** GetParametersByPath's filters. */
    static ParameterFilters forPath(List<ParameterStringFilter> given) {
        return check(given, true);
    }

    /** DescribeParameters' ParameterFilters. */
    static ParameterFilters forDescribe(List<ParameterStringFilter> given) {
        return check(given, false);
    }

    /** DescribeParameters' older Filters: Name begins with, Type and KeyId equal one of the values. */
    static ParameterFilters forDescribeLegacy(List<ParametersFilter> given) {
        Validation<ValidationException> v = SsmErrors.validation();
        List<Filter> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ParametersFilter f = given.get(i);
            String member = "filters." + (i + 1) + ".member.";
            if (f.keyAsString() == null) {
                v.missing(member + "key");
            }
            v.oneOf(f.keyAsString(), member + "key", List.of("Name", "Type", "KeyId"));
            if (!f.hasValues()) {
                v.missing(member + "values");
            } else if (f.values().isEmpty() || f.values().size() > 50) {
                v.fail(f.values(), member + "values", f.values().isEmpty()
                        ? Constraints.minLength(1) : Constraints.maxLength(50));
            }
            String option = "Name".equals(f.keyAsString()) ? "BeginsWith" : "Equals";
            out.add(new Filter(f.keyAsString(), option, f.hasValues() ? f.values() : List.of()));
        }
        v.throwIfAny();
        return new ParameterFilters(out);
    }

    private static ParameterFilters check(List<ParameterStringFilter> given, boolean byPath) {
        Validation<ValidationException> v = SsmErrors.validation();
        for (int i = 0; i < given.size(); i++) {
            ParameterStringFilter f = given.get(i);
            String member = "parameterFilters." + (i + 1) + ".member.";
            if (f.key() == null) {
                v.missing(member + "key");
            } else {
                v.length(f.key(), member + "key", 1, 132).pattern(f.key(), member + "key", KEY, KEY.pattern());
            }
            v.length(f.option(), member + "option", 1, 10);
            if (f.hasValues() && (f.values().isEmpty() || f.values().size() > 50)) {
                v.fail(f.values(), member + "values", f.values().isEmpty()
                        ? Constraints.minLength(1) : Constraints.maxLength(50));
            }
            if (f.hasValues() && f.values().stream().anyMatch(s -> s == null || s.isEmpty() || s.length() > 1024)) {
                v.fail(f.values(), member + "values", "Member must satisfy constraint: ["
                        + Constraints.maxLength(1024) + ", " + Constraints.minLength(1) + "]");
            }
        }
        v.throwIfAny();
        Set<String> seen = new HashSet<>();
        List<Filter> out = new ArrayList<>();
        for (ParameterStringFilter f : given) {
            out.add(semantics(f, byPath, seen));
        }
        return new ParameterFilters(out);
    }

    private static Filter semantics(ParameterStringFilter f, boolean byPath, Set<String> seen) {
        String key = f.key();
        boolean tag = key.startsWith("tag:");
        if (byPath && (tag || List.of("Name", "Path", "Tier", "DataType").contains(key))) {
            throw SsmErrors.invalidFilterKey("The following filter key is not valid: " + key
                    + ". Valid filter keys include: [Type, KeyId, Label].");
        }
        if (!byPath && key.equals("Label")) {
            throw SsmErrors.invalidFilterKey("The following filter key is not valid: Label. Valid filter keys "
                    + "include: [Path, Name, Type, KeyId, Tier].");
        }
        if (!seen.add(key)) {
            throw SsmErrors.invalidFilterKey("The following filter is duplicated in the request: " + key
                    + ". A request can contain only one occurrence of a specific filter.");
        }
        List<String> values = f.hasValues() ? f.values() : List.of();
        if (values.isEmpty() && !tag) {
            throw SsmErrors.invalidFilterValue("The following filter values are missing : null for filter key "
                    + key + ".");
        }
        String option = f.option() != null ? f.option() : key.equals("Path") ? "OneLevel" : "Equals";
        if (key.equals("Path")) {
            if (!option.equals("Recursive") && !option.equals("OneLevel")) {
                throw SsmErrors.invalidFilterOption("The following filter option is not valid: " + option
                        + ". Valid options include: [Recursive, OneLevel].");
            }
            values.forEach(ParameterFilters::checkPath);
        } else {
            List<String> allowed = key.equals("Label") ? List.of("Equals")
                    : key.equals("Name") ? List.of("BeginsWith", "Equals", "Contains")
                    : List.of("BeginsWith", "Equals");
            if (!allowed.contains(option)) {
                throw SsmErrors.invalidFilterOption("The following filter option is not valid: " + option
                        + ". Valid options include: " + allowed + ".");
            }
        }
        if (key.equals("Type")) {
            checkValues(values, TYPES);
        } else if (key.equals("Tier")) {
            checkValues(values, TIERS);
        }
        return new Filter(key, option, values);
    }

    private static void checkValues(List<String> values, List<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw SsmErrors.invalidFilterOption("The following filter value is not valid: " + value
                        + ". Valid values include: " + allowed + ".");
            }
        }
    }

    /** A Path filter's value, and GetParametersByPath's Path, as AWS checks them. */
    static void checkPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/aws") || lower.startsWith("/ssm")) {
            throw SsmErrors.validation("Filters for common parameters can't be prefixed with \"aws\" or \"ssm\" "
                    + "(case-insensitive). When using global parameters, please specify within a global namespace.");
        }
        if (!PATH.matcher(path).matches() || path.contains("//")) {
            throw SsmErrors.validation("The parameter doesn't meet the parameter name requirements. The parameter "
                    + "name must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" "
                    + "(case-insensitive). It must use only letters, numbers, or the following symbols: . (period), "
                    + "- (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, "
                    + "must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.");
        }
    }

    /** The Label filter's values (GetParametersByPath), or null without one. */
    List<String> labels() {
        for (Filter f : filters) {
            if (f.key().equals("Label")) {
                return f.values();
            }
        }
        return null;
    }

    /** Whether the version (of the record) passes every filter but Label, which chooses the version instead. */
    boolean matches(ParameterRecord record, ParameterVersionRecord v) {
        for (Filter f : filters) {
            if (!matches(f, record, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Filter f, ParameterRecord record, ParameterVersionRecord v) {
        String key = f.key();
        if (key.startsWith("tag:")) {
            String tagValue = record.tags().asMap().get(key.substring(4));
            return tagValue != null && (f.values().isEmpty() || compare(f.option(), tagValue, f.values()));
        }
        return switch (key) {
            case "Name" -> f.option().equals("Contains")
                    ? f.values().stream().anyMatch(value -> v.name().contains(value))
                    : compare(f.option(), ParameterNames.asPath(v.name()),
                    f.values().stream().map(ParameterNames::asPath).toList());
            case "Path" -> f.values().stream().anyMatch(path -> under(v.name(), path, f.option().equals("Recursive")));
            case "Type" -> compare(f.option(), v.type().toString(), f.values());
            case "KeyId" -> v.keyId() != null && compare(f.option(), v.keyId(), f.values());
            case "Tier" -> compare(f.option(), v.tier().toString(), f.values());
            case "DataType" -> compare(f.option(), v.dataType(), f.values());
            default -> true; // Label: chose the version already
        };
    }

    private static boolean compare(String option, String actual, List<String> values) {
        return option.equals("BeginsWith") ? values.stream().anyMatch(actual::startsWith) : values.contains(actual);
    }

    /**
     * Whether a parameter is in the hierarchy below {@code path}: one level down (the parameter's parent is the
     * path), or at any depth. A name without a leading "/" is at the top level, as "/name" would be.
     */
    static boolean under(String name, String path, boolean recursive) {
        String full = ParameterNames.asPath(name);
        String prefix = path.endsWith("/") ? path : path + "/";
        if (!full.startsWith(prefix) || full.length() == prefix.length()) {
            return false;
        }
        return recursive || full.indexOf('/', prefix.length()) < 0;
    }
}
