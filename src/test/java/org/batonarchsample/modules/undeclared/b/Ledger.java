package org.batonarchsample.modules.undeclared.b;

/** Module {@code b}'s API. */
public class Ledger {}
