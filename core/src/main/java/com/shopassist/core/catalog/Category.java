package com.shopassist.core.catalog;

/** A product category with its Indonesian name and the number of active products in it. */
public record Category(long id, String name, String nameId, long productCount) {}
