package org.batonarchsample.modules.allowed.b.internal;

/** Internal to module {@code b}, used only by {@code b} itself. */
public class Secret {}
