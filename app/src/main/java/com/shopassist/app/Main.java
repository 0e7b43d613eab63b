package com.shopassist.app;

/** Plain launcher: the jar's Main-Class must not extend Application. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("ShopAssist");
    }
}
