package com.shopassist.core.customer;

/** What a new customer types in. Validated by the service (email format, password rules). */
public record Registration(String fullName, String email, char[] password, Integer age, String gender, String phone) {}
