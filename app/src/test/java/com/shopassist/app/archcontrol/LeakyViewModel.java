package com.shopassist.app.archcontrol;

import javafx.scene.control.Label;

/** A control for ArchitectureTest: a view model holding a control of the scene graph. Never used. */
public final class LeakyViewModel {
    Label title;
}
