package com.shopassist.data.clerk;

import com.shopassist.core.clerk.ClerkCall;
import java.time.Instant;

/** A row of tbl_clerk_call as MyBatis fills it. */
public final class ClerkCallRow {
    public long id;
    public String kioskName;
    public String status;
    public Instant calledAt;
    public String takenByName;

    ClerkCall toCall() {
        return new ClerkCall(id, kioskName, ClerkCall.Status.valueOf(status), calledAt, takenByName);
    }
}
