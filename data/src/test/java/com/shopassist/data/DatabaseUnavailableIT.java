package com.shopassist.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableIT {

    @Test
    void aWriteWithoutADatabaseIsRefusedWithAClearMessage() {
        Database db = TestDatabase.fresh(2);
        CommerceServices s = CommerceServices.create(db, Clock.systemUTC(), CommerceSettings.defaults());
        db.close();
        assertThatThrownBy(() -> s.carts().add(CartOwner.guest("offline-kiosk"), 1, 1))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void aReadWithoutADatabaseSaysSoInsteadOfAMyBatisError() {
        Database db = TestDatabase.fresh(2);
        CommerceServices s = CommerceServices.create(db, Clock.systemUTC(), CommerceSettings.defaults());
        db.close();
        assertThatThrownBy(() -> s.catalog().search(ProductQuery.text("kettle")))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> s.carts().cart(CartOwner.guest("offline-kiosk")))
                .isInstanceOf(DataUnavailableException.class);
    }
}
