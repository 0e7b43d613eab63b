package com.shopassist.ai.customer;

import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The customer feature (addresses): its tools and its word lists; checkout's words route to its tools. */
public final class CustomerFeature {
    private CustomerFeature() {}

    public static final WordBook WORDS = WordBook.load(CustomerFeature.class, "words");

    public static final List<Tool> TOOLS = List.of(new GetAddressesTool(), new FindAddressByLabelTool());

    public static final List<Route> ROUTES = List.of();
}
