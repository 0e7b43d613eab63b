package com.shopassist.app.archcontrol;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** A control for ArchitectureTest: a view model holding a control of the scene graph. Never used. */
public final class LeakyViewModel {
    Label title;

    /** The same leak one class down: a row of the view model holding a node. */
    public static final class Row {
        Node node;
    }
}
