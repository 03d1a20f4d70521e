package dev.hangar.ssm;

import software.amazon.awssdk.services.ssm.model.AccessDeniedException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parameter Store's naming rules (the PutParameter reference's "Naming Constraints"): letters, digits and _ . - with
 * "/" between the levels of a hierarchy, a hierarchy of at most 15 levels that starts with "/", no "aws" or "ssm"
 * prefix in any case, spaces at either end removed and spaces inside refused. Also the selectors GetParameter(s)
 * take: {@code name}, {@code name:version} and {@code name:label}.
 */
final class ParameterNames {

    static final int MAX_LEVELS = 15;
    private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
    private static final Pattern VERSION = Pattern.compile("[0-9]+");

    static final String INVALID = "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a "
            + "path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of "
            + "letters, numbers and the following 3 symbols .-_";
    static final String RESERVED = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).";
    static final String NOT_QUALIFIED = "Parameter name must be a fully qualified name.";

    private ParameterNames() {
    }

    /** A name as PutParameter takes it: checked, its outer spaces removed. */
    static String forPut(String raw) {
        String name = checkedLength(raw, "name");
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String lower = bare.toLowerCase(Locale.ROOT);
        boolean path = name.indexOf('/', 1) > 0;
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            if (path && name.toLowerCase(Locale.ROOT).startsWith("/aws")) {
                throw AccessDeniedException.builder()
                        .message("No access to reserved parameter name: " + name + ".").build();
            }
            throw SsmErrors.validation(path ? INVALID : RESERVED);
        }
        if (!CHARACTERS.matcher(name).matches() || name.contains("//") || name.endsWith("/") || name.equals("/")) {
            throw SsmErrors.validation(INVALID);
        }
        if (name.indexOf('/') > 0) {
            throw SsmErrors.validation(NOT_QUALIFIED);
        }
        if (levels(name) > MAX_LEVELS) {
            throw SsmErrors.hierarchyTooDeep();
        }
        return name;
    }

    /** A name (or selector) as reading operations take it: within the model's length, outer spaces removed. */
    static String forRead(String raw, String member) {
        return checkedLength(raw, member);
    }

    private static String checkedLength(String raw, String member) {
        if (raw == null) {
            throw SsmErrors.validation().missing(member).error();
        }
        String name = raw.strip();
        SsmErrors.validation().length(name, member, 1, 2048).throwIfAny();
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw SsmErrors.validation(INVALID);
        }
        return name;
    }

    /** The levels of a name: "/a/b/c" has three, "a" one. */
    static int levels(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        return bare.isEmpty() ? 0 : bare.split("/", -1).length;
    }

    /** The name of a parameter as a hierarchy sees it: "x" is the top-level "/x". */
    static String asPath(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    /**
     * A selector of GetParameter(s): the name and, after a colon, a version number or a label.
     *
     * @param version the version asked for, or null
     * @param label   the label asked for, or null
     */
    record Selector(String name, Long version, String label, String text) {

        static Selector parse(String text) {
            // an ARN's own colons come before "parameter/"; a selector's colon comes after the name
            int from = text.startsWith("arn:") ? Math.max(0, text.indexOf(":parameter/") + 1) : 0;
            int colon = text.indexOf(':', from);
            if (colon < 0) {
                return new Selector(text, null, null, text);
            }
            String name = text.substring(0, colon);
            String suffix = text.substring(colon + 1);
            if (VERSION.matcher(suffix).matches()) {
                try {
                    return new Selector(name, Long.parseLong(suffix), null, text);
                } catch (NumberFormatException e) {
                    return new Selector(name, Long.MAX_VALUE, null, text); // no such version
                }
            }
            return new Selector(name, null, suffix, text);
        }

        /** ":3" or ":label", as the Selector member of a Parameter shows it; null without one. */
        String shown() {
            return version != null ? ":" + version : label != null ? ":" + label : null;
        }
    }
}
