package com.shopassist.app.ui;

import com.shopassist.app.AppContext;
import java.util.List;

/** The desktop (and kiosk) window: {@code java -jar shopassist.jar [--kiosk] [--lang=id] ...}. */
public final class DesktopLauncher {

    private DesktopLauncher() {}

    /** Opens the window and blocks until it is closed. */
    public static void launch(AppContext ctx, List<String> args) {
        UiOptions options = UiOptions.parse(args, UiOptions.fromSettings(ctx::setting));
        // the database first: a store database that cannot be reached is reported on the console
        UiServices services = UiServicesFactory.offline(ctx.commerce(), ctx.database(), ctx.clock());
        UiLauncher.run(services, options);
    }
}
