package dev.hangar.secretsmanager;

import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetRandomPassword with its parameters honoured: length (32 by default), the excluded characters and character
 * types, the space, and at least one character of every included type unless RequireEachIncludedType is false.
 * A password is a secret, so it comes from SecureRandom.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
final class PasswordHandlers {

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    /** The punctuation ExcludePunctuation names. */
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final SecureRandom random = new SecureRandom();

    public GetRandomPasswordResponse getRandomPassword(RequestContext ctx, GetRandomPasswordRequest r) {
        SecretsManagerErrors.validation().range(r.passwordLength(), "passwordLength", 1, 4096)
                .length(r.excludeCharacters(), "excludeCharacters", 0, 4096).throwIfAny();
        int length = r.passwordLength() == null ? 32 : r.passwordLength().intValue();
        String excluded = r.excludeCharacters() == null ? "" : r.excludeCharacters();
        List<String> types = new ArrayList<>(5);
        addType(types, LOWER, r.excludeLowercase(), excluded);
        addType(types, UPPER, r.excludeUppercase(), excluded);
        addType(types, DIGITS, r.excludeNumbers(), excluded);
        addType(types, PUNCTUATION, r.excludePunctuation(), excluded);
        String space = Boolean.TRUE.equals(r.includeSpace()) && excluded.indexOf(' ') < 0 ? " " : "";
        String all = String.join("", types) + space;
        if (all.isEmpty()) {
            throw SecretsManagerErrors.invalidParameter(
                    "The password cannot be generated: every character is excluded.");
        }
        boolean eachType = r.requireEachIncludedType() == null || r.requireEachIncludedType();
        if (eachType && length < types.size()) {
            throw SecretsManagerErrors.invalidParameter("Password length is too short based on the required types.");
        }
        List<Character> chars = new ArrayList<>(length);
        if (eachType) {
            types.forEach(type -> chars.add(pick(type)));
        }
        while (chars.size() < length) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, random);
        StringBuilder out = new StringBuilder(length);
        chars.forEach(out::append);
        return GetRandomPasswordResponse.builder().randomPassword(out.toString()).build();
    }

    private static void addType(List<String> types, String chars, Boolean exclude, String excluded) {
        if (Boolean.TRUE.equals(exclude)) {
            return;
        }
        StringBuilder kept = new StringBuilder(chars.length());
        chars.chars().filter(c -> excluded.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        if (!kept.isEmpty()) {
            types.add(kept.toString());
        }
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }
}
