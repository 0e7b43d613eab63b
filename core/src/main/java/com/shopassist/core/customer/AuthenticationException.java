package com.shopassist.core.customer;

import com.shopassist.core.common.ShopException;
import java.time.Instant;

/** Sign-in refused. Never says whether the email exists. {@code lockedUntil} is set when locked. */
public class AuthenticationException extends ShopException {
    private final Instant lockedUntil;

    public AuthenticationException(String code, String message, Instant lockedUntil) {
        super(code, message);
        this.lockedUntil = lockedUntil;
    }

    public static AuthenticationException badCredentials() {
        return new AuthenticationException("BAD_CREDENTIALS", "Email or password is not right", null);
    }

    public static AuthenticationException locked(Instant until) {
        return new AuthenticationException(
                "ACCOUNT_LOCKED", "Too many failed sign-ins: the account is locked for a while", until);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
