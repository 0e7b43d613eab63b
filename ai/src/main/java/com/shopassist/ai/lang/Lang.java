package com.shopassist.ai.lang;

import java.util.Locale;

/** The two languages the assistants speak: English and Bahasa Indonesia. */
public enum Lang {
    EN("en"),
    ID("id");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** "en" or "id", as replies carry it. */
    public String code() {
        return code;
    }

    /** The text in this language. */
    public String pick(String en, String id) {
        return this == ID ? id : en;
    }

    /** Indonesian for an "id" or "in" locale (Java's old code for Indonesian), else English. */
    public static Lang of(Locale locale) {
        if (locale == null) return EN;
        String l = locale.getLanguage();
        return "id".equals(l) || "in".equals(l) ? ID : EN;
    }

    /** Indonesian for "id", English for anything else. */
    public static Lang ofCode(String code) {
        return "id".equals(code) ? ID : EN;
    }
}
