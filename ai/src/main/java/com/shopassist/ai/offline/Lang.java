package com.shopassist.ai.offline;

import java.util.Locale;

/** The two languages the offline assistant speaks. */
public enum Lang {
    EN("en"),
    ID("id");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Lang of(Locale locale) {
        if (locale == null) return EN;
        String l = locale.getLanguage();
        return "id".equals(l) || "in".equals(l) ? ID : EN;
    }
}
