package dev.hangar.core.state;

import dev.hangar.core.service.RequestContext;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/** A service's state, one instance of S per account and region, created on first use (moto's backend-per-region). */
public final class AccountRegionStore<S> {

    private record Key(String account, String region) {
    }

    private final ConcurrentMap<Key, S> states = new ConcurrentHashMap<>();
    private final BiFunction<String, String, S> factory;

    /** @param factory (account, region) → a fresh, empty state */
    public AccountRegionStore(BiFunction<String, String, S> factory) {
        this.factory = factory;
    }

    public S get(RequestContext ctx) {
        return get(ctx.accountId(), ctx.region());
    }

    public S get(String account, String region) {
        Key key = new Key(account, region);
        S state = states.get(key);
        return state != null ? state : states.computeIfAbsent(key, k -> factory.apply(k.account(), k.region()));
    }

    public Collection<S> all() {
        return states.values();
    }

    /** Each account and region's state with its keys (for the web console, which shows them per account). */
    public void forEach(Visitor<S> visitor) {
        states.forEach((key, state) -> visitor.visit(key.account(), key.region(), state));
    }

    public interface Visitor<S> {
        void visit(String account, String region, S state);
    }

    public void clear() {
        states.clear();
    }
}
