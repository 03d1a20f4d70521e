package dev.hangar.core.port;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account a request is made in, from the access key id that signed it. A temporary key that Hangar issued
 * (STS, a task or function role) belongs to the account it was issued in; any other 12-digit key id is itself the
 * account id (LocalStack's convention, so that tests can pick an account); everything else is the default account.
 */
public final class Accounts {

    private final String defaultAccount;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    public Accounts(String defaultAccount) {
        this.defaultAccount = defaultAccount;
    }

    public String defaultAccount() {
        return defaultAccount;
    }

    /** The account of a request signed with this key id; the default account for null (unsigned). */
    public String accountOf(String accessKeyId) {
        if (accessKeyId == null) {
            return defaultAccount;
        }
        String known = issued.get(accessKeyId);
        if (known != null) {
            return known;
        }
        return isAccountId(accessKeyId) ? accessKeyId : defaultAccount;
    }

    /** Records a key Hangar issued, so requests signed with it are made in that account. */
    public void issued(String accessKeyId, String account) {
        if (!isAccountId(account)) {
            throw new IllegalArgumentException("not an account id: " + account);
        }
        issued.put(accessKeyId, account);
    }

    /** Forgets a key (expired, or its session was revoked). */
    public void revoked(String accessKeyId) {
        issued.remove(accessKeyId);
    }

    public static boolean isAccountId(String text) {
        if (text == null || text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
