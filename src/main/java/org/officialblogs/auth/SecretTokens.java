package org.officialblogs.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable bearer tokens (session cookies, private status links, CSRF tokens): 256 random bits from
 * {@link SecureRandom}, URL-safe Base64 without padding. Only {@link #hash} of a token is ever stored.
 */
public final class SecretTokens {

    /** 32 bytes = 256 bits: far beyond guessing, and 43 characters in a URL. */
    static final int BYTES = 32;

    private final SecureRandom random;

    public SecretTokens(SecureRandom random) {
        this.random = random;
    }

    public SecretTokens() {
        this(new SecureRandom());
    }

    public String generate() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the text has the shape of a token we issue (so junk never reaches the database). */
    public static boolean looksLikeToken(String s) {
        return s != null && s.length() == 43 && s.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    /** SHA-256 of the token, in hex: what the database keeps. A fast hash suffices for 256-bit random input. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
