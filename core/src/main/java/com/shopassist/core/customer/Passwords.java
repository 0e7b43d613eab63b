package com.shopassist.core.customer;

import com.shopassist.core.common.ValidationException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Password rules and hashing: bcrypt cost 12. bcrypt reads at most 72 bytes, so a longer
 * password is rejected rather than silently truncated (two passwords sharing 72 bytes would
 * otherwise both work).
 */
public final class Passwords {

    public static final int COST = 12;
    public static final int MIN_CHARS = 8;
    public static final int MAX_BYTES = 72;

    /** A real hash of nothing anyone knows, so an unknown email costs as much time as a known one. */
    private static final class Dummy {
        static final String HASH = BCrypt.hashpw("no-one-knows-this-1", BCrypt.gensalt(COST));
    }

    private Passwords() {}

    /** @throws ValidationException (field "password") saying which rule is broken */
    public static void checkRules(char[] password) {
        if (password == null || password.length < MIN_CHARS) {
            throw new ValidationException(
                    "password", "password.short", "The password needs at least " + MIN_CHARS + " characters");
        }
        if (utf8Length(password) > MAX_BYTES) {
            throw new ValidationException(
                    "password",
                    "password.long",
                    "The password is too long: at most " + MAX_BYTES + " bytes (about 72 letters)");
        }
        boolean letter = false;
        boolean digit = false;
        for (char c : password) {
            if (Character.isLetter(c)) letter = true;
            if (Character.isDigit(c)) digit = true;
        }
        if (!letter || !digit) {
            throw new ValidationException(
                    "password", "password.letterAndDigit", "The password needs at least one letter and one digit");
        }
    }

    public static String hash(char[] password) {
        checkRules(password);
        return BCrypt.hashpw(new String(password), BCrypt.gensalt(COST));
    }

    /** False for a null hash (an anonymised account), a wrong password or one over 72 bytes. */
    public static boolean matches(char[] password, String hash) {
        if (password == null || utf8Length(password) > MAX_BYTES) {
            BCrypt.checkpw("x", Dummy.HASH);
            return false;
        }
        if (hash == null) {
            BCrypt.checkpw(new String(password), Dummy.HASH);
            return false;
        }
        try {
            return BCrypt.checkpw(new String(password), hash);
        } catch (IllegalArgumentException badHash) {
            return false;
        }
    }

    /** Spends a bcrypt's worth of time so a missing account cannot be told apart by timing. */
    public static void burn(char[] password) {
        BCrypt.checkpw(password == null ? "x" : new String(password), Dummy.HASH);
    }

    static int utf8Length(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        int n = bytes.remaining();
        Arrays.fill(bytes.array(), (byte) 0);
        return n;
    }
}
