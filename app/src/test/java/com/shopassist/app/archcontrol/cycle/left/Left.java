package com.shopassist.app.archcontrol.cycle.left;

import com.shopassist.app.archcontrol.cycle.right.Right;

/** A control for ArchitectureTest: with {@link Right} it makes a package cycle. Never used. */
public final class Left {
    Right partner;
}
