package dev.hangar.lambda.invoke;

import dev.hangar.core.service.AwsException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lambda's concurrency accounting per account and region: a function with reserved concurrency runs at most that
 * many invocations at once, the others share what the reservations leave of the account limit. An invocation holds
 * its permit from the call until its answer (cold start included), as AWS counts it.
 */
final class ConcurrencyLimiter {

    static final String RESERVED_EXCEEDED = "ReservedFunctionConcurrentInvocationLimitExceeded";
    static final String ACCOUNT_EXCEEDED = "ConcurrentInvocationLimitExceeded";

    private final int accountLimit;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    ConcurrencyLimiter(int accountLimit) {
        this.accountLimit = accountLimit;
    }

    /** Throws TooManyRequestsException (429) with AWS's Reason when no concurrency is left. */
    Permit acquire(RunnableFunction fn) {
        Account account = accounts.computeIfAbsent(fn.account() + "/" + fn.region(), k -> new Account());
        return account.acquire(fn.functionArn(), fn.reservedConcurrency());
    }

    static AwsException throttled(String reason) {
        return new AwsException("TooManyRequestsException", 429, true, "Rate Exceeded.",
                Map.of("Reason", reason, "Type", "User"));
    }

    /** Released once, whatever the number of calls. */
    interface Permit {
        void release();
    }

    private final class Account {
        /** Reservations of the functions seen so far: the control plane owns them, invocations report them. */
        private final Map<String, Integer> reserved = new HashMap<>();
        private final Map<String, Integer> inFlight = new HashMap<>();
        private int reservedTotal;
        private int unreservedInFlight;

        synchronized Permit acquire(String functionArn, Integer reservation) {
            updateReservation(functionArn, reservation);
            int running = inFlight.getOrDefault(functionArn, 0);
            if (reservation != null) {
                if (running >= reservation) {
                    throw throttled(RESERVED_EXCEEDED);
                }
            } else if (unreservedInFlight >= Math.max(0, accountLimit - reservedTotal)) {
                throw throttled(ACCOUNT_EXCEEDED);
            }
            inFlight.put(functionArn, running + 1);
            boolean fromUnreserved = reservation == null;
            if (fromUnreserved) {
                unreservedInFlight++;
            }
            AtomicBoolean released = new AtomicBoolean();
            return () -> {
                if (released.compareAndSet(false, true)) {
                    release(functionArn, fromUnreserved);
                }
            };
        }

        private synchronized void release(String functionArn, boolean fromUnreserved) {
            inFlight.computeIfPresent(functionArn, (k, n) -> n <= 1 ? null : n - 1);
            if (fromUnreserved) {
                unreservedInFlight--;
            }
        }

        private void updateReservation(String functionArn, Integer reservation) {
            Integer before = reservation == null ? reserved.remove(functionArn) : reserved.put(functionArn, reservation);
            reservedTotal += (reservation == null ? 0 : reservation) - (before == null ? 0 : before);
        }
    }
}
