package com.shopassist.ai.layoutfixture.one;

import com.shopassist.ai.layoutfixture.two.Two;

/** Half of a deliberate package cycle, for the layout test's control case. */
public final class One {
    public Two other;
}
