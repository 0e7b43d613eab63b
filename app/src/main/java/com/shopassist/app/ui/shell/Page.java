package com.shopassist.app.ui.shell;

/** The screens of the main window's centre. */
public enum Page {
    CHAT,
    BROWSE,
    PRODUCT,
    COMPARE,
    GIFTS,
    CHECKOUT,
    ORDERS,
    ACCOUNT,
    PRIVACY,
    /** A signed-in customer's past chats. */
    HISTORY,
    /** The staff panel: a clerk's only. */
    STAFF
}
