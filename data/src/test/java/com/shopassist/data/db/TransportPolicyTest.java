package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.common.ShopException;
import org.junit.jupiter.api.Test;

class TransportPolicyTest {

    static DbSettings url(String url) {
        return new DbSettings(url, "kiosk", "pw", "test");
    }

    @Test
    void aRemoteDatabaseNeedsVerifiedTlsAndTheRefusalNamesSslmode() {
        for (String u : new String[] {
            "jdbc:postgresql://db.store.example:5432/shop",
            "jdbc:postgresql://10.0.0.5/shop?sslmode=prefer",
            "jdbc:postgresql://10.0.0.5/shop?sslmode=disable",
            "jdbc:postgresql://localhost,db.store.example/shop",
        }) {
            assertThatThrownBy(() -> TransportPolicy.check(url(u)))
                    .as(u)
                    .isInstanceOfSatisfying(ShopException.class, e -> {
                        assertThat(e.code()).isEqualTo("INSECURE_DATABASE_URL");
                        assertThat(e.getMessage())
                                .contains("sslmode=verify-full")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void requireIsAcceptedOnlyWhenTheStoreSaysSo() {
        String u = "jdbc:postgresql://db.store.example/shop?sslmode=require";
        assertThatThrownBy(() -> TransportPolicy.check(url(u))).hasMessageContaining("db.allow-unverified-tls=true");
        assertThatCode(() -> TransportPolicy.check(new DbSettings(u, "kiosk", "pw", "test", true)))
                .doesNotThrowAnyException();
    }

    @Test
    void verifiedTlsLoopbackAndTheCloudSqlConnectorPass() {
        for (String u : new String[] {
            "jdbc:postgresql://db.store.example/shop?sslmode=verify-full&sslrootcert=/etc/ca.pem",
            "jdbc:postgresql://db.store.example/shop?SSLMODE=verify-full",
            "jdbc:postgresql://db.store.example/shop?ssl=true",
            "jdbc:postgresql://localhost:5432/shop",
            "jdbc:postgresql://127.0.0.1/shop",
            "jdbc:postgresql://[::1]:5432/shop",
            "jdbc:postgresql:shop",
            "jdbc:postgresql:///shop?cloudSqlInstance=p:r:i&socketFactory=com.google.cloud.sql.postgres.SocketFactory"
                    + "&enableIamAuth=true",
            "jdbc:postgresql://10.1.2.3/shop?socketFactory=com.google.cloud.sql.postgres.SocketFactory",
        }) {
            assertThatCode(() -> TransportPolicy.check(url(u))).as(u).doesNotThrowAnyException();
        }
    }
}
