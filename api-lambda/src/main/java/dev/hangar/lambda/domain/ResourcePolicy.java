package dev.hangar.lambda.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A function's (or version's) resource-based policy: its statements in the order they were added. */
public final class ResourcePolicy {

    private final List<Map<String, Object>> statements = new ArrayList<>();

    public synchronized boolean has(String sid) {
        return statements.stream().anyMatch(s -> sid.equals(s.get("Sid")));
    }

    /** False when a statement with that Sid exists already. */
    public synchronized boolean add(Map<String, Object> statement) {
        if (has((String) statement.get("Sid"))) {
            return false;
        }
        statements.add(statement);
        return true;
    }

    public synchronized boolean remove(String sid) {
        return statements.removeIf(s -> sid.equals(s.get("Sid")));
    }

    public synchronized boolean isEmpty() {
        return statements.isEmpty();
    }

    public synchronized List<Map<String, Object>> statements() {
        return List.copyOf(statements);
    }
}
