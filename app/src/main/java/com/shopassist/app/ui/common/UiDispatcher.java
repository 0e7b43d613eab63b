package com.shopassist.app.ui.common;

import javafx.application.Platform;

/**
 * Where view-model state changes run. The app applies them on the FX thread; tests use
 * {@link #direct()} so view models run without a toolkit.
 */
@FunctionalInterface
public interface UiDispatcher {

    void run(Runnable work);

    static UiDispatcher fx() {
        return work -> {
            if (Platform.isFxApplicationThread()) work.run();
            else Platform.runLater(work);
        };
    }

    static UiDispatcher direct() {
        return Runnable::run;
    }
}
