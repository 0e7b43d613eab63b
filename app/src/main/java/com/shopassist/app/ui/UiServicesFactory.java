package com.shopassist.app.ui;

import com.shopassist.ai.offline.OfflineAssistant;
import com.shopassist.ai.tools.CoreShopTools;
import com.shopassist.ai.tools.ShopTools;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import java.sql.Connection;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The one place the UI's services are put together (until the composition root hands them over
 * itself): the commerce services, the shared tool layer and the offline assistant over them.
 */
public final class UiServicesFactory {
    private UiServicesFactory() {}

    /** Commerce services over {@code db}, the tool layer, and the offline assistant answering alone. */
    public static UiServices offline(CommerceServices commerce, Database db, Clock clock) {
        ShopTools tools = tools(commerce, clock);
        return with(commerce, tools, new OfflineAssistant(tools), probe(db), false);
    }

    public static UiServices with(
            CommerceServices c, ShopTools tools, ShoppingAssistant assistant, BooleanSupplier probe, boolean online) {
        return new UiServices(
                c.catalog(),
                c.carts(),
                c.vouchers(),
                c.checkout(),
                c.orders(),
                c.customers(),
                c.privacy(),
                c.stock(),
                assistant,
                tools,
                probe,
                online);
    }

    public static CoreShopTools tools(CommerceServices c, Clock clock) {
        return new CoreShopTools(
                c.catalog(), c.stock(), c.carts(), c.vouchers(), c.checkout(), c.orders(), c.customers(), null, clock);
    }

    /** True when a connection can be had and answers within two seconds. */
    public static BooleanSupplier probe(Database db) {
        return () -> {
            try (Connection c = db.dataSource().getConnection()) {
                return c.isValid(2);
            } catch (Exception e) {
                return false;
            }
        };
    }
}
