package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.common.ShopException;
import com.shopassist.data.info.DbInfoMapper;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection carries its timeouts (decision 0082): the driver's read timeout, and the
 * server's statement, lock-wait and idle-transaction limits, whatever sends the statement.
 */
class PoolTimeoutsIT {

    @Test
    void aPooledConnectionCarriesTheReadTimeoutAndTheServersLimits() throws SQLException {
        try (Database db = TestDatabase.fresh(2);
                Connection c = db.dataSource().getConnection()) {
            assertThat(c.getNetworkTimeout()).isEqualTo(PgDriverDataSource.SOCKET_TIMEOUT_SECONDS * 1000);
            assertThat(show(c, "statement_timeout")).isEqualTo("30s");
            assertThat(show(c, "lock_timeout")).isEqualTo("15s");
            assertThat(show(c, "idle_in_transaction_session_timeout")).isEqualTo("1min");
        }
    }

    @Test
    void theUrlsOwnOptionsReplaceTheServersLimits() throws SQLException {
        try (Database db = TestDatabase.fresh(2)) {
            DbSettings own = new DbSettings(
                    db.settings().jdbcUrl() + "?options=-c%20lock_timeout%3D2s",
                    db.settings().user(),
                    db.settings().password(),
                    "test");
            try (Database tuned = Database.open(own, 1);
                    Connection c = tuned.dataSource().getConnection()) {
                assertThat(show(c, "lock_timeout")).isEqualTo("2s");
                assertThat(c.getNetworkTimeout()).isEqualTo(PgDriverDataSource.SOCKET_TIMEOUT_SECONDS * 1000);
            }
        }
    }

    @Test
    void aTableLockedPastTheLockTimeoutIsABusyAnswerNotADatabaseError() throws SQLException {
        try (Database db = TestDatabase.fresh(2)) {
            DbSettings quick = new DbSettings(
                    db.settings().jdbcUrl() + "?options=-c%20lock_timeout%3D300ms",
                    db.settings().user(),
                    db.settings().password(),
                    "test");
            try (Database kiosk = Database.open(quick, 1);
                    Connection holder = db.dataSource().getConnection();
                    Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("LOCK TABLE tbl_order IN ACCESS EXCLUSIVE MODE"); // a frozen reset, say
                try {
                    assertThatThrownBy(() -> kiosk.mapper(DbInfoMapper.class).realOrders())
                            .isInstanceOfSatisfying(
                                    ShopException.class,
                                    e -> assertThat(e.code()).isEqualTo("DB_BUSY"))
                            .hasMessageNotContaining("ERROR");
                } finally {
                    holder.rollback();
                }
                // the lock gone, the same call answers
                assertThat(kiosk.mapper(DbInfoMapper.class).realOrders()).isZero();
            }
        }
    }

    @Test
    void migrationConnectionsHaveNoLimits() throws SQLException {
        try (Database db = TestDatabase.fresh(2);
                Connection c = new PgDriverDataSource(db.settings(), 0).connect()) {
            assertThat(c.getNetworkTimeout()).isZero();
            assertThat(show(c, "statement_timeout")).isEqualTo("0");
            assertThat(show(c, "lock_timeout")).isEqualTo("0");
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
