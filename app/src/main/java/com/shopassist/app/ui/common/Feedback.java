package com.shopassist.app.ui.common;

import com.shopassist.core.cart.DefaultCartService;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.customer.AuthenticationException;
import com.shopassist.core.customer.Passwords;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.stock.StockShortage;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Short messages for the shopper (shown as a toast by the shell). Turns any failure into a
 * friendly sentence in the current language: never a stack trace, never an exception's class name.
 */
public final class Feedback {

    public enum Level {
        INFO,
        SUCCESS,
        WARNING,
        ERROR
    }

    /** One message; {@code seq} makes two equal messages in a row still count as new. */
    public record Note(Level level, String text, long seq) {}

    private final I18n i18n;
    private final DbStatus db;
    private final ReadOnlyObjectWrapper<Note> latest = new ReadOnlyObjectWrapper<>();
    private long seq;

    public Feedback(I18n i18n, DbStatus db) {
        this.i18n = i18n;
        this.db = db;
    }

    public ReadOnlyObjectProperty<Note> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public Note latest() {
        return latest.get();
    }

    public void info(String key, Object... args) {
        post(Level.INFO, i18n.t(key, args));
    }

    public void success(String key, Object... args) {
        post(Level.SUCCESS, i18n.t(key, args));
    }

    public void warning(String key, Object... args) {
        post(Level.WARNING, i18n.t(key, args));
    }

    public void error(Throwable failure) {
        post(Level.ERROR, describe(failure));
    }

    public void post(Level level, String text) {
        latest.set(new Note(level, text, ++seq));
    }

    /** A friendly sentence for a failure, in the current language. */
    public String describe(Throwable failure) {
        Throwable e = failure;
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        if (unreachable(e)) {
            db.markDown();
            return i18n.t("error.database");
        }
        if (e instanceof InsufficientStockException s) {
            return stock(s.productName(), s.available());
        }
        if (e instanceof StockShortage s) {
            return stock(s.productName(), s.available());
        }
        if (e instanceof VoucherNotApplicableException v) {
            return voucherRejected(v.voucherCode(), v.reason());
        }
        if (e instanceof ValidationException v) {
            return validation(v);
        }
        if (e instanceof AuthenticationException a && a.retryAt() != null) {
            // a throttled kiosk: the store sets the window, so say how long this one still has
            long seconds = java.time.Duration.between(java.time.Instant.now(), a.retryAt())
                    .toSeconds();
            return i18n.t("error.lockedMinutes", Math.max(1, (seconds + 59) / 60));
        }
        if (e instanceof ShopException s && s.code() != null && i18n.has(codeKey(s.code()))) {
            return i18n.t(codeKey(s.code()));
        }
        // anything else a service says is English and may be technical: not for the shopper
        return i18n.t("error.unexpected");
    }

    private String stock(String productName, int available) {
        return available <= 0
                ? i18n.t("error.stock.soldOut", productName)
                : i18n.t("error.stock.only", available, productName);
    }

    /** Why a voucher cannot be used, in the current language. */
    public String voucherRejected(String code, VoucherRejection reason) {
        return i18n.t("voucher.rejected." + reason.name(), code);
    }

    /**
     * A rule the input broke, worded by its stable reason ({@code error.field.email.taken}), else
     * by its field; a reason no bundle knows gets a general sentence, never the English message.
     */
    private String validation(ValidationException v) {
        for (String key : new String[] {"error.field." + v.reason(), "error.field." + v.field()}) {
            if (i18n.has(key)) {
                return i18n.t(key, Passwords.MIN_CHARS, Passwords.MAX_BYTES, DefaultCartService.MAX_LINE_QUANTITY);
            }
        }
        return i18n.t(codeKey("VALIDATION"));
    }

    /** The bundle key for a service error code ({@code ShopException.code()}). */
    public static String codeKey(String code) {
        return "DATA_UNAVAILABLE".equals(code) ? "error.database" : "error.code." + code;
    }

    /**
     * The store database did not answer (its connection failed, or the kiosk answers from its
     * replica, which holds no customer data): what a screen says in one line instead of an error.
     */
    public static boolean unreachable(Throwable failure) {
        Throwable e = failure;
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e instanceof DataUnavailableException || isConnectionProblem(e);
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
