package dev.hangar.core.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request the reader cannot turn into the model: wrong JSON type, bad number, bad base64. It collects the member
 * path on its way up (so the happy path builds no path strings) and the codec turns it into the service's error.
 */
final class BadInput extends RuntimeException {

    private final String problem;
    private final Deque<String> path = new ArrayDeque<>();

    BadInput(String problem) {
        super(problem, null, false, false);
        this.problem = problem;
    }

    /** Called by each enclosing level, innermost first: a member name or a "[index]"/"{key}" step. */
    BadInput at(String step) {
        path.addFirst(step);
        return this;
    }

    @Override
    public String getMessage() {
        if (path.isEmpty()) {
            return problem;
        }
        StringBuilder where = new StringBuilder();
        for (String step : path) {
            if (where.length() > 0 && !step.startsWith("[")) {
                where.append('.');
            }
            where.append(step);
        }
        return problem + " (at '" + where + "')";
    }
}
