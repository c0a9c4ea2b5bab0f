package org.officialblogs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void argon2idHashesAreSaltedAndVerify() {
        PasswordHasher hasher = PasswordHasher.OWASP_MINIMUM;
        String a = hasher.hash("correct horse battery staple".toCharArray());
        String b = hasher.hash("correct horse battery staple".toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("correct horse battery staple".toCharArray(), a)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler".toCharArray(), a)).isFalse();
        assertThat(hasher.matches("".toCharArray(), a)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$2a$10$notargon")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$argon2id$garbage")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
    }

    @Test
    void aHashCarriesItsParametersSoStrongerSettingsStillReadOlderHashes() {
        String weak = new PasswordHasher(8 * 1024, 1, 1).hash("pässwörd mit ümläuten".toCharArray());
        assertThat(weak).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
        assertThat(PasswordHasher.OWASP_MINIMUM.matches("pässwörd mit ümläuten".toCharArray(), weak)).isTrue();
    }
}
