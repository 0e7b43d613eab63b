package com.shopassist.app.cli;

import com.shopassist.app.AppContext;
import java.io.PrintStream;

/** Runs after {@code db seed} (and the first-start seed): a stub its owner replaces. */
public final class SeedHooks {
    private SeedHooks() {}

    public static void afterSeed(AppContext ctx, PrintStream out) {
        // nothing yet
    }
}
