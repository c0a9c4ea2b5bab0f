package org.officialblogs.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes moderators' passwords with Argon2id (RFC 9106), the memory-hard winner of the Password Hashing
 * Competition and OWASP's first choice, through password4j. The stored form is the standard PHC string, which
 * carries its own parameters, so the cost can be raised later without invalidating existing hashes.
 */
public final class PasswordHasher {

    /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
    public static final PasswordHasher OWASP_MINIMUM = new PasswordHasher(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    /** Made on the first hash: password4j's set-up (its properties, its random source) is not start-up work. */
    private volatile Argon2Function function;

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public String hash(char[] password) {
        return Password.hash(java.nio.CharBuffer.wrap(password)).addRandomSalt(SALT_BYTES).with(function()).getResult();
    }

    private Argon2Function function() {
        Argon2Function f = function;
        if (f == null) {
            f = Argon2Function.getInstance(memoryKiB, iterations, parallelism, HASH_BYTES, Argon2.ID,
                    Argon2Function.ARGON2_VERSION_13);
            function = f;
        }
        return f;
    }

    /** True when the password matches the stored hash; false for any hash this class cannot read. */
    public boolean matches(char[] password, String storedHash) {
        if (storedHash == null || !storedHash.startsWith("$argon2id$")) return false;
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(java.nio.CharBuffer.wrap(password), storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
