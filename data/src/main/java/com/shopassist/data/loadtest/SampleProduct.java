package com.shopassist.data.loadtest;

/** A product a load test's shoppers ask for, with its stock when the run began. */
public record SampleProduct(long id, String name, String category, int stock, int reserved) {}
