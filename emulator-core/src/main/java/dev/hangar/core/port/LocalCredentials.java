package dev.hangar.core.port;

import dev.hangar.core.time.HangarClock;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials Hangar mints itself: an ASIA… key id (as STS's temporary keys are), a 40-character secret and a session
 * token, recorded in {@link Accounts} so that calls signed with them are made in the role's account. Trust policies
 * are not evaluated here; IAM and STS, once wired, provide the port instead.
 */
public final class LocalCredentials implements CredentialsPort {

    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/.+");
    private static final Pattern SESSION = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final Accounts accounts;
    private final HangarClock clock;
    /** Made at the first issue, not at start: seeding it is work a start need not do. */
    private volatile SecureRandom random;

    public LocalCredentials(Accounts accounts, HangarClock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public TemporaryCredentials assumeRole(String roleArn, String sessionName, Duration duration) {
        Matcher role = roleArn == null ? null : ROLE.matcher(roleArn);
        if (role == null || !role.matches()) {
            throw new IllegalArgumentException("not a role ARN: " + roleArn);
        }
        if (sessionName == null || !SESSION.matcher(sessionName).matches()) {
            throw new IllegalArgumentException("not a role session name: " + sessionName);
        }
        String account = role.group(1);
        String keyId = "ASIA" + text(KEY_CHARS, 16);
        accounts.issued(keyId, account);
        return new TemporaryCredentials(keyId, text(SECRET_CHARS, 40), text(SECRET_CHARS, 356),
                clock.now().plus(duration), account, roleArn, sessionName);
    }

    private String text(char[] alphabet, int length) {
        SecureRandom random = this.random;
        if (random == null) {
            random = new SecureRandom();
            this.random = random;
        }
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
