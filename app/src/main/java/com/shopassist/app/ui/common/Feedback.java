package com.shopassist.app.ui.common;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.customer.AuthenticationException;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.voucher.VoucherNotApplicableException;
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
        if (e instanceof DataUnavailableException || isConnectionProblem(e)) {
            db.markDown();
            return i18n.t("error.database");
        }
        if (e instanceof InsufficientStockException s) {
            return s.available() <= 0
                    ? i18n.t("error.stock.soldOut", s.productName())
                    : i18n.t("error.stock.only", s.available(), s.productName());
        }
        if (e instanceof VoucherNotApplicableException v) {
            return i18n.t("voucher.rejected." + v.reason().name(), v.voucherCode());
        }
        if (e instanceof AuthenticationException a) {
            return "ACCOUNT_LOCKED".equals(a.code()) ? i18n.t("error.auth.locked") : i18n.t("error.auth.bad");
        }
        if (e instanceof ValidationException v) {
            return i18n.t("error.validation", v.getMessage());
        }
        if (e instanceof NotFoundException) {
            return i18n.t("error.notFound");
        }
        if (e instanceof ShopException s && s.getMessage() != null) {
            return s.getMessage();
        }
        return i18n.t("error.unexpected");
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
