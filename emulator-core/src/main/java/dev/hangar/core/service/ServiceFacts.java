package dev.hangar.core.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What AWS's front end knows of a service's operations that the SDK for Java's model classes do not carry: each
 * operation's success status and the top-level members its input requires. Each api module has these generated
 * (docs/service-facts.md: scripts/generate-service-facts.sh, from the AWS SDK for JavaScript v3's schemas) and hands
 * them over on its {@link ServiceDescriptor}; core names no service.
 *
 * <p>The table form, one line per operation: {@code Operation status [member,member...]}, e.g.
 * {@code CreateFunction 201 FunctionName,Role,Code}. Parsed on first use, so a start pays only for a string constant.
 */
public final class ServiceFacts {

    /** No facts: every operation answers 200 and requires nothing beyond what the SDK's RequiredTrait says. */
    public static final ServiceFacts NONE = new ServiceFacts("");

    private record Operation(int successStatus, List<String> requiredMembers) {
    }

    private final String table;
    private volatile Map<String, Operation> operations;

    private ServiceFacts(String table) {
        this.table = table;
    }

    public static ServiceFacts of(String table) {
        return new ServiceFacts(table);
    }

    /** The HTTP status AWS answers on success (200 unless the model says otherwise). */
    public int successStatus(String operation) {
        Operation op = operations().get(operation);
        return op == null ? 200 : op.successStatus;
    }

    /** The input's required members (SDK member names), in model order; empty when none or unknown. */
    public List<String> requiredMembers(String operation) {
        Operation op = operations().get(operation);
        return op == null ? List.of() : op.requiredMembers;
    }

    /** Whether the table names this operation at all. */
    public boolean knows(String operation) {
        return operations().containsKey(operation);
    }

    /** Every operation the table names, sorted. */
    public Set<String> operationNames() {
        return new TreeSet<>(operations().keySet());
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> parsed = operations;
        if (parsed == null) {
            parsed = parse(table);
            operations = parsed;
        }
        return parsed;
    }

    private static Map<String, Operation> parse(String table) {
        Map<String, Operation> ops = new HashMap<>();
        for (String line : table.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("malformed service facts line: " + line);
            }
            List<String> required = parts.length == 3 ? List.of(parts[2].split(",")) : List.of();
            ops.put(parts[0], new Operation(Integer.parseInt(parts[1]), required));
        }
        return Map.copyOf(ops);
    }
}
