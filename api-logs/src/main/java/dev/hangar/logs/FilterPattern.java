package dev.hangar.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * CloudWatch Logs filter patterns for unstructured events: plain terms (all must occur), "quoted phrases",
 * ?term (at least one of them must occur), -term (must not occur) and %regex%, all case-sensitive substring
 * matches. JSON ({ $.x = ... }) and space-delimited ([a, b]) patterns are refused rather than matched loosely:
 * a filter that silently matched everything would hide exactly the events the user is looking for.
 */
final class FilterPattern implements Predicate<String> {

    static final FilterPattern ALL = new FilterPattern(List.of(), List.of(), List.of());

    private final List<Predicate<String>> required;
    private final List<Predicate<String>> anyOf;
    private final List<Predicate<String>> excluded;

    private FilterPattern(List<Predicate<String>> required, List<Predicate<String>> anyOf,
                          List<Predicate<String>> excluded) {
        this.required = required;
        this.anyOf = anyOf;
        this.excluded = excluded;
    }

    @Override
    public boolean test(String message) {
        for (Predicate<String> term : required) {
            if (!term.test(message)) {
                return false;
            }
        }
        for (Predicate<String> term : excluded) {
            if (term.test(message)) {
                return false;
            }
        }
        if (anyOf.isEmpty()) {
            return true;
        }
        for (Predicate<String> term : anyOf) {
            if (term.test(message)) {
                return true;
            }
        }
        return false;
    }

    static FilterPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return ALL;
        }
        String text = pattern.strip();
        if (text.startsWith("{")) {
            throw unsupported("JSON filter patterns ({ $.field = value })", pattern);
        }
        if (text.startsWith("[")) {
            throw unsupported("space-delimited filter patterns ([field1, field2, ...])", pattern);
        }
        List<Predicate<String>> required = new ArrayList<>();
        List<Predicate<String>> anyOf = new ArrayList<>();
        List<Predicate<String>> excluded = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<Predicate<String>> into = required;
            if (c == '?' || c == '-') {
                into = c == '?' ? anyOf : excluded;
                i++;
                if (i >= text.length() || Character.isWhitespace(text.charAt(i))) {
                    throw invalid(pattern, "'" + c + "' must be followed by a term");
                }
            }
            Term term = readTerm(text, i, pattern);
            into.add(term.predicate());
            i = term.end();
        }
        return new FilterPattern(List.copyOf(required), List.copyOf(anyOf), List.copyOf(excluded));
    }

    private record Term(Predicate<String> predicate, int end) {
    }

    private static Term readTerm(String text, int start, String pattern) {
        char c = text.charAt(start);
        if (c == '"') {
            StringBuilder phrase = new StringBuilder();
            int i = start + 1;
            while (i < text.length() && text.charAt(i) != '"') {
                if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                    i++;
                }
                phrase.append(text.charAt(i));
                i++;
            }
            if (i >= text.length()) {
                throw invalid(pattern, "unterminated quoted phrase");
            }
            String literal = phrase.toString();
            // AWS documents " " as the pattern that matches every event.
            Predicate<String> predicate = literal.isBlank() ? m -> true : m -> m.contains(literal);
            return new Term(predicate, i + 1);
        }
        if (c == '%') {
            int close = text.indexOf('%', start + 1);
            if (close < 0) {
                throw invalid(pattern, "unterminated %regex%");
            }
            return new Term(regex(text.substring(start + 1, close), pattern), close + 1);
        }
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            if (text.charAt(i) == '"') {
                throw invalid(pattern, "a quote inside a term; quote the whole phrase instead");
            }
            i++;
        }
        String literal = text.substring(start, i);
        return new Term(m -> m.contains(literal), i);
    }

    private static Predicate<String> regex(String expression, String pattern) {
        if (expression.isEmpty()) {
            throw invalid(pattern, "empty %regex%");
        }
        // AWS's regex subset has no groups; refusing them keeps patterns that work here working on AWS.
        if (expression.indexOf('(') >= 0 || expression.indexOf(')') >= 0) {
            throw invalid(pattern, "parentheses are not supported in %regex% patterns");
        }
        try {
            Pattern compiled = Pattern.compile(expression);
            return m -> compiled.matcher(m).find();
        } catch (PatternSyntaxException e) {
            throw invalid(pattern, "invalid %regex%: " + e.getDescription());
        }
    }

    private static RuntimeException unsupported(String what, String pattern) {
        return LogsErrors.invalidParameter(what + " are not supported by Hangar yet; filter pattern: " + pattern
                + ". Supported: terms, \"quoted phrases\", ?term, -term and %regex%.");
    }

    private static RuntimeException invalid(String pattern, String why) {
        return LogsErrors.invalidParameter("Invalid filter pattern: " + pattern + " (" + why + ")");
    }
}
