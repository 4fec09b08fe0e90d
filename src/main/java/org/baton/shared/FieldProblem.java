package org.baton.shared;

/** One problem with one input field, phrased for the person who typed it. */
public record FieldProblem(String field, String message) {}
