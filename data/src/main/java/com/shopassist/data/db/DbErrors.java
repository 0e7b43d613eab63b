package com.shopassist.data.db;

import com.shopassist.core.common.ShopException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Reads database failures: one line a store's IT person can act on, and what kind of failure it is. */
public final class DbErrors {
    private DbErrors() {}

    public static String describe(DbSettings settings, Throwable failure) {
        String where = settings.safeUrl();
        if (!settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return "Not a PostgreSQL JDBC URL: " + where + " (expected jdbc:postgresql://host:port/database)";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("28P01") || state.equals("28000")) {
                    return "Cannot sign in to the database at " + where + " as '" + settings.user()
                            + "': wrong user name or password";
                }
                if (state.equals("3D000")) {
                    return "The database named in " + where + " does not exist";
                }
                if (state.equals("55P03")) {
                    return "The database at " + where + " is busy: a table or row it needs stayed locked past the"
                            + " lock timeout (is a kiosk or another command still using it?)";
                }
                if (state.equals("57014")) {
                    return "The database at " + where + " cancelled a statement that ran past its time limit";
                }
                String text = String.valueOf(sql.getMessage());
                if (text.contains("SSL") || text.contains("certificate")) {
                    return "Cannot open a TLS connection to the database at " + where + ": "
                            + text.lines().findFirst().orElse(text) + " (check sslmode, sslrootcert)";
                }
                if (state.startsWith("08")) {
                    return "Cannot reach the database at " + where + ": is it running, and is the host and port right?";
                }
            }
            if (t instanceof ConnectException) {
                return "Cannot reach the database at " + where + ": connection refused (is it running?)";
            }
            if (t instanceof UnknownHostException) {
                return "Cannot reach the database at " + where + ": unknown host " + t.getMessage();
            }
        }
        String msg = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        // the driver wraps what its socket factory threw (the Cloud SQL connector without
        // credentials, say) as "something unusual": the factory's own words say more
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && String.valueOf(t.getMessage()).contains("Something unusual")) {
                Throwable said = t.getCause();
                if (said == null || said.getMessage() == null) break;
                Throwable root = said;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                msg = said.getMessage()
                        + (root != said && root.getMessage() != null ? " (" + root.getMessage() + ")" : "");
                break;
            }
        }
        return "Cannot use the database at " + where + ": "
                + msg.lines().findFirst().orElse(msg);
    }

    /**
     * Refused by the database's privileges or row-level security (SQLState 42501): what a kiosk
     * role meets when it asks for more than it is granted.
     */
    public static boolean isRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /**
     * The server gave up waiting: a lock held past {@code lock_timeout} (55P03), a statement past
     * {@code statement_timeout} or the driver's query timeout (57014), a deadlock (40P01). The
     * statement failed whole and its transaction rolls back, so trying again is safe.
     */
    public static boolean isBusy(Throwable failure) {
        return hasSqlState(failure, "55P03") || hasSqlState(failure, "57014") || hasSqlState(failure, "40P01");
    }

    /** What a shopper is told for {@link #isBusy}: code DB_BUSY, no database wording. */
    public static ShopException busy(Throwable failure) {
        return new ShopException(
                "DB_BUSY",
                "The store database is busy and gave up waiting; nothing was changed. Please try again in a moment.",
                failure);
    }

    /** The first line of the deepest database message in {@code failure}, else its own. */
    public static String firstLine(Throwable failure) {
        String msg = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) msg = t.getMessage();
            if (t.getCause() == t) break;
        }
        if (msg == null) msg = String.valueOf(failure.getMessage());
        return msg.lines().findFirst().orElse(msg).replaceFirst("^ERROR: ", "").strip();
    }

    /**
     * A lost or refused connection (SQLState class 08, a pool timeout, a closed pool), or a server
     * that is shutting down or starting (57P01-57P03: a restart ends every connection with these).
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) return true;
                String msg = sql.getMessage();
                if (msg != null && msg.contains("has been closed")) return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Whether the failure, or one of its causes, is an SQL error with this SQLSTATE. */
    public static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
