package org.batonarchsample.modules.undeclared.c;

/** Module {@code c}'s API, the only one {@code a} may use. */
public class Catalogue {}
