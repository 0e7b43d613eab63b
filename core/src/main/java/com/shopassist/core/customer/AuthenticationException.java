package com.shopassist.core.customer;

import com.shopassist.core.common.ShopException;
import java.time.Instant;

/**
 * Sign-in refused. A wrong password, an unknown email and a locked account get the same answer
 * (BAD_CREDENTIALS), so none can be told from another. SIGN_IN_THROTTLED is about the kiosk, not
 * the account: it failed too often lately; {@code retryAt} says when it may try again.
 */
public class AuthenticationException extends ShopException {
    private final Instant retryAt;

    public AuthenticationException(String code, String message, Instant retryAt) {
        super(code, message);
        this.retryAt = retryAt;
    }

    public static AuthenticationException badCredentials() {
        return new AuthenticationException("BAD_CREDENTIALS", "Email or password is not right", null);
    }

    public static AuthenticationException throttled(Instant retryAt) {
        return new AuthenticationException(
                "SIGN_IN_THROTTLED", "Too many failed sign-ins at this kiosk: please wait a few minutes", retryAt);
    }

    /** When a throttled kiosk may try again; null for any other refusal. */
    public Instant retryAt() {
        return retryAt;
    }
}
