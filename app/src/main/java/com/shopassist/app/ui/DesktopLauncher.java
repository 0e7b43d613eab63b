package com.shopassist.app.ui;

import com.shopassist.app.AppContext;
import java.util.List;

/**
 * The desktop (and kiosk) window: {@code java -jar shopassist.jar [--kiosk] [--lang=id] [--dark]
 * [--offline] ...}. Services, tool layer and assistant come from the application context.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {}

    /** Opens the window and blocks until it is closed. */
    public static void launch(AppContext ctx, List<String> args) {
        UiOptions options = UiOptions.parse(args, UiOptions.fromSettings(ctx::setting));
        boolean offlineOnly = args.contains("--offline");
        boolean geminiKey = !offlineOnly && ctx.setting("gemini.api-key", "GEMINI_API_KEY", null) != null;
        // the database, services and assistant are built while the FX toolkit starts; a store
        // database that cannot be reached fails here, on the console, before any window
        UiLauncher.run(
                () -> UiServicesFactory.with(
                        ctx.commerce(),
                        ctx.tools(),
                        ctx.assistant(offlineOnly),
                        UiServicesFactory.probe(ctx.database()),
                        geminiKey),
                options);
    }
}
