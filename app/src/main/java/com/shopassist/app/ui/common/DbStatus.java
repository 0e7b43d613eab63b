package com.shopassist.app.ui.common;

import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether the store database answers. Any call that fails with DataUnavailableException marks it
 * down at once; the shell's probe marks it up again when the database is back.
 */
public final class DbStatus {
    private final ReadOnlyBooleanWrapper up = new ReadOnlyBooleanWrapper(true);
    private final BooleanSupplier probe;

    public DbStatus(BooleanSupplier probe) {
        this.probe = probe;
    }

    public ReadOnlyBooleanProperty upProperty() {
        return up.getReadOnlyProperty();
    }

    public boolean isUp() {
        return up.get();
    }

    public void markDown() {
        up.set(false);
    }

    public void set(boolean isUp) {
        up.set(isUp);
    }

    /** Asks the database (may block for a couple of seconds: call it off the FX thread). */
    public boolean probe() {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
