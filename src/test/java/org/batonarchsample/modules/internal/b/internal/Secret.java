package org.batonarchsample.modules.internal.b.internal;

/** Internal to module {@code b}: public in Java, hidden by the module boundary. */
public class Secret {}
