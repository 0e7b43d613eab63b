package com.shopassist.core.catalog;

/** A brand and how many active products carry it. */
public record Brand(String name, long productCount) {}
