package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.customer.AuthenticationException;
import com.shopassist.data.CommerceServices;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain SQL as a kiosk role runs it, for the tests of what the database lets a kiosk do. */
final class KioskSql {
    private KioskSql() {}

    /** The statement fails with SQLSTATE 42501 (insufficient privilege or row-level security). */
    static void assertDenied(Database db, String sql) {
        assertThatThrownBy(() -> execute(db, sql))
                .as(sql)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState())
                                .as(sql + ": " + e.getMessage())
                                .isEqualTo("42501"));
    }

    /** A sign-in refused with the one answer every refusal gets. */
    static void assertRefused(CommerceServices s, String email, String password) {
        assertThatThrownBy(() -> s.customers().login(email, password.toCharArray()))
                .isInstanceOfSatisfying(
                        AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("BAD_CREDENTIALS"));
    }

    /** The first column of the first row, a number. */
    static long count(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
