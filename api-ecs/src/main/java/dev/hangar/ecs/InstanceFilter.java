package dev.hangar.ecs;

import dev.hangar.ecs.domain.ContainerInstanceRecord;
import software.amazon.awssdk.services.ecs.model.Attribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListContainerInstances' filter, in a part of ECS's cluster query language: expressions joined by "and", each
 * {@code attribute:<name>} (present), {@code attribute:<name> == <value>} / {@code !=}, or {@code runningTasksCount}
 * compared with a number (== != &gt; &gt;= &lt; &lt;=). Anything else is refused rather than matched wrongly.
 */
record InstanceFilter(List<Expression> all) {

    private static final Pattern ATTRIBUTE =
            Pattern.compile("attribute:([A-Za-z0-9_.\\-]+)(?:\\s*(==|!=)\\s*([A-Za-z0-9_.\\-]+))?");
    private static final Pattern COUNT = Pattern.compile("runningTasksCount\\s*(==|!=|>=|<=|>|<)\\s*(\\d+)");

    interface Expression {
        boolean test(ContainerInstanceRecord instance, List<Attribute> attributes);
    }

    static InstanceFilter parse(String filter) {
        List<Expression> all = new ArrayList<>();
        if (filter == null || filter.isBlank()) {
            return new InstanceFilter(all);
        }
        for (String part : filter.trim().split("\\s+and\\s+")) {
            all.add(expression(part.trim(), filter));
        }
        return new InstanceFilter(all);
    }

    private static Expression expression(String part, String filter) {
        Matcher a = ATTRIBUTE.matcher(part);
        if (a.matches()) {
            String name = a.group(1);
            String op = a.group(2);
            String value = a.group(3);
            return (instance, attributes) -> {
                Attribute found = attributes.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (op == null) {
                    return found != null;
                }
                boolean equal = found != null && Objects.equals(found.value(), value);
                return op.equals("==") == equal;
            };
        }
        Matcher c = COUNT.matcher(part);
        if (c.matches()) {
            String op = c.group(1);
            int n = Integer.parseInt(c.group(2));
            return (instance, attributes) -> {
                int running = instance.remaining(null).runningTasks();
                return switch (op) {
                    case "==" -> running == n;
                    case "!=" -> running != n;
                    case ">=" -> running >= n;
                    case "<=" -> running <= n;
                    case ">" -> running > n;
                    default -> running < n;
                };
            };
        }
        throw EcsErrors.invalidParameter("Hangar does not understand this filter expression: " + filter
                + " (it takes attribute:<name> [== or != <value>] and runningTasksCount comparisons, joined by and)");
    }

    boolean test(ContainerInstanceRecord instance, List<Attribute> attributes) {
        return all.stream().allMatch(e -> e.test(instance, attributes));
    }
}
