package com.shopassist.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.common.ValidationException;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void seventyThreeBytesAreRejectedAndSeventyTwoAccepted() {
        char[] ok = ("a1" + "b".repeat(70)).toCharArray();
        char[] tooLong = ("a1" + "b".repeat(71)).toCharArray();
        Passwords.checkRules(ok);
        assertThatThrownBy(() -> Passwords.checkRules(tooLong)).isInstanceOf(ValidationException.class);
        assertThat(Passwords.matches(tooLong, Passwords.hash(ok))).isFalse();
    }

    @Test
    void hashesAreBcryptCost12AndVerify() {
        String hash = Passwords.hash("rahasia123".toCharArray());
        assertThat(hash).startsWith("$2a$12$");
        assertThat(Passwords.matches("rahasia123".toCharArray(), hash)).isTrue();
        assertThat(Passwords.matches("rahasia124".toCharArray(), hash)).isFalse();
        assertThat(Passwords.matches("rahasia123".toCharArray(), null)).isFalse();
    }
}
