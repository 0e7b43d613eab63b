package com.shopassist.ai.dialog;

/**
 * A reference to products shown earlier: "the second one" / "yang kedua" (ORDINAL 2), "the last
 * one" (LAST), "it" / "itu" (THAT), "that Sony" (BRAND sony), "the cheapest" (CHEAPEST),
 * "both" / "keduanya" (ALL).
 */
public record Ref(Kind kind, int index, String brand) {
    public enum Kind {
        ORDINAL,
        LAST,
        THAT,
        BRAND,
        CHEAPEST,
        PRICIEST,
        ALL
    }

    public static Ref ordinal(int n) {
        return new Ref(Kind.ORDINAL, n, null);
    }

    public static Ref of(Kind kind) {
        return new Ref(kind, 0, null);
    }

    public static Ref brand(String brand) {
        return new Ref(Kind.BRAND, 0, brand);
    }

    /** Compact form used by the utterance table: ord:2, last, that, brand:sony, cheapest, all. */
    public String code() {
        return switch (kind) {
            case ORDINAL -> "ord:" + index;
            case BRAND -> "brand:" + brand;
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
