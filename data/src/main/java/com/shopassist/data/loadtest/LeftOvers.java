package com.shopassist.data.loadtest;

/** What load tests left in a store (a run that was killed before it could clean up), found through their record. */
public record LeftOvers(long runs, long customers, long carts, long orders, long holds) {

    public boolean none() {
        return runs == 0 && customers == 0 && carts == 0 && orders == 0 && holds == 0;
    }
}
