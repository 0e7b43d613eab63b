package com.shopassist.ai.layoutfixture.two;

import com.shopassist.ai.layoutfixture.one.One;

/** The other half of a deliberate package cycle, for the layout test's control case. */
public final class Two {
    public One other;
}
