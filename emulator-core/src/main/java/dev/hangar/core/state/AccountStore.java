package dev.hangar.core.state;

import dev.hangar.core.service.RequestContext;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A service's state, one instance of S per account whatever the region, for the global services (IAM: a role
 * made in us-east-1 is the same role in eu-west-1). State per account and region is {@link AccountRegionStore};
 * state shared by every account (an OIDC issuer's keys) is a plain field of the service.
 */
public final class AccountStore<S> {

    private final ConcurrentMap<String, S> states = new ConcurrentHashMap<>();
    private final Function<String, S> factory;

    /** @param factory account → a fresh, empty state */
    public AccountStore(Function<String, S> factory) {
        this.factory = factory;
    }

    public S get(RequestContext ctx) {
        return get(ctx.accountId());
    }

    public S get(String account) {
        S state = states.get(account);
        return state != null ? state : states.computeIfAbsent(account, factory);
    }

    public Collection<S> all() {
        return states.values();
    }

    public void clear() {
        states.clear();
    }
}
