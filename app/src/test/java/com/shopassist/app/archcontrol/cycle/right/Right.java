package com.shopassist.app.archcontrol.cycle.right;

import com.shopassist.app.archcontrol.cycle.left.Left;

/** A control for ArchitectureTest: with {@link Left} it makes a package cycle. Never used. */
public final class Right {
    Left partner;
}
